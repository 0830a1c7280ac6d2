import { isAddress } from '@/lib/core/address-format';

/**
 * Finds address-shaped references in a string with a hand-written scanner:
 * one left-to-right pass over the characters after each `0x`, no regex
 * over the whole string, so cost stays linear even on huge text nodes.
 */

/** A full `0x` + 40 hex on word boundaries. `address` is lowercase. */
export interface FullRef {
  kind: 'full';
  start: number;
  end: number;
  address: string;
}

/** `0x1e3994bb...4700aE264`, `0x1e39…64`: visible head and tail hex, lowercase. */
export interface TruncatedRef {
  kind: 'truncated';
  start: number;
  end: number;
  head: string;
  tail: string;
}

export type TextRef = FullRef | TruncatedRef;

const ADDRESS_HEX = 40;
/** Below this, "0x12…3" is more likely a number or a hash fragment than an address. */
const MIN_VISIBLE_HEX = 4;
const HORIZONTAL_ELLIPSIS = 0x2026;
const DOT = 0x2e;

export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Cheap pre-check so most text nodes never reach the scanner. */
export function mayContainAddress(s: string): boolean {
  return s.length >= 6 && s.indexOf('0x') !== -1;
}

/** An address (lib/core/address-format.ts: `0x` + 40 hex) starting at `at`; what follows is the caller's business. */
function isAddressAt(s: string, at: number): boolean {
  return isAddress(s.slice(at, at + ADDRESS_HEX + 2));
}

function hexRunEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isHexCode(s.charCodeAt(i))) i++;
  return i;
}

/** Length of an ellipsis (`..`, `...`, `…`) starting at `i`, or 0. */
function ellipsisLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === HORIZONTAL_ELLIPSIS) return 1;
  if (c !== DOT || s.charCodeAt(i + 1) !== DOT) return 0;
  return s.charCodeAt(i + 2) === DOT ? 3 : 2;
}

function endsOnBoundary(s: string, end: number): boolean {
  return end >= s.length || !isWordCode(s.charCodeAt(end));
}

/** Reads one reference whose `0x` starts at `start`; returns it and where to continue. */
function readRef(s: string, start: number): { ref?: TextRef; next: number } {
  const headEnd = hexRunEnd(s, start + 2);
  const headLen = headEnd - start - 2;
  if (headLen === 0) return { next: start + 2 };

  const dots = headLen < ADDRESS_HEX ? ellipsisLength(s, headEnd) : 0;
  if (dots > 0) {
    const tailEnd = hexRunEnd(s, headEnd + dots);
    const tailLen = tailEnd - headEnd - dots;
    const visible = headLen + tailLen;
    if (tailLen > 0 && visible >= MIN_VISIBLE_HEX && visible < ADDRESS_HEX && endsOnBoundary(s, tailEnd)) {
      const head = s.slice(start + 2, headEnd).toLowerCase();
      const tail = s.slice(headEnd + dots, tailEnd).toLowerCase();
      return { ref: { kind: 'truncated', start, end: tailEnd, head, tail }, next: tailEnd };
    }
    return { next: Math.max(tailEnd, headEnd + dots) };
  }
  if (headLen === ADDRESS_HEX && endsOnBoundary(s, headEnd)) {
    return { ref: { kind: 'full', start, end: headEnd, address: s.slice(start, headEnd).toLowerCase() }, next: headEnd };
  }
  return { next: headEnd };
}

/** Every full or truncated address reference in `s`, in order. */
export function findTextRefs(s: string): TextRef[] {
  const refs: TextRef[] = [];
  let from = 0;
  for (;;) {
    const start = s.indexOf('0x', from);
    if (start === -1) return refs;
    if (start > 0 && isWordCode(s.charCodeAt(start - 1))) {
      from = start + 2;
      continue;
    }
    const { ref, next } = readRef(s, start);
    if (ref) refs.push(ref);
    from = next;
  }
}

/**
 * The first full address in an attribute value (`title="FTX: Cold 1 (0x…)"`)
 * that shows the truncation's head and tail, lowercase.
 */
export function findMatchingAddress(s: string, ref: TruncatedRef): string | undefined {
  if (!mayContainAddress(s)) return undefined;
  for (let from = 0; ; ) {
    const at = s.indexOf('0x', from);
    if (at === -1) return undefined;
    from = at + 2;
    const end = at + ADDRESS_HEX + 2;
    if ((at > 0 && isWordCode(s.charCodeAt(at - 1))) || !isAddressAt(s, at) || !endsOnBoundary(s, end)) continue;
    const address = s.slice(at, end).toLowerCase();
    if (matchesTruncation(address, ref)) return address;
    from = end;
  }
}

/** True when the lowercase full address shows the visible head and tail. */
export function matchesTruncation(address: string, ref: TruncatedRef): boolean {
  return address.startsWith(ref.head, 2) && address.endsWith(ref.tail);
}
