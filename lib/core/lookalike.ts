/**
 * The look-alike verdict against address poisoning: scammers grind addresses that share
 * the first and last characters of one the victim uses and send dust from them, hoping
 * the twin gets copied from the transaction list later. Wallets and explorers show
 * addresses cut to their ends ("0xd8dA…6045"), so matching ends are what fools the eye.
 *
 * The verdict is graded by how many hex characters match at each end (after "0x"):
 * - critical: both ends match (≥ 4 and ≥ 4), or ≥ 10 matched in total;
 * - warning: one end matches ≥ 5, or ≥ 7 matched in total.
 * Random pairs reach a tier about twice per million comparisons (warning) and once per
 * 4·10⁹ (critical); real grinds match 4–6 characters at each end (scripts/bench/lookalike.ts).
 */
import { isAddress } from './address-format';

export type LookalikeTier = 'critical' | 'warning';

/**
 * Where the address it resembles comes from: the user's watchlist (or rows being imported),
 * the address book (labels imported for addresses not necessarily watched), or the same page.
 */
export type LookalikeSource = 'watchlist' | 'address-book' | 'page';

const HEX_START = 2;
const ADDRESS_LENGTH = 42;
const HEX_LENGTH = ADDRESS_LENGTH - HEX_START;
export const CRITICAL_EACH_END = 4;
export const CRITICAL_TOTAL = 10;
export const WARNING_ONE_END = 5;
export const WARNING_TOTAL = 7;

/** Page addresses one look-alike question may carry (lib/content/page-addresses.ts collects at most this many). */
export const MAX_PAGE_ADDRESSES = 500;

export interface LookalikeCandidate {
  /** Any case; compared case-insensitively. */
  address: string;
  label: string;
}

/** Hex characters (after "0x") that two addresses share at their start and at their end. */
export interface EndMatch {
  head: number;
  tail: number;
}

/** What the worker tells a card or a page about one address: plain JSON, nothing about other entries. */
export interface LookalikeVerdict {
  tier: LookalikeTier;
  source: LookalikeSource;
  /** The address asked about, lowercase. */
  address: string;
  /** The address it resembles, lowercase. */
  like: string;
  /** The resembled entry's label ('' when it has none or it is a page address). */
  label: string;
  matched: EndMatch;
  /** Page look-alikes: how often each of the two appears on the page. */
  counts?: { address: number; like: number };
}

/** Matching hex characters at each end; the middle never counts twice (identical addresses give 40 + 0). */
export function endMatch(a: string, b: string): EndMatch {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let head = 0;
  while (head < HEX_LENGTH && x[HEX_START + head] === y[HEX_START + head]) head++;
  let tail = 0;
  while (tail < HEX_LENGTH - head && x[ADDRESS_LENGTH - 1 - tail] === y[ADDRESS_LENGTH - 1 - tail]) tail++;
  return { head, tail };
}

/** The tier two ends earn, or undefined when they are too different to fool anyone. */
export function tierOf({ head, tail }: EndMatch): LookalikeTier | undefined {
  if ((head >= CRITICAL_EACH_END && tail >= CRITICAL_EACH_END) || head + tail >= CRITICAL_TOTAL) return 'critical';
  if (head >= WARNING_ONE_END || tail >= WARNING_ONE_END || head + tail >= WARNING_TOTAL) return 'warning';
  return undefined;
}

/**
 * The tier of two addresses, undefined when they are not both addresses, are the same
 * account (case never matters: checksummed and lowercase forms are one account) or do
 * not look alike.
 */
export function lookalikeTier(a: string, b: string): LookalikeTier | undefined {
  if (!isAddress(a) || !isAddress(b) || a.toLowerCase() === b.toLowerCase()) return undefined;
  return tierOf(endMatch(a, b));
}

/** Critical beats warning; within a tier, more matched characters fool the eye better. */
function strongerThan(a: LookalikeVerdict, b: LookalikeVerdict | undefined): boolean {
  if (!b) return true;
  if (a.tier !== b.tier) return a.tier === 'critical';
  return a.matched.head + a.matched.tail > b.matched.head + b.matched.tail;
}

function verdictAgainst(address: string, candidate: LookalikeCandidate, source: LookalikeSource): LookalikeVerdict | undefined {
  const tier = lookalikeTier(address, candidate.address);
  if (!tier) return undefined;
  const a = address.toLowerCase();
  const like = candidate.address.toLowerCase();
  return { tier, source, address: a, like, label: candidate.label, matched: endMatch(a, like) };
}

/**
 * The strongest look-alike of `address` among the watchlist entries, or undefined. The
 * address's own entry is skipped, not the check: two watched entries that look alike
 * are each flagged against the other.
 */
