/**
 * The built Firefox extension (.output/firefox-mv3) in Debian's Firefox ESR,
 * driven over WebDriver BiDi by puppeteer-core: the extension is installed the
 * way about:debugging does it (BiDi webExtension.install, a temporary add-on),
 * with a fixed moz-extension:// origin so the tests can open its pages.
 */
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** Firefox gives each install a random origin unless this pref names one. Any UUID will do. */
export const EXTENSION_UUID = '5c1e7b3a-0d42-4f8e-9b6a-3c2d1e0f9a87';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
const DEBUG = Boolean(process.env.FIREFOX_DEBUG);

/** The add-on id Firefox installs it under: browser_specific_settings.gecko.id of the built manifest. */
export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`No gecko id in ${FIREFOX_EXTENSION_DIR}/manifest.json: run \`wxt build -b firefox\` first.`);
  return id;
}

export interface FirefoxSession {
  browser: Browser;
  /** What installExtension answered: the add-on id Firefox installed. */
  installedId: string;
  /** Opens e.g. `options.html` of the extension in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // BiDi refuses to navigate to moz-extension:// pages (not "WebDriver-safe" URLs) without this flag.
    args: ['--remote-allow-system-access'],
    // FIREFOX_DEBUG=1: Firefox's own output, with the extension's console and errors, on this process's stderr.
    dumpio: DEBUG,
    extraPrefsFirefox: {
      ...(DEBUG && { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: EXTENSION_UUID }),
      // No doorhanger can be answered in a headless run: optional permissions the options page asks
      // for (a custom API host) are granted as if the user clicked Allow. The request itself still runs.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const installedId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return {
      browser,
      installedId,
      openExtensionPage: (file) => openPage(browser, `${EXTENSION_ORIGIN}/${file}`),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * Firefox loads moz-extension:// pages without the navigation events BiDi waits for,
 * so `goto` may never settle: start it, and let callers wait for the page's content.
 */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  try {
    void page.goto(url).catch(() => undefined);
    await loaded(page, url);
    return page;
  } catch (e) {
    await page.close().catch(() => undefined);
    throw e;
  }
}

/** Until the page at `url` has loaded. Evaluating mid-navigation may throw; that counts as not yet. */
async function loaded(page: Page, url: string): Promise<void> {
  const at = () => page.evaluate(() => [location.href, document.readyState]).catch(() => []);
  await poll(at, ([href, state]) => href === url && state === 'complete', 20_000, `${url} to load`);
}

/**
 * Serves `html` at `url` (a real explorer URL, so the manifest's content-script matches apply) by
 * answering the page's own requests over BiDi network interception; everything else over http(s)
 * gets a 404, the network being closed anyway. moz-extension:// loads (the card's lazy import) pass.
 */
export async function serveExplorer(page: Page, url: string, html: string): Promise<void> {
  const target = new URL(url);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const u = new URL(request.url());
    if (!u.protocol.startsWith('http')) return void request.continue();
    if (u.origin === target.origin && u.pathname === target.pathname) {
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    void request.respond({ status: 404, contentType: 'text/plain', body: '' });
  });
  void page.goto(url).catch(() => undefined);
  await loaded(page, url);
}

/** Polls `read` until `done` holds for its value; throws with the last value after `timeoutMs`. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/**
 * The hover card's closed shadow root, or null when no card is open. Page script cannot reach it
 * (`host.shadowRoot` is null); WebDriver BiDi can, the way devtools do: a node serialized with
 * `includeShadowTree: "all"` carries a reference to its closed root. puppeteer-core has no public
 * call for that option, so this uses its BiDi realm (pinned major version) to send it.
 */
export async function closedShadowRoot(page: Page, hostSelector: string): Promise<ElementHandle<ShadowRoot> | null> {
  const host = await page.$(hostSelector);
  if (!host) return null;
  const realm = (host as unknown as { realm: BidiFrameRealm }).realm;
  const { result } = await realm.realm.callFunction('(host) => host', false, {
    arguments: [{ sharedId: (host as unknown as { remoteValue(): { sharedId: string } }).remoteValue().sharedId }],
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    resultOwnership: 'root',
  });
  await host.dispose();
  const root = result.value?.shadowRoot;
  return root ? (realm.createHandle(root) as ElementHandle<ShadowRoot>) : null;
}

/** The slice of puppeteer-core's BiDi frame realm that closedShadowRoot needs. */
interface BidiFrameRealm {
  realm: {
    callFunction(
      fn: string,
      awaitPromise: boolean,
      options: object,
    ): Promise<{ result: { value?: { shadowRoot?: object | null } } }>;
  };
  createHandle(remoteValue: object): unknown;
}
