import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSitesItem, isSiteDisabled, setSiteDisabled, withSite } from './disabled-sites';

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
