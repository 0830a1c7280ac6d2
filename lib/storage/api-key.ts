import { storage } from '#imports';

/**
 * The Chainbase API key. Only the worker (lib/background), the options page and the
 * popup's first-run key form (components/shared/ApiKeyForm.tsx, PopupApp.tsx) import
 * this module; eslint.config.js makes any other import an error. In Chrome the worker
 * also restricts storage.local to trusted contexts, so content scripts cannot read it
 * even by accident.
 */
export const apiKeyItem = storage.defineItem<string>('local:apiKey', {
  fallback: '',
  version: 1,
});

/** `abcd…wxyz`: enough to recognise a key, never the key itself. */
export function maskApiKey(key: string): string {
  if (!key) return '';
  if (key.length <= 8) return '•'.repeat(key.length);
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}
