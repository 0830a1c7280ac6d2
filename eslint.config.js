import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Boundaries between the places code runs (see README "How it is built"). Each rule matches both the
 * `@/…` (and `~/`, `@@/`, `~~/`) aliases and relative paths. tests/unit/lint-boundaries.test.ts shows each one fires.
 */
const LOCAL = String.raw`^(?:[@~]{1,2}/|\.{1,2}/)(?:\.\./)*`;
const WORKER_ONLY = {
  regex: String.raw`${LOCAL}(?:lib/)?(?:background|api)(?:/|$)`,
  message: 'Worker-only module (lib/background, lib/api): talk to the worker through lib/messaging instead.',
};
const API_KEY = {
  regex: String.raw`${LOCAL}(?:.*/)?api-key(?:\.ts)?$`,
  message: 'The API key item is read only by the worker, the options page, the welcome page and the popup\'s first-run key form.',
};
const OTHER_LAYERS = {
  regex: String.raw`${LOCAL}(?:lib/(?!core(?:/|$))|components(?:/|$)|entrypoints(?:/|$)|(?:api|background|storage|messaging|content|card|i18n)(?:/|$))`,
  message: 'lib/core is pure: it imports only lib/core and plain packages.',
};
const BROWSER_APIS = {
  regex: String.raw`^(?:wxt(?:/.*)?|#imports|#i18n|webextension-polyfill|@wxt-dev/.*|@webext-core/.*)$`,
  message: 'lib/core runs in any runtime (worker, content script, page, Node): no browser extension APIs.',
};
const restrict = (...patterns) => ['error', { patterns }];

const CONTENT_AND_CARD = [
  'lib/content/**',
  'lib/card/**',
  'components/card/**',
  'entrypoints/explorer.content/**',
  'entrypoints/explorer-card.ts',
];
const KEY_READERS = [
  'lib/background/**',
  'entrypoints/background/**',
  'components/options/**',
  'components/shared/ApiKeyForm.tsx',
  'components/popup/PopupApp.tsx',
  'components/welcome/WelcomeApp.tsx',
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'demo-screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Strangers' token data must never reach the DOM as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render untrusted data as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Do not rebuild HTML; use DOM APIs or text.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Do not rebuild HTML; use DOM APIs or text.' },
      ],
    },
  },
  // Later blocks replace the rule for the files they match, so each block lists every pattern its files obey.
  // Tests run in Node, never in the extension: they may set up the key item.
  { ignores: [...KEY_READERS, '**/*.test.ts', 'tests/**'], rules: { 'no-restricted-imports': restrict(API_KEY) } },
  { files: ['components/**', 'lib/messaging/**'], ignores: KEY_READERS, rules: { 'no-restricted-imports': restrict(WORKER_ONLY, API_KEY) } },
  {
    files: ['components/options/**', 'components/shared/ApiKeyForm.tsx', 'components/popup/PopupApp.tsx', 'components/welcome/WelcomeApp.tsx'],
    rules: { 'no-restricted-imports': restrict(WORKER_ONLY) },
  },
  { files: CONTENT_AND_CARD, rules: { 'no-restricted-imports': restrict(WORKER_ONLY, API_KEY) } },
  {
    files: ['lib/core/**'],
    rules: {
      'no-restricted-imports': restrict(BROWSER_APIS, OTHER_LAYERS),
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: BROWSER_APIS.message },
        { name: 'chrome', message: BROWSER_APIS.message },
      ],
    },
  },
);
