import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** The permissions review: each built manifest against the allowed list. No browser needed. */
const OUTPUT = path.resolve(import.meta.dirname, '../../.output');
/** Exact explorer hosts of supported chains only: no `*.` wildcard (it would inject into testnets such as sepolia.etherscan.io). */
const EXPLORER_PATTERN =
  /^https:\/\/(www\.)?(etherscan\.io|optimistic\.etherscan\.io|bscscan\.com|polygonscan\.com|arbiscan\.io|basescan\.org|snowtrace\.io|(eth|polygon|arbitrum|optimism|base|zksync)\.blockscout\.com|explorer\.zksync\.io|scan\.merlinchain\.io)\/\*$/;

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  test.describe(target, () => {
    const dir = path.join(OUTPUT, target);
    const manifest = async () => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

    test('asks for storage, the context menu, the Chainbase host and explorer hosts only', async () => {
      const m = await manifest();
      expect(m.manifest_version).toBe(3);
      // Firefox refuses `alarms` as an optional permission (web-ext lint: MANIFEST_OPTIONAL_PERMISSIONS).
      const firefox = target === 'firefox-mv3';
      expect(m.permissions).toEqual(firefox ? ['storage', 'contextMenus', 'alarms'] : ['storage', 'contextMenus']);
      expect(m.host_permissions).toEqual(['https://api.chainbase.online/*']);
      // Asked for at run time, and only when the user sets a custom API base URL.
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
      expect(m.optional_permissions).toEqual(firefox ? ['notifications'] : ['alarms', 'notifications']);
      expect(m.externally_connectable).toBeUndefined();
      const matches: string[] = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
      const resourceMatches: string[] = (m.web_accessible_resources ?? []).flatMap((r: { matches: string[] }) => r.matches);
      for (const pattern of [...matches, ...resourceMatches]) expect(pattern).toMatch(EXPLORER_PATTERN);
      for (const size of ['16', '32', '48', '128']) expect(m.icons[size]).toBe(`icon/${size}.png`);
    });

    test('has no unsafe-eval, and no eval in the code', async () => {
      const m = await manifest();
      expect(JSON.stringify(m.content_security_policy ?? {})).not.toMatch(/unsafe-eval|unsafe-inline/);
      const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
      expect(files.length).toBeGreaterThan(2);
      for (const file of files) {
        const code = await readFile(path.join(dir, file), 'utf8');
        expect(code, file).not.toMatch(/\beval\(|new Function\(/);
      }
    });
  });
}

test('the Firefox manifest carries its add-on id', async () => {
  const m = JSON.parse(await readFile(path.join(OUTPUT, 'firefox-mv3', 'manifest.json'), 'utf8'));
  expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
  expect(m.background.scripts).toEqual(['background.js']);
});
