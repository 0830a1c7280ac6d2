/**
 * Token logos without tracking. Logo URLs come from strangers (token
 * metadata); an <img> pointing at one, in an explorer page or in the popup,
 * tells its host the user's IP and, by timing, which address they looked at.
 * So the worker fetches the logo itself (https only, public hosts only, no
 * cookies, no referrer, a size cap and a timeout), accepts only raster images whose bytes say what
 * they are (no SVG: it can carry script and external references), and hands
 * back a data: URL. Anything else is "no logo", and the UI shows the letter
 * avatar. Results, failures included, are kept in a small LRU so each URL is
 * fetched at most once per worker life.
 */

import { isPublicHttpsUrl } from '@/lib/core/public-host';

export const LOGO_MAX_BYTES = 64 * 1024;
export const LOGO_TIMEOUT_MS = 5000;
const CACHE_ENTRIES = 300;

/** Image types by their first bytes; the server's Content-Type must agree. */
const SIGNATURES: { type: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  {
    type: 'image/webp',
    matches: (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
  },
];

export interface LogoProxyOptions {
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * A URL we are willing to fetch: https, no user info, and a public host (a logo URL
 * must not make the worker probe the user's router, localhost or cloud metadata).
 */
export function isFetchableLogoUrl(raw: string): boolean {
  return isPublicHttpsUrl(raw);
}

export class LogoProxy {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly fetch: typeof fetch;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(options: LogoProxyOptions = {}) {
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.maxBytes = options.maxBytes ?? LOGO_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? LOGO_TIMEOUT_MS;
  }

  /** The logo as a data: URL, or undefined when it cannot be had safely. */
  get(url: string): Promise<string | undefined> {
    const known = this.cache.get(url);
    if (known) {
      // Most recently used goes last.
      this.cache.delete(url);
      this.cache.set(url, known);
      return known;
    }
    const loading = this.load(url).catch(() => undefined);
    this.cache.set(url, loading);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return loading;
  }

  private async load(url: string): Promise<string | undefined> {
    const response = await this.fetchChecked(url);
    if (!response?.ok) return undefined;
    const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!SIGNATURES.some((s) => s.type === declared)) return undefined;
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > this.maxBytes) return undefined;
    const bytes = await readCapped(response, this.maxBytes);
    const sniffed = bytes && SIGNATURES.find((s) => s.matches(bytes));
    if (!bytes || sniffed?.type !== declared) return undefined;
    return `data:${declared};base64,${toBase64(bytes)}`;
  }

  /**
   * A redirect is never followed: fetch would follow it before we could check the target, and
   * with redirect: 'manual' browsers hide the Location (an opaque redirect, seen in Chromium's
   * e2e), so no hop could be checked. Logos that redirect show the letter avatar instead.
   */
  private async fetchChecked(url: string): Promise<Response | undefined> {
    if (!isFetchableLogoUrl(url)) return undefined;
    const signal = AbortSignal.timeout(this.timeoutMs);
    const response = await this.fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache', redirect: 'manual', signal });
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) ? undefined : response;
  }
}

/** The body, or undefined as soon as it grows past `max` bytes (the rest is never read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
