// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer boundaries in eslint.config.js, shown to fire: each case lints a one-line source as if it
 * were the named file of the repo, and checks which boundary rule (if any) reports it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('export {};\n', { filePath: `${ROOT}/lib/core/warm-up.ts` }); // loads the config and parsers once
}, 60_000);

/** The boundary messages ESLint gives for `code` placed at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  if (!result) throw new Error(`ESLint gave no result for ${file}`);
  return result.messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const importOf = (source: string) => `import { x } from '${source}';\nexport const y = x;\n`;

describe('content-script and card code', () => {
  it.each([
    ['lib/content/new-feature.ts', '@/lib/background/services'],
    ['lib/content/new-feature.ts', '../background/handlers'],
    ['lib/content/detect/new-detector.ts', '../../background/holdings-cache'],
    ['lib/card/new-part.ts', '@/lib/api/chainbase-client'],
    ['components/card/NewPart.tsx', '../../lib/api/errors'],
    ['entrypoints/explorer.content/index.ts', '~/lib/background/services'],
    ['entrypoints/explorer-card.ts', '@@/lib/background/rate-limiter'],
  ])('%s may not import the worker-only %s', async (file, source) => {
    expect(await boundaryErrors(file, importOf(source))).toEqual([expect.stringMatching(/no-restricted-imports: .*Worker-only/)]);
  });

  it.each([
    ['lib/content/session.ts', '@/lib/storage/api-key'],
    ['lib/content/run.ts', '../storage/api-key'],
    ['components/card/CardApp.tsx', '@/lib/storage/api-key.ts'],
    ['entrypoints/explorer.content/index.ts', '../../lib/storage/api-key'],
  ])('%s may not import the API key item (%s)', async (file, source) => {
    expect(await boundaryErrors(file, importOf(source))).toEqual([expect.stringMatching(/no-restricted-imports: .*API key/)]);
  });

  it('may use the message protocol, the card contract and lib/core', async () => {
    const code = [
      "import { sendMessage } from '@/lib/messaging/protocol';",
      "import type { CardEnv } from '@/lib/card/contract';",
      "import { chainForHost } from '@/lib/core/chains';",
      "import { DEFAULT_API_BASE } from '@/lib/core/api-base';",
      'export { sendMessage, chainForHost, DEFAULT_API_BASE, type CardEnv };',
    ].join('\n');
    expect(await boundaryErrors('lib/content/new-feature.ts', code)).toEqual([]);
  });

  it.each(['lib/card/new-part.ts', 'components/card/NewPart.tsx', 'lib/content/new-feature.ts'])('%s may say lib/core\'s messages (lib/i18n)', async (file) => {
    expect(await boundaryErrors(file, importOf('@/lib/i18n/say'))).toEqual([]);
  });
});

describe('lib/core stays pure', () => {
  it.each(['wxt/browser', '#imports', '#i18n', 'webextension-polyfill', 'wxt/utils/storage', '@webext-core/messaging'])(
    'may not import %s',
    async (source) => {
      expect(await boundaryErrors('lib/core/new-rule.ts', importOf(source))).toEqual([
        expect.stringMatching(/no-restricted-imports: .*no browser extension APIs/),
      ]);
    },
  );

  it.each(['browser', 'chrome'])('may not use the `%s` global', async (name) => {
    const errors = await boundaryErrors('lib/core/new-rule.ts', `export const id = () => ${name}.runtime.id;\n`);
    expect(errors).toEqual([expect.stringMatching(/no-restricted-globals: .*no browser extension APIs/)]);
  });

  it.each(['@/lib/storage/items', '../messaging/protocol', '@/components/popup/TokenTable', '../api/errors', '@/lib/i18n/say', '../i18n/say'])(
    'may not import another layer (%s)',
    async (source) => {
      expect(await boundaryErrors('lib/core/new-rule.ts', importOf(source))).toEqual([expect.stringMatching(/no-restricted-imports: .*lib\/core is pure/)]);
    },
  );

  it('may import lib/core and plain packages', async () => {
    const code = [
      "import { parseRawAmount } from './format';",
      "import { parseApiBase } from './api-base';",
      "import type { Token } from '@/lib/core/types';",
      "import * as v from 'valibot';",
      'export { parseRawAmount, parseApiBase, v, type Token };',
    ].join('\n');
    expect(await boundaryErrors('lib/core/new-rule.ts', code)).toEqual([]);
  });
});

describe('the UI talks to the worker through messages', () => {
  it.each([
    ['components/shared/NewPanel.tsx', '@/lib/api/errors'],
    ['components/popup/BalancesPanel.tsx', '@/lib/background/context-menu'],
    ['components/options/DataSection.tsx', '../../lib/background/holdings-cache'],
    ['lib/messaging/balances-loader.ts', '../background/balances-service'],
  ])('%s may not import the worker-only %s', async (file, source) => {
    expect(await boundaryErrors(file, importOf(source))).toEqual([expect.stringMatching(/no-restricted-imports: .*Worker-only/)]);
  });
});

describe('who may read the API key item', () => {
  it.each(['lib/background/services.ts', 'components/options/OptionsApp.tsx', 'components/shared/ApiKeyForm.tsx', 'components/popup/PopupApp.tsx'])(
    '%s may',
    async (file) => {
      expect(await boundaryErrors(file, importOf('@/lib/storage/api-key'))).toEqual([]);
    },
  );

  it.each(['components/popup/Watchlist.tsx', 'components/popup/TokenTable.tsx', 'lib/messaging/protocol.ts', 'lib/storage/items.ts', 'lib/api/chainbase-client.ts'])(
    '%s may not',
    async (file) => {
      expect(await boundaryErrors(file, importOf('@/lib/storage/api-key'))).toEqual([expect.stringMatching(/API key/)]);
    },
  );
});
