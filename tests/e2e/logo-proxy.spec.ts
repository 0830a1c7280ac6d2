/**
 * Issue 21, logo proxy: a logo URL from a stranger's token metadata never makes the
 * worker reach the local network, neither directly nor through a redirect.
 */
import { expect, sendFromPage, test } from './fixtures';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

test('the worker refuses private hosts, and a redirect to one is never followed', async ({ context, setup, openPopup }) => {
  await setup({ apiKey: 'test-key' });
  const asked: string[] = [];
  context.on('request', (r) => void asked.push(r.url()));
  await context.route('https://logos.example/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/to-private.png') return route.fulfill({ status: 302, headers: { location: 'https://192.168.1.1/router.png' } });
    if (path === '/to-public.png') return route.fulfill({ status: 302, headers: { location: 'https://cdn.example/ok.png' } });
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
  });
  await context.route('https://cdn.example/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
  await context.route(/^https:\/\/(192\.168\.1\.1|127\.0\.0\.1|169\.254\.169\.254)\//, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
  const popup = await openPopup();
  const logo = async (url: string) => (await sendFromPage<{ dataUrl?: string }>(popup, 'getLogo', { url })).res?.dataUrl;

  // A public host is fetched (the proxy works at all).
  expect(await logo('https://logos.example/plain.png')).toMatch(/^data:image\/png;base64,/);
  // Private hosts, however spelled, are not asked.
  for (const url of ['https://127.0.0.1/a.png', 'https://0x7f000001/a.png', 'https://169.254.169.254/a.png', 'https://[::1]/a.png']) {
    expect(await logo(url), url).toBeUndefined();
  }
  // A redirect to the router is not followed.
  expect(await logo('https://logos.example/to-private.png')).toBeUndefined();
  // Chromium hides a manual redirect's Location from fetch, so even a public target is not had: no logo, the letter avatar.
  expect(await logo('https://logos.example/to-public.png')).toBeUndefined();
  expect(asked.filter((u) => /192\.168\.1\.1|127\.0\.0\.1\/a|169\.254|\[::1\]|cdn\.example/.test(u))).toEqual([]);
  expect(asked).toContain('https://logos.example/to-private.png');
});
