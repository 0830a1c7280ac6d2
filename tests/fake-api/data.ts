/**
 * Deterministic fake balances for the fake Chainbase API.
 *
 * A few addresses are hand-written so tests can assert exact strings; every
 * other valid address gets a small portfolio from a PRNG seeded on
 * (chainId, address), so any address on a fixture page shows something and the
 * same input always yields the same output. No Math.random anywhere.
 */

export interface FakeLogo {
  uri: string;
  width: number;
  height: number;
}

export interface FakeUrl {
  name: string;
  url: string;
}

/** One token holding; `balance` is the raw integer in the token's smallest unit. */
export interface FakeToken {
  /** Lowercase 0x + 40 hex. */
  readonly contract_address: string;
  readonly decimals: number;
  readonly name: string;
  readonly symbol: string;
  /** Decimal string, or a 0x hex string for a few tokens (the real API does both). */
  readonly total_supply: string;
  readonly logos: readonly FakeLogo[];
  readonly urls: readonly FakeUrl[];
  /** USD price of one whole token; 0 = unknown. */
  readonly current_usd_price: number;
  readonly balance: bigint;
}

/** A token exactly as the API sends it (balance as a hex quantity). */
export interface TokenMeta extends Omit<FakeToken, 'balance'> {
  balance: string;
}

// ---------------------------------------------------------------------------
// Named addresses (all lowercase)
// ---------------------------------------------------------------------------

/** Hand-written showcase wallet; see SHOWCASE_TOKENS / SHOWCASE_NATIVE. */
export const SHOWCASE = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
/** Hand-written donation address (appears on explorer fixture pages); see DONATE_TOKENS / DONATE_NATIVE. */
export const DONATE = '0x71c7656ec7ab88b098defb751b7401b5f6d8976f';
/** Net-worth wallet: 2 ETH + USDC + LINK on chain 1, 0.5 BTC on Merlin (no native price there); see TWO_ETH_TOKENS. */
export const TWO_ETH = '0x0000000000000000000000000000000000e7e7e7';
/** Chain 1: exactly WHALE_TOKEN_COUNT generated tokens (3 pages at limit 100). */
export const WHALE = '0x28c6c06298d514db089934071355e5743bf21d60';
/** Chain 1: HOARDER_TOKEN_COUNT tokens, so a 10-page cap at limit 100 is hit. */
export const HOARDER = '0x0000000000000000000000000000000000001000';
/** Chain 1: tokens whose names, symbols and logos are hostile (XSS, RTL override, huge strings, bad URIs). */
export const HOSTILE = '0x000000000000000000000000000000000000bad0';
/** No tokens on any chain, native 0 everywhere. */
export const EMPTY = '0x0000000000000000000000000000000000000001';
/** Chain 1: NEXT_PAGE_ZERO_TOKEN_COUNT tokens; the last page says `next_page: 0` instead of omitting it. */
export const NEXT_PAGE_ZERO = '0x00000000000000000000000000000000000000a0';

/** Chain 1: 10 MOVE at $2.10 now, $2.00 a day ago, $1.75 a week ago (PRICE_MOVER_HISTORY); no native coin. */
export const PRICE_MOVER = '0x0000000000000000000000000000000000002100';
/** Chain 1: 5 MOVE too, so tests can see one history call shared by two holders. */
export const PRICE_MOVER_TOO = '0x0000000000000000000000000000000000002101';
export const MOVE_CONTRACT = '0x2100000000000000000000000000000000000210';

export const WHALE_TOKEN_COUNT = 260;
export const HOARDER_TOKEN_COUNT = 1050;
export const NEXT_PAGE_ZERO_TOKEN_COUNT = 150;

export const MAX_UINT256 = (1n << 256n) - 1n;

/** Hex quantity as the API writes it: lowercase, no leading zeros, "0x0" for zero. */
export function toHexQuantity(value: bigint): string {
  return `0x${value.toString(16)}`;
}

