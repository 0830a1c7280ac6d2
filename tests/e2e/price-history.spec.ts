/**
 * 24 h price change from the fake server's price history (tests/fake-api/data.ts): MOVE is
 * $2.10 now and was $2.00 a day ago, so PRICE_MOVER's 10 MOVE ($21.00) show +5.00 % in the
 * popup's token row and in the hover card, with the base price in the details, and the total
 * changes by the same +5.00 % (from $20.00 at today's amounts). One history call serves both.
 */
import { PRICE_MOVER } from '../fake-api/data';
import { PRICE_HISTORY_PATH } from '../fake-api/server';
import { abortForeignHosts, cardField, openAddressPage } from './address-page';
import { expect, test } from './fixtures';
import { expectNoViolations } from './a11y-checks';

const KEY = 'test-key';
const FAST = { requestsPerSecond: 50 };


test.describe('price history', () => {
  test('a token from $2.00 to $2.10 shows +5.00 % (24 h) in the popup and the card, from one history call', async ({ context, setup, openPopup, fakeApi, serveExplorer }) => {
    await abortForeignHosts(context);
    await setup({ apiKey: KEY, watchlist: [{ address: PRICE_MOVER, label: 'mover', addedAt: 1_700_000_000_000 }], settings: FAST });
    const popup = await openPopup();
    try {
      // The token-first list shows the rows at once (no chain to open).
      const row = popup.locator('[data-token-list] li[data-row]').filter({ hasText: 'MOVE' });
      const change = row.locator('[data-price-change="d1"]');
      await expect(change).toHaveAttribute('data-percent', '+5.00 %', { timeout: 15_000 });
      await expect(change).toContainText('▲');
      await expect(change).toHaveAttribute('title', '24 h: +5.00 %, from $2.00 to $2.10');
      // Coloured as a gain (green), not as the neutral grey of "no change".
      expect(await change.evaluate((el) => getComputedStyle(el).color)).not.toBe(await row.locator('[data-num]').first().evaluate((el) => getComputedStyle(el).color));
      // The details name both prices.
      await row.getByRole('button').first().click();
      await expect(row.locator('[data-price-change="d7"]')).toHaveCount(1);
      await expect(popup.locator('[data-change-between]').first()).toHaveText('from $2.00 to $2.10');
      // The total: $20.00 at yesterday's price → $21.00.
      await expect(popup.locator('[data-total-change="d1"]').first()).toHaveAttribute('data-percent', '+5.00 %');
      await expect(popup.locator('[data-total-change="d1"]').first()).toContainText('from $20.00 to $21.00');
      expect(fakeApi.count({ path: PRICE_HISTORY_PATH, chainId: 1 })).toBe(1);
      await expectNoViolations(popup);
    } finally {
      await popup.close();
    }

    const page = await context.newPage();
    try {
      const card = await openAddressPage(page, serveExplorer, PRICE_MOVER);
      await page.locator('#a').hover();
      await expect.poll(cardField(card, (s) => s.tokens.find((t) => t.text.includes('MOVE'))?.text ?? null), { timeout: 15_000 }).toContain('+5.00 %');
      const snapshot = (await card.snapshot())!;
      const move = snapshot.tokens.find((t) => t.text.includes('MOVE'))!;
      expect(move.usd).toBe('$21.00');
      expect(move.text).toContain('from $2.00 to $2.10');
      expect(snapshot.text).toContain('24 h: +5.00 % (from $20.00 to $21.00');
      // The card's ask was answered from the worker's day-long cache: still one call for MOVE.
      expect(fakeApi.count({ path: PRICE_HISTORY_PATH, chainId: 1 })).toBe(1);
      expect(fakeApi.requests.filter((r) => r.path === PRICE_HISTORY_PATH).length).toBe(1);
    } finally {
      await page.close();
    }
  });
});
