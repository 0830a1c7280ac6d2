import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSitesItem, isSiteDisabled, migrateFamiliesToHosts, setSiteDisabled, withSite } from './disabled-sites';

describe('withSite', () => {
  it('adds a site once and removes it again, keeping the others in order', () => {
    expect(withSite(['a.io'], 'b.io', true)).toEqual(['a.io', 'b.io']);
    expect(withSite(['a.io', 'b.io'], 'b.io', true)).toEqual(['a.io', 'b.io']);
    expect(withSite(['a.io', 'b.io', 'c.io'], 'b.io', false)).toEqual(['a.io', 'c.io']);
    expect(withSite([], 'b.io', false)).toEqual([]);
  });
});

describe('setSiteDisabled', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes sync:disabledSites, the key the options page reads', async () => {
    await setSiteDisabled('etherscan.io', true);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({ disabledSites: ['etherscan.io'] });
    expect(isSiteDisabled(await disabledSitesItem.getValue(), 'etherscan.io')).toBe(true);
    expect(isSiteDisabled(await disabledSitesItem.getValue(), 'bscscan.com')).toBe(false);
    await setSiteDisabled('etherscan.io', false);
    expect(await disabledSitesItem.getValue()).toEqual([]);
  });
});

describe('per-host switches', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns off one host only: optimistic.etherscan.io leaves etherscan.io on', async () => {
    await setSiteDisabled('optimistic.etherscan.io', true);
    const disabled = await disabledSitesItem.getValue();
    expect(isSiteDisabled(disabled, 'optimistic.etherscan.io')).toBe(true);
    expect(isSiteDisabled(disabled, 'etherscan.io')).toBe(false);
  });

  it('migrates version 1 site families to every host they covered', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['etherscan.io', 'blockscout.com', 'not-a-site.example', 42], disabledSites$: { v: 1 } });
    await disabledSitesItem.migrate(); // what WXT runs when the extension starts
    expect(await disabledSitesItem.getValue()).toEqual([
      'etherscan.io',
      'eth.blockscout.com',
      'polygon.blockscout.com',
      'arbitrum.blockscout.com',
      'optimistic.etherscan.io',
      'optimism.blockscout.com',
      'base.blockscout.com',
      'zksync.blockscout.com',
    ]);
  });

  it('keeps a plain host as it was', () => {
    expect(migrateFamiliesToHosts(['bscscan.com'])).toEqual(['bscscan.com']);
    expect(migrateFamiliesToHosts('garbage')).toEqual([]);
  });
});
