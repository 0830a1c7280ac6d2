/**
 * A minimal explorer page with one address in it, for specs about what the card says
 * of an address (its name, a look-alike warning): served at a real Etherscan URL so
 * the content script runs, opened once its listeners are on.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { ClosedCard, type CardSnapshot } from './closed-card';
import { toChecksumAddress } from '../../lib/core/address';

const SERVED_HOSTS = /(^|\.)(etherscan\.io|127\.0\.0\.1|localhost)$/;

/** With the network closed, requests to other hosts would only slow the page down. */
export async function abortForeignHosts(context: BrowserContext): Promise<void> {
  await context.route((u) => u.protocol.startsWith('http') && !SERVED_HOSTS.test(u.hostname), (route) => route.abort());
}

/** One field of the open card (null when there is none), for expect.poll. */
export const cardField =
  <T,>(card: ClosedCard, pick: (s: CardSnapshot) => T) =>
  async () => {
    const s = await card.snapshot();
    return s ? pick(s) : null;
  };

/** The page lists the address (checksummed) in `#a`. */
export async function openAddressPage(page: Page, serveExplorer: (u: string, f: { html: string }) => Promise<void>, address: string): Promise<ClosedCard> {
  const url = `https://etherscan.io/address/${address}`;
  await serveExplorer(url, { html: `<!doctype html><html><body><p>Address <span id="a">${toChecksumAddress(address)}</span></p></body></html>` });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const card = new ClosedCard(page);
  await expect.poll(() => card.ready(), { timeout: 15_000 }).toBe(true);
  return card;
}