export function toTokenMeta(token: FakeToken): TokenMeta {
  return { ...token, logos: [...token.logos], urls: [...token.urls], balance: toHexQuantity(token.balance) };
}

const ETHER = 10n ** 18n;

// ---------------------------------------------------------------------------
// Hand-written portfolios
// ---------------------------------------------------------------------------

function logo(name: string): FakeLogo[] {
  return [{ uri: `https://logos.example/${name}.png`, width: 64, height: 64 }];
}

function website(name: string): FakeUrl[] {
  return [{ name: 'website', url: `https://${name}.example/` }];
}

/** The spam token's symbol and name, for tests that check it is flagged or hidden. */
export const SPAM_SYMBOL = 'visit claim-reward.com';
export const SPAM_NAME = 'Claim your reward at claim-reward.com';

/**
 * SHOWCASE on chain 1, in this order:
 * - USDC  0xa0b8…eb48  6 dec, raw 1234567891            = 1234.567891, $1
 * - WETH  0xc02a…6cc2 18 dec, raw 2500000000000000000   = 2.5, $3000
 * - WBTC  0x2260…c599  8 dec, raw 12345678              = 0.12345678, $60000 (hex total_supply)
 * - POINTS 0x1000…0001  0 dec, raw 42                   = 42, price unknown, no logo/urls
 * - YOCTO 0x1000…0002 24 dec, raw 7000000000000000000000001 = 7.000000000000000000000001, $0.5 (hex total_supply)
 * - DUST  0x1000…0003 18 dec, raw 1                     = 1 wei, price unknown, no logo/urls
 * - spam  0x1000…0004 18 dec, raw 1000·10^18            = 1000, price unknown, no logo/urls (SPAM_SYMBOL / SPAM_NAME)
 */
export const SHOWCASE_TOKENS: readonly FakeToken[] = [
  {
    contract_address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    decimals: 6,
    name: 'USD Coin',
    symbol: 'USDC',
    total_supply: '25000000000000000',
    logos: logo('usdc'),
    urls: website('usdc'),
    current_usd_price: 1,
    balance: 1234567891n,
  },
  {
    contract_address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
    decimals: 18,
    name: 'Wrapped Ether',
    symbol: 'WETH',
    total_supply: '3000000000000000000000000',
    logos: logo('weth'),
    urls: website('weth'),
    current_usd_price: 3000,
    balance: 2500000000000000000n,
  },
  {
    contract_address: '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599',
    decimals: 8,
    name: 'Wrapped BTC',
    symbol: 'WBTC',
    total_supply: '0x15d3ef79800', // 15,000 WBTC
    logos: logo('wbtc'),
    urls: website('wbtc'),
    current_usd_price: 60000,
    balance: 12345678n,
  },
  {
    contract_address: '0x1000000000000000000000000000000000000001',
    decimals: 0,
    name: 'Loyalty Points',
    symbol: 'POINTS',
    total_supply: '1000000',
    logos: [],
    urls: [],
    current_usd_price: 0,
    balance: 42n,
  },
  {
    contract_address: '0x1000000000000000000000000000000000000002',
    decimals: 24,
    name: 'Yocto Token',
    symbol: 'YOCTO',
    total_supply: '0xc9f2c9cd04674edea40000000', // 1,000,000 YOCTO
    logos: logo('yocto'),
    urls: website('yocto'),
    current_usd_price: 0.5,
    balance: 7000000000000000000000001n,
  },
  {
    contract_address: '0x1000000000000000000000000000000000000003',
    decimals: 18,
    name: 'Dust Token',
    symbol: 'DUST',
    total_supply: '1000000000000000000000',
    logos: [],
    urls: [],
    current_usd_price: 0,
    balance: 1n,
  },
  {
    contract_address: '0x1000000000000000000000000000000000000004',
    decimals: 18,
    name: SPAM_NAME,
    symbol: SPAM_SYMBOL,
    total_supply: '1000000000000000000000000000',
    logos: [],
    urls: [],
    current_usd_price: 0,
    balance: 1000n * ETHER,
  },
];

