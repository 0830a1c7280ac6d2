/**
 * Native coins (ETH, BNB, POL, AVAX, …) have no price in the token list, so each chain's
 * native coin is priced from its wrapped token, which trades 1:1 with it.
 * A chain without a known wrapped token (Merlin) has no native price: its native value
 * is shown as an amount and named as left out of totals.
 */
import type { ChainId } from './chains';

/** Lowercase wrapped-token contract per chain; undefined = none known. */
export const WRAPPED_NATIVE: Readonly<Record<ChainId, string | undefined>> = {
  1: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', // WETH
  56: '0xbb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c', // WBNB
  137: '0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270', // WPOL (formerly WMATIC)
  43114: '0xb31f66aa3c1e785363f0875a1b74e27b85fd66c7', // WAVAX
  42161: '0x82af49447d8a07e3bd95bd0d56f35241523fbab1', // WETH on Arbitrum
  10: '0x4200000000000000000000000000000000000006', // WETH on Optimism
  8453: '0x4200000000000000000000000000000000000006', // WETH on Base
  324: '0x5aea5775959fbc2557cc8789bc1bf90a239d9a91', // WETH on zkSync Era
  4200: undefined, // Merlin: no wrapped BTC price source known
};

export function wrappedNativeFor(chainId: number): string | undefined {
  return (WRAPPED_NATIVE as Readonly<Record<number, string | undefined>>)[chainId];
}
