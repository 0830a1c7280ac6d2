import { describe, expect, it, vi } from 'vitest';
import { isFetchableLogoUrl, LogoProxy } from './logo-proxy';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

function respond(body: Uint8Array, type: string, init: { status?: number; url?: string; length?: number } = {}): Response {
  const response = new Response(body as BodyInit, {
    status: init.status ?? 200,
    headers: { 'content-type': type, ...(init.length !== undefined && { 'content-length': String(init.length) }) },
  });
  Object.defineProperty(response, 'url', { value: init.url ?? 'https://logos.example/t.png' });
  return response;
}

function proxyWith(answer: () => Response, maxBytes?: number) {
  const fetch = vi.fn(async () => answer());
  return { proxy: new LogoProxy({ fetch: fetch as unknown as typeof globalThis.fetch, maxBytes }), fetch };
}

describe('LogoProxy', () => {
  it('returns a PNG as a data: URL, fetched without cookies or referrer', async () => {
    const { proxy, fetch } = proxyWith(() => respond(PNG, 'image/png'));
    expect(await proxy.get('https://logos.example/t.png')).toBe(`data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`);
    expect(fetch).toHaveBeenCalledWith('https://logos.example/t.png', expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }));
  });

  it('refuses non-https URLs without fetching', async () => {
    const { proxy, fetch } = proxyWith(() => respond(PNG, 'image/png'));
    for (const url of ['http://logos.example/t.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://user:pw@logos.example/t.png', 'not a url']) {
      expect(await proxy.get(url)).toBeUndefined();
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses SVG, HTML, bytes that do not match the declared type, errors and redirects off https', async () => {
    const cases = [
      respond(SVG, 'image/svg+xml'),
      respond(PNG, 'text/html'),
      respond(SVG, 'image/png'),
      respond(PNG, 'image/png', { status: 404 }),
      respond(PNG, 'image/png', { url: 'http://tracker.example/t.png' }),
    ];
    for (const [i, response] of cases.entries()) {
      const { proxy } = proxyWith(() => response);
      expect(await proxy.get(`https://logos.example/${i}.png`), String(i)).toBeUndefined();
    }
  });

  it('refuses a body past the size cap, declared or not', async () => {
    const big = new Uint8Array(2000);
    big.set(PNG);
    expect(await proxyWith(() => respond(big, 'image/png', { length: 2000 }), 1000).proxy.get('https://logos.example/a.png')).toBeUndefined();
    expect(await proxyWith(() => respond(big, 'image/png'), 1000).proxy.get('https://logos.example/b.png')).toBeUndefined();
  });

  it('fetches each URL once, failures included', async () => {
    const { proxy, fetch } = proxyWith(() => respond(PNG, 'image/png'));
    await Promise.all([proxy.get('https://logos.example/t.png'), proxy.get('https://logos.example/t.png')]);
    await proxy.get('https://logos.example/t.png');
    const failing = proxyWith(() => {
      throw new Error('network');
    });
    expect(await failing.proxy.get('https://logos.example/x.png')).toBeUndefined();
    expect(await failing.proxy.get('https://logos.example/x.png')).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(failing.fetch).toHaveBeenCalledTimes(1);
  });

  it('knows which URLs it may fetch', () => {
    expect(isFetchableLogoUrl('https://a.example/x.png')).toBe(true);
    expect(isFetchableLogoUrl('ftp://a.example/x.png')).toBe(false);
  });
});
