import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { DEFAULT_API_BASE, CUSTOM_API_ORIGINS } from './lib/core/api-base';
import { EXPLORER_MATCHES } from './lib/core/chains';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Firefox too: MV3 keeps one manifest shape (optional_host_permissions, action) across browsers.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: 'Chainbase Balances',
    description: 'Token balances for any address: hover it on a block explorer, or watch it from the toolbar. Powered by the Chainbase API.',
    permissions: ['storage', 'contextMenus'],
    host_permissions: [`${DEFAULT_API_BASE}/*`],
    // Only asked for when the user points the extension at a proxy or the local test server.
    optional_host_permissions: CUSTOM_API_ORIGINS,
    // The hover card's UI: the explorer content script import()s it, at runtime.getURL's address, on the first hover.
    // use_dynamic_url: Chrome then serves it only at a per-session URL; the fixed chrome-extension://<id>/ URL fails
    // to load from a page (checked in Chromium), so pages cannot probe it to detect the extension. Firefox's
    // moz-extension:// host is a random per-install id already.
    web_accessible_resources: [{ resources: ['explorer-card.js'], matches: EXPLORER_MATCHES, use_dynamic_url: true }],
    action: { default_title: 'Chainbase Balances' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'chainbase-balances@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
