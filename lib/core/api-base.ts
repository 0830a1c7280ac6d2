import { message, type Message } from './message';

export const DEFAULT_API_BASE = 'https://api.chainbase.online';

/** Origins a custom API base URL may use; each needs the user's grant at run time. */
export const CUSTOM_API_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/** A clean base URL (no trailing slash, http(s) only), or an error message. */
export function parseApiBase(input: string): { ok: true; value: string } | { ok: false; error: Message } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: message('messages.apiBase.notUrl') };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, error: message('messages.apiBase.notHttps') };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, error: message('messages.apiBase.extras') };
  }
  return { ok: true, value: url.origin + url.pathname.replace(/\/+$/, '') };
}

/** The match pattern to request for a base URL, or undefined for the default (already granted). */
export function permissionPatternFor(base: string): string | undefined {
  if (base === DEFAULT_API_BASE) return undefined;
  const url = new URL(base);
  return `${url.protocol}//${url.hostname}/*`;
}
