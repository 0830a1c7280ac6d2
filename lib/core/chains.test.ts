import { describe, expect, it } from 'vitest';
import { chainForHost, siteForHost, EXPLORER_MATCHES, CHAINS } from './chains';

describe('chain registry', () => {
  it('maps explorer hosts to chains', () => {
    expect(chainForHost('bscscan.com')?.id).toBe(56);
    expect(chainForHost('www.basescan.org')?.id).toBe(8453);
    expect(chainForHost('optimistic.etherscan.io')?.id).toBe(10);
    expect(chainForHost('etherscan.io')?.id).toBe(1);
  });
  it('gives testnets and unknown hosts no chain', () => {
    expect(chainForHost('sepolia.etherscan.io')).toBeUndefined();
    expect(chainForHost('example.com')).toBeUndefined();
    expect(siteForHost('evil-etherscan.io')).toBeUndefined();
  });
  it('has an exact content-script match for every explorer host, and no wildcard', () => {
    for (const chain of CHAINS) for (const host of chain.explorers) expect(EXPLORER_MATCHES).toContain(`https://${host}/*`);
    expect(EXPLORER_MATCHES).toContain('https://www.etherscan.io/*');
    expect(EXPLORER_MATCHES.filter((m) => m.includes('*.'))).toEqual([]);
    expect(EXPLORER_MATCHES.some((m) => m.includes('sepolia'))).toBe(false);
  });
  it('keys the on/off switch by exact host', () => {
    expect(siteForHost('optimistic.etherscan.io')).toBe('optimistic.etherscan.io');
    expect(siteForHost('www.etherscan.io')).toBe('etherscan.io');
    expect(siteForHost('sepolia.etherscan.io')).toBeUndefined();
  });
});
