/**
 * The look-alike rule against address poisoning: scammers send dust from an address
 * that shares the first and last characters of one the victim uses, hoping it gets
 * copied from the transaction list later. Wallets and explorers show addresses cut to
 * their ends ("0xd8dA…6045"), so matching ends are exactly what fools the eye.
 */
import { isAddress } from './address-format';

/** Hex characters after "0x" that must match at each end for two addresses to look alike. */
export const LOOKALIKE_END_CHARS = 4;
const HEX_START = 2;

export interface LookalikeCandidate {
  /** Any case; compared case-insensitively. */
  address: string;
  label: string;
}

/** Half-open [start, end) character range of the 42-character address where the two differ. */
export interface DifferingRange {
  start: number;
  end: number;
}

export interface LookalikeMatch<E extends LookalikeCandidate = LookalikeCandidate> {
  /** The watched entry the address imitates. */
  entry: E;
  differing: DifferingRange;
}

/**
 * True when the two addresses are different accounts that share their first and last
 * LOOKALIKE_END_CHARS hex characters. Case never matters: a checksummed and a lowercase
 * form of one address are the same account, so they are not look-alikes.
 */
export function isLookalike(a: string, b: string): boolean {
  if (!isAddress(a) || !isAddress(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return false;
  const head = HEX_START + LOOKALIKE_END_CHARS;
  const tail = x.length - LOOKALIKE_END_CHARS;
  return x.slice(HEX_START, head) === y.slice(HEX_START, head) && x.slice(tail) === y.slice(tail);
}

/** From the first to the last differing character (case-insensitive); both addresses are 42 characters. */
export function differingRange(a: string, b: string): DifferingRange {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  let end = x.length;
  while (end > start && x[end - 1] === y[end - 1]) end--;
  return { start, end };
}

/**
 * The first watched entry the address imitates, or undefined. An address that is itself
 * watched is never a look-alike: the user has chosen it (and was warned when adding it).
 */
export function findLookalike<E extends LookalikeCandidate>(address: string, watched: readonly E[]): LookalikeMatch<E> | undefined {
  const a = address.toLowerCase();
  if (watched.some((e) => e.address.toLowerCase() === a)) return undefined;
  const entry = watched.find((e) => isLookalike(a, e.address));
  return entry && { entry, differing: differingRange(a, entry.address) };
}

/** An address cut into [same start, differing middle, same end] for highlighting. */
export function splitAtRange(address: string, range: DifferingRange): [string, string, string] {
  return [address.slice(0, range.start), address.slice(range.start, range.end), address.slice(range.end)];
}

/** What the worker tells a card or the popup about one address: plain JSON, nothing about other entries. */
export interface LookalikeVerdict {
  /** The imitated entry's label ('' when it has none). */
  label: string;
  /** The imitated watched address, lowercase. */
  watched: string;
  /** The address asked about, lowercase. */
  address: string;
  differing: DifferingRange;
}

export function lookalikeVerdict(address: string, watched: readonly LookalikeCandidate[]): LookalikeVerdict | undefined {
  const match = findLookalike(address, watched);
  return match && { label: match.entry.label, watched: match.entry.address.toLowerCase(), address: address.toLowerCase(), differing: match.differing };
}