/** SHOWCASE on chain 56: BUSD 500 @ $1 and CAKE 10 @ $2, both 18 decimals. */
export const SHOWCASE_BSC_TOKENS: readonly FakeToken[] = [
  {
    contract_address: '0xe9e7cea3dedca5984780bafc599bd69add087d56',
    decimals: 18,
    name: 'BUSD Token',
    symbol: 'BUSD',
    total_supply: '4000000000000000000000000000',
    logos: logo('busd'),
    urls: website('busd'),
    current_usd_price: 1,
    balance: 500n * ETHER,
  },
  {
    contract_address: '0x0e09fabb73bd3ade0a17ecc321fd13a19e81ce82',
    decimals: 18,
    name: 'PancakeSwap Token',
    symbol: 'CAKE',
    total_supply: '380000000000000000000000000',
    logos: logo('cake'),
    urls: website('cake'),
    current_usd_price: 2,
    balance: 10n * ETHER,
  },
];

/** SHOWCASE native balances in wei: 1.5 ETH on chain 1, 0.25 BNB on chain 56, 0 elsewhere (including Base). */
export const SHOWCASE_NATIVE: Readonly<Record<number, bigint>> = {
  1: 1500000000000000000n,
  56: 250000000000000000n,
};

/**
 * DONATE on chain 1: USDT 0xdac1…1ec7 (6 dec, raw 100500000 = 100.5, $1) and
 * LINK 0x5149…86ca (18 dec, raw 12345678900000000000 = 12.3456789, $15).
 */
export const DONATE_TOKENS: readonly FakeToken[] = [
  {
    contract_address: '0xdac17f958d2ee523a2206206994597c13d831ec7',
    decimals: 6,
    name: 'Tether USD',
    symbol: 'USDT',
    total_supply: '90000000000000000',
    logos: logo('usdt'),
    urls: website('usdt'),
    current_usd_price: 1,
    balance: 100500000n,
  },
  {
    contract_address: '0x514910771af9ca656af840dff83e8264ecf986ca',
    decimals: 18,
    name: 'ChainLink Token',
    symbol: 'LINK',
    total_supply: '1000000000000000000000000000',
    logos: logo('link'),
    urls: website('link'),
    current_usd_price: 15,
    balance: 12345678900000000000n,
  },
];

/** DONATE on chain 56: Binance-Peg USDT 0x55d3…7955 (18 dec, raw 42·10^18 = 42, $1). */
export const DONATE_BSC_TOKENS: readonly FakeToken[] = [
  {
    contract_address: '0x55d398326f99059ff775485246999027b3197955',
    decimals: 18,
    name: 'Tether USD',
    symbol: 'USDT',
    total_supply: '5000000000000000000000000000',
    logos: logo('usdt'),
    urls: website('usdt'),
    current_usd_price: 1,
    balance: 42n * ETHER,
  },
];

/**
 * TWO_ETH on chain 1: USDC 0xa0b8…eb48 (6 dec, 500, $1) and LINK 0x5149…86ca (18 dec, 10, $15).
 * With ETH at the fake WETH price ($3,000) its Ethereum total is 2 × 3,000 + 500 + 150 = $6,650.00.
 */
export const TWO_ETH_TOKENS: readonly FakeToken[] = [
  {
    contract_address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    decimals: 6,
    name: 'USD Coin',
    symbol: 'USDC',
    total_supply: '40000000000000000',
    logos: logo('usdc'),
    urls: website('usdc'),
    current_usd_price: 1,
    balance: 500_000_000n,
  },
  {
    contract_address: '0x514910771af9ca656af840dff83e8264ecf986ca',
    decimals: 18,
    name: 'ChainLink Token',
    symbol: 'LINK',
    total_supply: '1000000000000000000000000000',
    logos: logo('link'),
    urls: website('link'),
    current_usd_price: 15,
    balance: 10n * ETHER,
  },
];

