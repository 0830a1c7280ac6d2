import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { DEFAULT_API_BASE, CUSTOM_API_ORIGINS } from './lib/core/api-base';
import { EXPLORER_MATCHES } from './lib/core/chains';

/**
 * Firefox's add-on settings. 140 (the current ESR) is the first Firefox with data_collection_permissions
 * (Android: 142) and is past 128, the first with optional_host_permissions; `web-ext lint` checks both.
 * Data declared (AMO's taxonomy; PRIVACY.md says it in words): the extension sends the Chainbase API the
 * addresses the user looks up (a wallet's holdings: financialAndPaymentInfo), including ones the user
 * hovers on explorer pages (text of the page: websiteContent), with the user's API key (authenticationInfo).
 * Nothing goes to the developer. Required: looking addresses up is all the extension does.
 */
const GECKO_SETTINGS = {
  id: 'chainbase-balances@example.org',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['financialAndPaymentInfo', 'websiteContent', 'authenticationInfo'] },
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Firefox too: MV3 keeps one manifest shape (optional_host_permissions, action) across browsers.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  hooks: {
    // WXT takes the toolbar button's tooltip from popup.html's <title>, which cannot say __MSG_…__
    // (the page shows it before main.tsx sets the translated title).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    // UI strings live in locales/en.yml (@wxt-dev/i18n turns it into _locales/en/messages.json).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Firefox does not accept `alarms` as optional, so there it is a plain permission (it shows no install prompt).
    permissions: browser === 'firefox' ? ['storage', 'contextMenus', 'alarms'] : ['storage', 'contextMenus'],
    host_permissions: [`${DEFAULT_API_BASE}/*`],
    // Only asked for when the user points the extension at a proxy or the local test server.
    optional_host_permissions: CUSTOM_API_ORIGINS,
    // Watch alerts (off by default) ask for these when the user turns them on.
    optional_permissions: browser === 'firefox' ? ['notifications'] : ['alarms', 'notifications'],
    // The hover card's UI: the explorer content script import()s it, at runtime.getURL's address, on the first hover.
    // use_dynamic_url: Chrome then serves it only at a per-session URL; the fixed chrome-extension://<id>/ URL fails
    // to load from a page (checked in Chromium), so pages cannot probe it to detect the extension. Firefox's
    // moz-extension:// host is a random per-install id already.
    web_accessible_resources: [{ resources: ['explorer-card.js'], matches: EXPLORER_MATCHES, use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO_SETTINGS, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
