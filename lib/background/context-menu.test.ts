import { describe, expect, it, vi } from 'vitest';
import { addressFromClick, openLookup, registerContextMenu, type MenuBrowser } from './context-menu';

const A = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('context-menu lookup', () => {
  it('finds the address in a selection, trimmed and lowercased', () => {
    expect(addressFromClick({ selectionText: `  sent to ${A}.  ` })).toBe(A.toLowerCase());
  });
  it('falls back to a link to an address', () => {
    expect(addressFromClick({ selectionText: 'vitalik', linkUrl: `https://etherscan.io/address/${A}` })).toBe(A.toLowerCase());
  });
  it('ignores hashes and partial addresses', () => {
    expect(addressFromClick({ selectionText: `0x${'ab'.repeat(32)}` })).toBeUndefined();
    expect(addressFromClick({ selectionText: '0x1234…abcd' })).toBeUndefined();
    expect(addressFromClick({})).toBeUndefined();
  });
});

/** Firefox for Android: no windows, no context menus (only what the code touches is faked). */
function androidLike(): MenuBrowser & { created: unknown[] } {
  const created: unknown[] = [];
  return {
    created,
    runtime: { getURL: (p: string) => `moz-extension://id${p}`, onInstalled: { addListener: vi.fn() } } as unknown as MenuBrowser['runtime'],
    tabs: { create: vi.fn(async (o: unknown) => void created.push(o)) } as unknown as MenuBrowser['tabs'],
  };
}

describe('Firefox for Android (no windows, no context menus)', () => {
  it('registers no context menu and does not throw', () => {
    const api = androidLike();
    expect(registerContextMenu(undefined, api)).toBe(false);
    expect(api.runtime.onInstalled.addListener).not.toHaveBeenCalled();
  });

  it('opens a lookup in a tab', async () => {
    const api = androidLike();
    await openLookup(A.toLowerCase(), undefined, api);
    expect(api.created).toHaveLength(1);
    expect((api.created[0] as { url: string }).url).toContain('moz-extension://id/popup.html');
  });

  it('uses a window and the menu where they exist', async () => {
    const windows = { create: vi.fn(async () => undefined) } as unknown as MenuBrowser['windows'];
    const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } } as unknown as MenuBrowser['contextMenus'];
    const api = { ...androidLike(), windows, contextMenus };
    expect(registerContextMenu(undefined, api)).toBe(true);
    await openLookup(A.toLowerCase(), undefined, api);
    expect(windows!.create).toHaveBeenCalledTimes(1);
    expect(api.created).toHaveLength(0);
  });
});
