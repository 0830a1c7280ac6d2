/**
 * Spam and dust rules (name and symbol are checked together; matching is case-insensitive):
 *
 * Spam — any one of:
 * 1. **Link**: text like `http`, `www.`, `t.me/`, or a domain such as
 *    `claim-reward.com` (label + a common TLD: com, net, org, io, xyz, app, site, top, …).
 *    `.finance`, `.fi` and `.ai` are left out on purpose: real tokens are named
 *    `yearn.finance` and `ether.fi`, and `USDC.e`-style one-letter suffixes never match.
 * 2. **Bait words**: claim, visit, reward, airdrop, voucher as a whole word, also
 *    plural/-ed/-ing and inside camelCase (`ClaimRewards`). Longer words that merely
 *    start the same (`Claimable`, `Visitor`, `Rewardable`) are not flagged: they are
 *    ordinary English, and real bait almost always carries a link as well.
 * 3. **Absurd supply**: 0 decimals and a balance of at least 10^15 units.
 * 4. **Hidden characters**: control, format (bidi overrides, zero-width), private-use
 *    or lone-surrogate characters in the name or symbol.
 *
 * Dust — any one of:
 * 1. The balance is zero.
 * 2. Priced (price > 0) and worth less than $0.01.
 * 3. Unpriced (price 0 or unknown), no logo, and less than 0.001 of a whole token.
 *
 * Hidden = spam or dust.
 */
import type { Token } from './types';
import { isValidDecimals, parseRawAmount, usdValue } from './format';
import { message, type Message } from './message';

export interface TokenClass {
  spam: boolean;
  dust: boolean;
  /** One sentence each. */
  reasons: Message[];
}

const SPAM_TLDS = [
  'com', 'net', 'org', 'io', 'xyz', 'app', 'site', 'online', 'top', 'club', 'live', 'pro', 'info',
  'cc', 'co', 'me', 'gg', 'vip', 'link', 'click', 'world', 'gift', 'fun', 'shop', 'store', 'today',
  'website', 'space', 'tech', 'us', 'ru', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'biz', 'to', 'lol',
  'bet', 'win', 'one', 'life', 'icu', 'cyou', 'buzz', 'sbs', 'cfd', 'bond', 'homes', 'lat', 'events',
  'claims', 'claim', 'network', 'cash', 'money', 'digital', 'tel', 'ink', 'zone', 'rest',
];
const URL_MARKERS = /\bhttps?|\bwww\.|\bt\.me\/|:\/\//i;
const DOMAIN = new RegExp(`(?:^|[^a-z0-9-])[a-z0-9][a-z0-9-]*\\.(?:${SPAM_TLDS.join('|')})(?![a-z0-9])`, 'i');
const BAIT_WORD = /(?<![a-z])(claim|visit|reward|airdrop|voucher)(?:s|p?ed|p?ing)?(?![a-z])/;
const HIDDEN_CHARS = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

const ABSURD_UNITS = 10n ** 15n;
const DUST_USD = 0.01;
/** 0.001 whole token, as 1/1000. */
const DUST_WHOLE_DIVISOR = 1000n;

export function classifyToken(t: Token): TokenClass {
  const reasons = [...spamReasons(t)];
  const spam = reasons.length > 0;
  const dustReason = dustReasonFor(t);
  if (dustReason) reasons.push(dustReason);
  return { spam, dust: dustReason !== undefined, reasons };
}

export function isHidden(t: Token): boolean {
  const c = classifyToken(t);
  return c.spam || c.dust;
}

function* spamReasons(t: Token): Generator<Message> {
  const text = `${t.name} ${t.symbol}`;
  if (URL_MARKERS.test(text) || DOMAIN.test(text)) yield message('messages.spam.link');
  const bait = findBaitWord(text);
  if (bait) yield message('messages.spam.bait', bait);
  const raw = rawBalance(t);
  if (t.decimals === 0 && raw !== undefined && raw >= ABSURD_UNITS) yield message('messages.spam.absurd');
  if (HIDDEN_CHARS.test(text)) yield message('messages.spam.hidden');
}

/** Splits camelCase first so `ClaimRewards` reads as two words, then matches whole words. */
function findBaitWord(text: string): string | undefined {
  const words = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return BAIT_WORD.exec(words)?.[1];
}

function dustReasonFor(t: Token): Message | undefined {
  const raw = rawBalance(t);
  if (raw === undefined) return undefined;
  if (raw === 0n) return message('messages.spam.zero');
  if (!isValidDecimals(t.decimals)) return undefined;
  const usd = usdValue(t.balance, t.decimals, t.priceUsd);
  if (usd !== undefined) return usd < DUST_USD ? message('messages.spam.dust') : undefined;
  const belowThreshold = raw * DUST_WHOLE_DIVISOR < 10n ** BigInt(t.decimals);
  return belowThreshold && !t.logo ? message('messages.spam.unpricedTiny') : undefined;
}

/** The API layer validates balances; a malformed one here skips the amount rules rather than crashing a list. */
function rawBalance(t: Token): bigint | undefined {
  try {
    return parseRawAmount(t.balance);
  } catch {
    return undefined;
  }
}
