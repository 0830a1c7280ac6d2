/**
 * The shape of an EVM address (0x + 40 hex, any case). Its own module, without the
 * keccak dependency of lib/address.ts, so message and response schemas can share it.
 */
export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;

/** Format only; says nothing about the EIP-55 checksum. */
export function isAddress(s: string): boolean {
  return ADDRESS_PATTERN.test(s);
}

/** A whole address inside other text: not preceded or followed by more hex (a hash is not an address). */
const ADDRESS_IN_TEXT = /(?<![0-9a-fA-Fx])0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/;

/** The first whole address in free text (a selection, a URL), lowercase. */
export function firstAddressIn(text: string): string | undefined {
  return ADDRESS_IN_TEXT.exec(text)?.[0].toLowerCase();
}