/** TWO_ETH native balances: 2 ETH on chain 1, 0.5 BTC on Merlin (4200), 0 elsewhere. */
export const TWO_ETH_NATIVE: Readonly<Record<number, bigint>> = { 1: 2n * ETHER, 4200: ETHER / 2n };

/**
 * What GET /v1/token/price answers, per chain and lowercase contract: the wrapped native
 * tokens the extension prices native coins with. Any other contract has no price (data: null).
 * WETH is $3,000 everywhere, as SHOWCASE's WETH token; Merlin has no entry.
 */
export const TOKEN_PRICES: Readonly<Record<number, Readonly<Record<string, { price: number; symbol: string }>>>> = {
  1: { '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2': { price: 3000, symbol: 'WETH' } },
  56: { '0xbb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c': { price: 600, symbol: 'WBNB' } },
  137: { '0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270': { price: 0.5, symbol: 'WPOL' } },
  43114: { '0xb31f66aa3c1e785363f0875a1b74e27b85fd66c7': { price: 35, symbol: 'WAVAX' } },
  42161: { '0x82af49447d8a07e3bd95bd0d56f35241523fbab1': { price: 3000, symbol: 'WETH' } },
  10: { '0x4200000000000000000000000000000000000006': { price: 3000, symbol: 'WETH' } },
  8453: { '0x4200000000000000000000000000000000000006': { price: 3000, symbol: 'WETH' } },
  324: { '0x5aea5775959fbc2557cc8789bc1bf90a239d9a91': { price: 3000, symbol: 'WETH' } },
};

/** The fixed `updated_at` of every fake price (deterministic answers). */
export const PRICE_UPDATED_AT = '2026-01-01T00:00:00Z';

export function priceFor(chainId: number, contract: string): { price: number; symbol: string } | undefined {
  return TOKEN_PRICES[chainId]?.[contract.toLowerCase()];
}

/** DONATE native balances in wei: 0.75 ETH on chain 1, 0 elsewhere. */
export const DONATE_NATIVE: Readonly<Record<number, bigint>> = { 1: 750000000000000000n };

export const XSS_IMG = '<img src=x onerror="window.__xss=1">';
export const XSS_SCRIPT = '<script>window.__xss=1</script>';
export const RTL_OVERRIDE = '\u202E';
export const HUGE_STRING = 'A'.repeat(10_000);

function hostileToken(n: number, fields: Pick<FakeToken, 'name' | 'symbol' | 'logos'> & Partial<FakeToken>): FakeToken {
  return {
    contract_address: `0xbad0000000000000000000000000000000000${n.toString(16).padStart(3, '0')}`,
    decimals: 18,
    total_supply: '1000000000000000000000000',
    urls: [],
    current_usd_price: 0,
    balance: BigInt(n) * ETHER,
    ...fields,
  };
}

/** HOSTILE on chain 1: each token carries one kind of hostile text or logo URI. */
export const HOSTILE_TOKENS: readonly FakeToken[] = [
  hostileToken(1, { name: `Img ${XSS_IMG}`, symbol: XSS_IMG, logos: [] }),
  hostileToken(2, { name: `Script ${XSS_SCRIPT}`, symbol: XSS_SCRIPT, logos: [] }),
  hostileToken(3, { name: `${RTL_OVERRIDE}nioCDSU`, symbol: `${RTL_OVERRIDE}DSU`, logos: [], current_usd_price: 0.01 }),
  hostileToken(4, { name: HUGE_STRING, symbol: HUGE_STRING, logos: [] }),
  hostileToken(5, {
    name: 'JavaScript Logo',
    symbol: 'JSURI',
    logos: [{ uri: 'javascript:alert(1)', width: 64, height: 64 }],
    urls: [{ name: 'website', url: 'javascript:alert(1)' }],
  }),
  hostileToken(6, {
    name: 'Data SVG Logo',
    symbol: 'SVG',
    logos: [{ uri: `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>')}`, width: 64, height: 64 }],
  }),
  hostileToken(7, {
    name: 'Insecure Logo',
    symbol: 'HTTP',
    logos: [{ uri: 'http://insecure.example/x.png', width: 64, height: 64 }],
    current_usd_price: 0.02,
  }),
];

