/**
 * Store-size screenshots (1280×800, what the Chrome Web Store and AMO ask for), made from the
 * demo's own screenshots: each is laid on a plain 1280×800 page with a one-line caption, scaled
 * down if needed, never up (no blurry pixels). Called by scripts/demo.ts after its shots.
 */
import type { BrowserContext } from '@playwright/test';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const STORE_SIZE = { width: 1280, height: 800 } as const;

/** Demo screenshot → store file name and caption (docs/store-listing.md lists them). */
const STORE_SHOTS = [
  { from: 'hover-card.png', to: '1-hover-card.png', caption: 'Hover any address on a block explorer to see its balances' },
  { from: 'hover-card-lookalike.png', to: '2-lookalike.png', caption: 'A look-alike of an address you watch? The card warns you' },
  { from: 'popup-token-details-light.png', to: '3-tokens.png', caption: 'Every token with its exact amount, on nine chains' },
  { from: 'popup-portfolio-light.png', to: '4-portfolio.png', caption: 'Your net worth, what changed and how it moved this week' },
  { from: 'popup-dark.png', to: '5-popup-dark.png', caption: 'Spam folded away, USD estimates, dark mode too' },
  { from: 'options-top.png', to: '6-options.png', caption: 'Your key stays on this device; alerts stay within your credit budget' },
] as const;

/** Writes `<demoDir>/store/*.png`, 1280×800 each. */
export async function writeStoreScreenshots(context: BrowserContext, demoDir: string): Promise<string[]> {
  const outDir = path.join(demoDir, 'store');
  await mkdir(outDir, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const written: string[] = [];
  try {
    for (const shot of STORE_SHOTS) {
      const png = await readFile(path.join(demoDir, shot.from));
      await page.setContent(frame(png.toString('base64'), shot.caption));
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = path.join(outDir, shot.to);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, ...STORE_SIZE } });
      written.push(file);
    }
  } finally {
    await page.close();
  }
  return written;
}

function frame(base64Png: string, caption: string): string {
  return `<!doctype html><html lang="en"><head><style>
    html, body { margin: 0; width: ${STORE_SIZE.width}px; height: ${STORE_SIZE.height}px; overflow: hidden; }
    body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 20px;
      background: linear-gradient(160deg, #eff6ff, #e2e8f0); font: 600 26px system-ui, sans-serif; color: #0f172a; }
    img { max-width: 1200px; max-height: 690px; border-radius: 10px; box-shadow: 0 12px 40px rgb(15 23 42 / 0.25); }
  </style></head><body><p style="margin:0">${escapeHtml(caption)}</p><img alt="" src="data:image/png;base64,${base64Png}"></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
