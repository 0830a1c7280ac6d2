import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { adoptLegacyViewState, getPopupView, popupViewItem } from './popup-view';

const A = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';

describe('popup view state', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it("carries over what an older popup kept in its page's localStorage, once, and removes it there", async () => {
    localStorage.setItem('popup.selected', JSON.stringify(A));
    localStorage.setItem('popup.chain', JSON.stringify(137));
    localStorage.setItem('popup.totals', JSON.stringify({ [A]: { usd: 12.5, at: 7 }, bad: { usd: 'x', at: 1 } }));
    await adoptLegacyViewState();
    // Totals are not carried over: they come from the balances store (components/popup/balances-store.ts).
    expect(await getPopupView()).toEqual({ selected: A, chain: 137 });
    expect((await browser.storage.local.get('popupView')).popupView).toBeDefined();
    expect([localStorage.getItem('popup.selected'), localStorage.getItem('popup.chain'), localStorage.getItem('popup.totals')]).toEqual([null, null, null]);
  });

  it('keeps a view already in storage over leftovers in localStorage', async () => {
    await popupViewItem.setValue({ selected: A, chain: 'all' });
    localStorage.setItem('popup.chain', JSON.stringify(137));
    await adoptLegacyViewState();
    expect(await getPopupView()).toEqual({ selected: A, chain: 'all' });
    expect(localStorage.getItem('popup.chain')).toBeNull();
  });

  it('reads a stored view of the wrong shape as the empty view, field by field', async () => {
    await browser.storage.local.set({ popupView: { selected: 'not an address', chain: 999_999, totals: 'x' } });
    expect(await getPopupView()).toEqual({ chain: 'all' });
  });
});
