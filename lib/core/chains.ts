/** The one table of chains Chainbase serves; everything else reads it. */
export interface Chain {
  id: number;
  name: string;
  /** Short label for badges. */
  short: string;
  native: { symbol: string; decimals: number };
  /** Explorer hosts (exact hostnames, `www.` is also accepted); the first one builds links. */
  explorers: readonly string[];
  /** Badge colour. */
  color: string;
}

export const CHAINS = [
  { id: 1, name: 'Ethereum', short: 'ETH', native: { symbol: 'ETH', decimals: 18 }, explorers: ['etherscan.io', 'eth.blockscout.com'], color: '#627eea' },
  { id: 137, name: 'Polygon', short: 'POL', native: { symbol: 'POL', decimals: 18 }, explorers: ['polygonscan.com', 'polygon.blockscout.com'], color: '#8247e5' },
  { id: 56, name: 'BNB Chain', short: 'BSC', native: { symbol: 'BNB', decimals: 18 }, explorers: ['bscscan.com'], color: '#f0b90b' },
  { id: 43114, name: 'Avalanche', short: 'AVAX', native: { symbol: 'AVAX', decimals: 18 }, explorers: ['snowtrace.io'], color: '#e84142' },
  { id: 42161, name: 'Arbitrum', short: 'ARB', native: { symbol: 'ETH', decimals: 18 }, explorers: ['arbiscan.io', 'arbitrum.blockscout.com'], color: '#28a0f0' },
  { id: 10, name: 'Optimism', short: 'OP', native: { symbol: 'ETH', decimals: 18 }, explorers: ['optimistic.etherscan.io', 'optimism.blockscout.com'], color: '#ff0420' },
  { id: 8453, name: 'Base', short: 'BASE', native: { symbol: 'ETH', decimals: 18 }, explorers: ['basescan.org', 'base.blockscout.com'], color: '#0052ff' },
  { id: 324, name: 'zkSync Era', short: 'ZKS', native: { symbol: 'ETH', decimals: 18 }, explorers: ['explorer.zksync.io', 'zksync.blockscout.com'], color: '#8c8dfc' },
  { id: 4200, name: 'Merlin', short: 'MERL', native: { symbol: 'BTC', decimals: 18 }, explorers: ['scan.merlinchain.io'], color: '#f7931a' },
] as const satisfies readonly Chain[];

export type ChainId = (typeof CHAINS)[number]['id'];

const BY_ID = new Map<number, Chain>(CHAINS.map((c) => [c.id, c]));

export function chainById(id: number): Chain | undefined {
  return BY_ID.get(id);
}

export function isChainId(id: unknown): id is ChainId {
  return typeof id === 'number' && BY_ID.has(id);
}

/**
 * The chain an explorer host shows. Only exact hosts (or `www.`) count:
 * `sepolia.etherscan.io` is a testnet, not Ethereum, so it gets no chain.
 */
export function chainForHost(hostname: string): Chain | undefined {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return CHAINS.find((c) => (c.explorers as readonly string[]).includes(host));
}

/**
 * The explorer hosts the content script runs on, exactly (no subdomain
 * wildcards: `sepolia.etherscan.io` is a testnet we do not serve); also the
 * keys of the per-host on/off switch.
 */
export const EXPLORER_SITES: readonly string[] = CHAINS.flatMap((c) => c.explorers as readonly string[]);
export type ExplorerSite = string;

/** Hosts that are a bare registrable domain also answer at `www.`. */
function hostsOf(host: string): string[] {
  return host.split('.').length === 2 ? [host, `www.${host}`] : [host];
}

/** Match patterns for exactly those hosts. */
export const EXPLORER_MATCHES = EXPLORER_SITES.flatMap(hostsOf).map((host) => `https://${host}/*`);

/** The switch key of an explorer host (its listed host, without `www.`), or undefined for any other host. */
export function siteForHost(hostname: string): ExplorerSite | undefined {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return EXPLORER_SITES.includes(host) ? host : undefined;
}

export function explorerAddressUrl(chainId: number, address: string): string | undefined {
  const chain = chainById(chainId);
  return chain ? `https://${chain.explorers[0]}/address/${address}` : undefined;
}
