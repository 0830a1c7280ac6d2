/** EVM address parsing and EIP-55 checksums. */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isAddress } from './address-format';
import { message, type Message } from './message';

export type ParsedAddress =
  | { ok: true; address: string; checksummed: string }
  | { ok: false; error: Message };

const HEX_DIGITS = 40;
export { isAddress };

/**
 * EIP-55: a hex letter is upper-case when the matching nibble of
 * keccak256(lowercase hex, as ASCII) is 8 or more.
 */
export function toChecksumAddress(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, '');
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex)));
  let out = '0x';
  for (let i = 0; i < hex.length; i++) {
    const ch = hex[i]!;
    out += parseInt(hash[i]!, 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/** Validates user input; a mixed-case address must carry a valid EIP-55 checksum. */
export function parseAddress(input: string): ParsedAddress {
  const s = input.trim();
  const formatError = describeFormatError(s);
  if (formatError) return { ok: false, error: formatError };

  const checksummed = toChecksumAddress(s);
  if (isMixedCase(s.slice(2)) && s !== checksummed) {
    return { ok: false, error: message('messages.address.checksum') };
  }
  return { ok: true, address: s.toLowerCase(), checksummed };
}

function describeFormatError(s: string): Message | undefined {
  if (s === '') return message('messages.address.empty');
  if (!/^0x/i.test(s)) return message('messages.address.no0x');
  if (s.startsWith('0X')) return message('messages.address.upper0X');
  const body = s.slice(2);
  const bad = body.match(/[^0-9a-fA-F]/);
  if (bad) return message('messages.address.badChar', bad[0]);
  if (body.length !== HEX_DIGITS) return message('messages.address.length', String(HEX_DIGITS), String(body.length));
  return undefined;
}

function isMixedCase(hex: string): boolean {
  return hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
}

/** "0xd8dA…6045": head counts the 0x; uses the checksummed form so the case matches explorers. */
export function shortenAddress(address: string, head = 6, tail = 4): string {
  const full = isAddress(address) ? toChecksumAddress(address) : address;
  if (full.length <= head + tail + 1) return full;
  return `${full.slice(0, head)}…${full.slice(full.length - tail)}`;
}