// ---------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------

/** FNV-1a: a stable 32-bit seed from any string. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny deterministic generator of uint32 values. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(label: string) {
    this.next = mulberry32(hashString(label));
  }
  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 2 ** 32;
  }
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  /** Uniform bigint with up to `bits` bits. */
  bigint(bits: number): bigint {
    let value = 0n;
    for (let have = 0; have < bits; have += 32) value = (value << 32n) | BigInt(this.next());
    return value & ((1n << BigInt(bits)) - 1n);
  }
  hex(chars: number): string {
    let out = '';
    while (out.length < chars) out += this.next().toString(16).padStart(8, '0');
    return out.slice(0, chars);
  }
}

// ---------------------------------------------------------------------------
// Generated portfolios
// ---------------------------------------------------------------------------

const GENERATED_DECIMALS = [0, 6, 8, 18, 24] as const;
const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'zen', 'vo', 'rix', 'na', 'pa', 'qu', 'sol', 'dex'];

function generatedName(rng: Rng): { name: string; symbol: string } {
  const word = Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES)).join('');
  const name = `${word[0]?.toUpperCase() ?? ''}${word.slice(1)} ${rng.pick(['Token', 'Coin', 'Finance', 'Protocol'])}`;
  return { name, symbol: word.slice(0, rng.int(3, 5)).toUpperCase() };
}

/** Mostly ordinary amounts, with occasional dust and huge holdings. */
function generatedBalance(rng: Rng, decimals: number): bigint {
  const roll = rng.float();
  if (roll < 0.1) return BigInt(rng.int(1, 999)); // dust in the smallest unit
  if (roll < 0.18) return rng.bigint(rng.int(128, 255)) + 1n; // absurdly large
  const whole = BigInt(rng.int(1, 1_000_000));
  const fraction = decimals > 0 ? rng.bigint(64) % 10n ** BigInt(decimals) : 0n;
  return whole * 10n ** BigInt(decimals) + fraction;
}

/** About 40% unpriced; the rest spread from fractions of a cent to thousands. */
function generatedPrice(rng: Rng): number {
  if (rng.chance(0.4)) return 0;
  return Number((10 ** rng.int(-4, 3) * (1 + rng.float() * 9)).toPrecision(6));
}

function generatedSupply(rng: Rng, balance: bigint): string {
  const supply = balance >= MAX_UINT256 / 2n ? MAX_UINT256 : balance * BigInt(rng.int(2, 1000));
  return rng.chance(0.1) ? toHexQuantity(supply) : supply.toString();
}

interface TokenOverrides {
  decimals?: number;
  balance?: bigint;
}

function generatedToken(rng: Rng, overrides: TokenOverrides = {}): FakeToken {
  const contract = `0x${rng.hex(40)}`;
  const decimals = overrides.decimals ?? rng.pick(GENERATED_DECIMALS);
  const balance = overrides.balance ?? generatedBalance(rng, decimals);
  const { name, symbol } = generatedName(rng);
  const hasLogo = rng.chance(0.75);
  return Object.freeze({
    contract_address: contract,
    decimals,
    name,
    symbol,
    total_supply: generatedSupply(rng, balance),
    logos: hasLogo ? [{ uri: `https://logos.example/gen/${contract.slice(2, 10)}.png`, width: 64, height: 64 }] : [],
    urls: rng.chance(0.5) ? [{ name: 'website', url: `https://${symbol.toLowerCase()}.example/` }] : [],
    current_usd_price: generatedPrice(rng),
    balance,
  });
}

