/**
 * Unit tests run without a browser, and fakeBrowser does not implement i18n. This gives it the same
 * messages the build ships (locales/en.yml, turned into Chrome's messages.json format by @wxt-dev/i18n's
 * own build step), so components render their real English text under test.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { join } from 'node:path';

const messages = generateChromeMessages(
  // vitest runs from the repository's root (import.meta.url is not a file: URL under happy-dom).
  await parseMessagesFile(join(process.cwd(), 'locales/en.yml')),
);

/** chrome.i18n.getMessage's rules: "$1".."$9" take the substitutions, "$$" is a dollar sign, unknown names give "". */
export function getMessage(name: string, substitutions?: string | (string | number)[]): string {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(subs[Number(which) - 1] ?? '')));
}

fakeBrowser.i18n.getMessage = getMessage;
