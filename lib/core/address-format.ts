/**
 * The shape of an EVM address (0x + 40 hex, any case). Its own module, without the
 * keccak dependency of lib/address.ts, so message and response schemas can share it.
 */
export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;

/** Format only; says nothing about the EIP-55 checksum. */
export function isAddress(s: string): boolean {
  return ADDRESS_PATTERN.test(s);
}