/**
 * `count` tokens for a big test wallet. The first five cover every decimals
 * value (0, 6, 8, 18, 24); token 0 holds 2^256−1 and token 1 holds 1 raw unit.
 */
function generatedWallet(label: string, count: number): FakeToken[] {
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(`${label}:${i}`);
    const overrides: TokenOverrides = { decimals: GENERATED_DECIMALS[i] };
    if (i === 0) overrides.balance = MAX_UINT256;
    if (i === 1) overrides.balance = 1n;
    return generatedToken(rng, overrides);
  });
}

/** Any other address: 0–6 tokens on chains 1 and 56, 0–2 elsewhere. */
function randomHoldings(chainId: number, address: string): FakeToken[] {
  const rng = new Rng(`portfolio:${chainId}:${address}`);
  const count = chainId === 1 || chainId === 56 ? rng.int(0, 6) : rng.int(0, 2);
  return Array.from({ length: count }, () => generatedToken(rng));
}

/** Any other address: a non-zero native balance between 0.001 and ~100 whole coins. */
function randomNative(chainId: number, address: string): bigint {
  const rng = new Rng(`native:${chainId}:${address}`);
  return BigInt(rng.int(1, 100_000)) * 10n ** 15n + rng.bigint(48) % 10n ** 15n;
}

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

/** Native balance in wei for the named addresses that have any; everything else named is 0. */
const NAMED_NATIVE: Readonly<Record<string, Readonly<Record<number, bigint>>>> = {
  [SHOWCASE]: SHOWCASE_NATIVE,
  [DONATE]: DONATE_NATIVE,
  [TWO_ETH]: TWO_ETH_NATIVE,
  /** 42,000 ETH on chain 1. */
  [WHALE]: { 1: 42_000n * ETHER },
  /** 1 ETH on chain 1. */
  [HOARDER]: { 1: ETHER },
  [HOSTILE]: {},
  [EMPTY]: {},
  [NEXT_PAGE_ZERO]: {},
  [PRICE_MOVER]: {},
  [PRICE_MOVER_TOO]: {},
};

const NAMED_TOKENS: Readonly<Record<string, Readonly<Record<number, () => readonly FakeToken[]>>>> = {
  [SHOWCASE]: { 1: () => SHOWCASE_TOKENS, 56: () => SHOWCASE_BSC_TOKENS },
  [DONATE]: { 1: () => DONATE_TOKENS, 56: () => DONATE_BSC_TOKENS },
  [TWO_ETH]: { 1: () => TWO_ETH_TOKENS },
  [WHALE]: { 1: () => generatedWallet('whale', WHALE_TOKEN_COUNT) },
  [HOARDER]: { 1: () => generatedWallet('hoarder', HOARDER_TOKEN_COUNT) },
  [HOSTILE]: { 1: () => HOSTILE_TOKENS },
  [EMPTY]: {},
  [NEXT_PAGE_ZERO]: { 1: () => generatedWallet('next-page-zero', NEXT_PAGE_ZERO_TOKEN_COUNT) },
  [PRICE_MOVER]: { 1: () => [MOVE_TOKEN] },
  [PRICE_MOVER_TOO]: { 1: () => [{ ...MOVE_TOKEN, balance: 5n * ETHER }] },
};

function isNamed(address: string): boolean {
  return address in NAMED_TOKENS;
}

// Generating a thousand tokens is cheap but not free; the results never change.
const tokenCache = new Map<string, readonly FakeToken[]>();