export function lookalikeVerdict(
  address: string,
  watched: readonly LookalikeCandidate[],
  source: Exclude<LookalikeSource, 'page'> = 'watchlist',
): LookalikeVerdict | undefined {
  let best: LookalikeVerdict | undefined;
  for (const entry of watched) {
    const verdict = verdictAgainst(address, entry, source);
    if (verdict && strongerThan(verdict, best)) best = verdict;
  }
  return best;
}

/**
 * The strongest look-alike of `address` among the other addresses one page shows (the
 * zero-value-transfer case: the real counterparty and its twin in one list), with how
 * often each appears there. `pageAddresses` may repeat addresses; case is ignored.
 */
export function pageLookalikeVerdict(address: string, pageAddresses: readonly string[]): LookalikeVerdict | undefined {
  const counts = countAddresses(pageAddresses);
  let best: LookalikeVerdict | undefined;
  for (const other of counts.keys()) {
    const verdict = verdictAgainst(address, { address: other, label: '' }, 'page');
    if (verdict && strongerThan(verdict, best)) best = verdict;
  }
  return best && { ...best, counts: { address: counts.get(best.address) ?? 0, like: counts.get(best.like) ?? 0 } };
}

/**
 * The verdict to show: the watchlist's when there is one of the same strength, else the
 * address book's (`labelled`), else the page's; a critical one beats a warning.
 */
export function combinedVerdict(
  address: string,
  watched: readonly LookalikeCandidate[],
  pageAddresses: readonly string[],
  labelled: readonly LookalikeCandidate[] = [],
): LookalikeVerdict | undefined {
  const fromWatched = lookalikeVerdict(address, watched);
  const fromBook = lookalikeVerdict(address, labelled, 'address-book');
  const fromList = fromBook && strongerThan(fromBook, fromWatched) ? fromBook : fromWatched;
  const fromPage = pageLookalikeVerdict(address, pageAddresses);
  if (!fromPage) return fromList;
  if (!fromList) return fromPage;
  return fromPage.tier === 'critical' && fromList.tier === 'warning' ? fromPage : fromList;
}

/**
 * Every entry of a list that looks like another entry of the same list, each with its
 * strongest twin: two watched (or imported) entries that look alike are both flagged.
 */
export function lookalikesWithin<E extends LookalikeCandidate>(entries: readonly E[]): Map<string, LookalikeVerdict> {
  const flagged = new Map<string, LookalikeVerdict>();
  for (const entry of entries) {
    const verdict = lookalikeVerdict(entry.address, entries);
    if (verdict) flagged.set(entry.address.toLowerCase(), verdict);
  }
  return flagged;
}

/**
 * The rows about to be added (an import) that look like an entry already in the list or
 * another new row, each with its verdict: both rows of a look-alike pair are flagged.
 * Rows whose address is already in the list are not new and are not flagged.
 */
export function newRowLookalikes(list: readonly LookalikeCandidate[], incoming: readonly LookalikeCandidate[]): LookalikeVerdict[] {
  const known = new Set(list.map((e) => e.address.toLowerCase()));
  const fresh = incoming.filter((e) => !known.has(e.address.toLowerCase()));
  const within = lookalikesWithin([...list, ...fresh]);
  return fresh.flatMap((e) => within.get(e.address.toLowerCase()) ?? []);
}

function countAddresses(addresses: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of addresses) {
    if (!isAddress(raw)) continue;
    const a = raw.toLowerCase();
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return counts;
}

/** A run of characters within one group, marked when it differs from the other address. */
export interface AddressRun {
  text: string;
  differs: boolean;
}

/** Hex characters per group when an address is shown in full: 10 groups of 4 read like a phone number. */
export const GROUP_SIZE = 4;

/**
 * An address (any case; shown as given) cut into "0x" and groups of GROUP_SIZE hex
 * characters, each group cut into runs that differ, or not, from `other` at the same
 * position. Without `other` nothing is marked.
 */
export function addressGroups(address: string, other?: string): AddressRun[][] {
  const o = other?.toLowerCase();
  const groups: AddressRun[][] = [[{ text: address.slice(0, HEX_START), differs: false }]];
  for (let at = HEX_START; at < address.length; at += GROUP_SIZE) {
    const runs: AddressRun[] = [];
    for (let i = at; i < Math.min(at + GROUP_SIZE, address.length); i++) {
      const differs = o !== undefined && o[i] !== address[i]!.toLowerCase();
      const last = runs.at(-1);
      if (last && last.differs === differs) last.text += address[i];
      else runs.push({ text: address[i]!, differs });
    }
    groups.push(runs);
  }
  return groups;
}
