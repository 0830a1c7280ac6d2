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

function redirect(location: string | null, status = 302): Response {
  return new Response(null, { status, headers: location === null ? {} : { location } });
}

/** A fetch that answers by URL, recording every URL asked and the redirect mode. */
function routes(table: Record<string, () => Response>) {
  const asked: { url: string; redirect?: RequestRedirect }[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    asked.push({ url, redirect: init?.redirect });
    const answer = table[url];
    if (!answer) throw new Error(`unexpected ${url}`);
    return answer();
  });
  return { proxy: new LogoProxy({ fetch: fetch as unknown as typeof globalThis.fetch }), asked };
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
      redirect('http://tracker.example/t.png'),
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

  it('refuses loopback, private, link-local and local-network hosts without fetching (every numeric spelling)', async () => {
    const { proxy, fetch } = proxyWith(() => respond(PNG, 'image/png'));
    const hosts = ['127.0.0.1', '0x7f000001', '2130706433', '0177.0.0.1', '127.1', '10.0.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', 'localhost', 'nas.local', '[::1]', '[fc00::1]', '[fe80::1]', '[::ffff:127.0.0.1]'];
    for (const host of hosts) expect(await proxy.get(`https://${host}/logo.png`), host).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never follows a redirect, public target or not (its target could not be checked first), and says manual', async () => {
    for (const target of ['https://cdn.example/a.png', 'https://127.0.0.1/x.png', 'https://0x7f000001/x.png', 'https://[::1]/x.png', 'http://cdn.example/x.png']) {
      const { proxy, asked } = routes({ 'https://logos.example/a.png': () => redirect(target) });
      expect(await proxy.get('https://logos.example/a.png'), target).toBeUndefined();
      expect(asked).toEqual([{ url: 'https://logos.example/a.png', redirect: 'manual' }]);
    }
  });

  it('an opaque redirect (what browsers give for redirect: manual) is no logo', async () => {
    const opaque = new Response(PNG as BodyInit, { headers: { 'content-type': 'image/png' } });
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    expect(await routes({ 'https://logos.example/o.png': () => opaque }).proxy.get('https://logos.example/o.png')).toBeUndefined();
  });
});