/** The tokens `address` holds on `chainId`, in a stable order (address is case-insensitive). */
export function tokensFor(chainId: number, address: string): FakeToken[] {
  const addr = address.toLowerCase();
  const key = `${chainId}:${addr}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    tokens = isNamed(addr) ? (NAMED_TOKENS[addr]?.[chainId]?.() ?? []) : randomHoldings(chainId, addr);
    tokenCache.set(key, tokens);
  }
  return [...tokens];
}

/** Native balance in wei (address is case-insensitive). */
export function nativeFor(chainId: number, address: string): bigint {
  const addr = address.toLowerCase();
  if (isNamed(addr)) return NAMED_NATIVE[addr]?.[chainId] ?? 0n;
  return randomNative(chainId, addr);
}

/** Addresses whose last page carries `next_page: 0` rather than omitting next_page. */
export function lastPageSaysZero(address: string): boolean {
  return address.toLowerCase() === NEXT_PAGE_ZERO;
}

// ---------------------------------------------------------------------------
// ENS names (chain 1 only)
// ---------------------------------------------------------------------------

/** DONATE's primary name: its reverse record claims it and the forward record agrees. */
export const DONATE_ENS = 'donations.eth';
/** SHOWCASE's primary name (verified). */
export const SHOWCASE_ENS = 'vitalik.eth';
/** A subdomain pointing at DONATE (forward only; DONATE's reverse record says DONATE_ENS). */
export const DONATE_SUBDOMAIN_ENS = 'pay.donations.eth';
/** Spoofed: WHALE's reverse record claims SHOWCASE_ENS, whose forward record points at SHOWCASE. */
export const SPOOFED_REVERSE = { address: WHALE, name: SHOWCASE_ENS } as const;
/** A registered name without an address record. */
export const NO_ADDRESS_ENS = 'no-address.eth';
/** HOSTILE's verified primary name, with a Cyrillic "а" in a Latin word ("pаypal.eth"). */
export const MIXED_SCRIPT_ENS = 'p\u0430ypal.eth';

/** Forward records: name → address ('' when the name has no address record). */
const ENS_FORWARD: Readonly<Record<string, string>> = {
  [SHOWCASE_ENS]: SHOWCASE,
  [DONATE_ENS]: DONATE,
  [DONATE_SUBDOMAIN_ENS]: DONATE,
  [NO_ADDRESS_ENS]: '',
  [MIXED_SCRIPT_ENS]: HOSTILE,
};

/** Reverse records: address → the name it claims. */
const ENS_REVERSE: Readonly<Record<string, string>> = {
  [SHOWCASE]: SHOWCASE_ENS,
  [DONATE]: DONATE_ENS,
  [SPOOFED_REVERSE.address]: SPOOFED_REVERSE.name,
  [HOSTILE]: MIXED_SCRIPT_ENS,
};

/** An ENS record as the API sends it (fields as in Chainbase's ENSRecord). */
export interface EnsRecord {
  name: string;
  address: string;
  registrant: string;
  owner: string;
  resolver: string;
  registrant_time: string;
  expiration_time: string;
  token_id: string;
  text_records: Record<string, string>;
}

const ENS_RESOLVER = '0x231b0ee14048e9dccd1d247744d114a4eb5e8e63';

function ensRecord(name: string, address: string): EnsRecord {
  const owner = address || EMPTY;
  return {
    name,
    address,
    registrant: owner,
    owner,
    resolver: ENS_RESOLVER,
    registrant_time: '2021-05-04T00:00:00Z',
    expiration_time: '2031-05-04T00:00:00Z',
    token_id: '0',
    text_records: {},
  };
}

/** The forward record of `name` (exact, case-sensitive: ENS names are hashed as given), or undefined when unregistered. */
export function ensRecordFor(name: string): EnsRecord | undefined {
  const address = ENS_FORWARD[name];
  return address === undefined ? undefined : ensRecord(name, address);
}

/** The reverse records of `address` (case-insensitive): one entry, or none. */
export function ensReverseFor(address: string): EnsRecord[] {
  const name = ENS_REVERSE[address.toLowerCase()];
  return name === undefined ? [] : [ensRecord(name, address.toLowerCase())];
}

// ---------------------------------------------------------------------------
// Price history (GET /v1/token/price/history)
// ---------------------------------------------------------------------------


const MOVE_TOKEN: FakeToken = {
  contract_address: MOVE_CONTRACT,
  decimals: 18,
  name: 'Mover Token',
  symbol: 'MOVE',
  total_supply: '1000000000000000000000000',
  logos: logo('move'),
  urls: website('move'),
  current_usd_price: 2.1,
  balance: 10n * ETHER,
};

/**
 * A hand-written history as steps: from `ageHours` back (until the next step) the price was
 * `price`. MOVE's day-old price is $2.00 (+5.00 % over 24 h) and its week-old one $1.75 (+20.00 %);
 * the steps sit half a day away from 24 h and 7 d so a few seconds of clock skew change nothing.
 */
export interface HistoryStep {
  ageHours: number;
  price: number;
}
export const PRICE_MOVER_HISTORY: readonly HistoryStep[] = [
  { ageHours: 0, price: 2.1 },
  { ageHours: 12, price: 2 },
  { ageHours: 6.5 * 24, price: 1.75 },
];

const HAND_WRITTEN_HISTORY: Readonly<Record<string, readonly HistoryStep[]>> = {
  [`1:${MOVE_CONTRACT}`]: PRICE_MOVER_HISTORY,
};

/** Every hand-written token with a price, by `chain:contract`: what a history ends at. */
function currentPrices(): Map<string, number> {
  const lists: Array<[number, readonly FakeToken[]]> = [
    [1, SHOWCASE_TOKENS],
    [56, SHOWCASE_BSC_TOKENS],
    [1, DONATE_TOKENS],
    [56, DONATE_BSC_TOKENS],
    [1, TWO_ETH_TOKENS],
    [1, [MOVE_TOKEN]],
  ];
  const prices = new Map<string, number>();
  for (const [chainId, tokens] of lists) {
    for (const t of tokens) if (t.current_usd_price > 0) prices.set(`${chainId}:${t.contract_address}`, t.current_usd_price);
  }
  for (const [chainId, byContract] of Object.entries(TOKEN_PRICES)) {
    for (const [contract, { price }] of Object.entries(byContract)) prices.set(`${chainId}:${contract}`, price);
  }
  return prices;
}

let currentPriceCache: Map<string, number> | undefined;

const HOUR_SECONDS = 3600;

/** One point every hour, counted back from `toSec`. */
export const HISTORY_STEP_SECONDS = HOUR_SECONDS;

/**
 * The price of (chain, contract) `ageHours` before now: the hand-written steps where there are
 * any, else a gentle seeded wave (±4 %) that ends exactly at the token's current price; undefined
 * for a token the fake does not price.
 */
export function historicalPrice(chainId: number, contract: string, ageHours: number): number | undefined {
  const key = `${chainId}:${contract.toLowerCase()}`;
  const steps = HAND_WRITTEN_HISTORY[key];
  if (steps) return [...steps].reverse().find((s) => s.ageHours <= ageHours)?.price ?? steps[0]!.price;
  const now = (currentPriceCache ??= currentPrices()).get(key);
  if (now === undefined) return undefined;
  const phase = (hashString(key) % 628) / 100;
  const wave = Math.sin(phase + ageHours / 40) - Math.sin(phase);
  return Number((now * (1 + 0.04 * wave)).toPrecision(8));
}

/**
 * Points {price, updated_at (ISO)} from `fromSec` to `toSec` inclusive, one an hour counted back
 * from `toSec`, none after `nowSec`, oldest first; [] for a token without a price.
 */
export function priceHistoryFor(chainId: number, contract: string, fromSec: number, toSec: number, nowSec: number): Array<{ price: number; updated_at: string }> {
  const points: Array<{ price: number; updated_at: string }> = [];
  for (let t = Math.min(toSec, nowSec); t >= fromSec; t -= HISTORY_STEP_SECONDS) {
    const price = historicalPrice(chainId, contract, (nowSec - t) / HOUR_SECONDS);
    if (price === undefined) return [];
    points.push({ price, updated_at: new Date(t * 1000).toISOString() });
  }
  return points.reverse();
}
