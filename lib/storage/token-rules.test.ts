import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  changeTokenRules,
  getTokenRules,
  hiddenTokens,
  lookupOf,
  restoreRule,
  ruleKey,
  rulesOnChain,
  sanitizeTokenRules,
  SYNC_ITEM_QUOTA_BYTES,
  syncBytes,
  tokenRulesItem,
  withRule,
  type TokenRules,
} from './token-rules';

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

describe('sanitizeTokenRules (what is read back from sync storage)', () => {
  it('keeps well-formed rules and drops unknown chains, bad contracts, wrong types and empty rules', () => {
    const raw = {
      [`1:${USDC}`]: { hidden: true, symbol: 'USDC' },
      [`56:${WETH}`]: { spam: false, pinned: true, symbol: 'WETH' },
      [`999:${USDC}`]: { hidden: true, symbol: 'X' },
      '1:0xABC': { hidden: true, symbol: 'X' },
      [`1:${USDC.toUpperCase().replace('0X', '0x')}`]: { hidden: true, symbol: 'X' },
      [`10:${USDC}`]: { hidden: 'yes', pinned: 1, spam: 'no', symbol: 'X' },
      [`8453:${USDC}`]: 'hidden',
    };
    expect(sanitizeTokenRules(raw)).toEqual({
      [`1:${USDC}`]: { hidden: true, symbol: 'USDC' },
      [`56:${WETH}`]: { pinned: true, spam: false, symbol: 'WETH' },
    });
  });

  it('reads anything that is not a record of rules as no rules', () => {
    for (const raw of [null, undefined, 'x', 42, [1, 2]]) expect(sanitizeTokenRules(raw)).toEqual({});
  });

  it('cleans stored symbols (strangers’ text): control characters out, length capped', () => {
    const rules = sanitizeTokenRules({ [`1:${USDC}`]: { hidden: true, symbol: `US\u202eDC\n${'x'.repeat(100)}` } });
    const symbol = rules[`1:${USDC}`]!.symbol;
    expect(symbol).not.toMatch(/[\u202e\n]/);
    expect([...symbol]).toHaveLength(32);
  });

  it('lets hidden win over pinned when both were stored', () => {
    expect(sanitizeTokenRules({ [`1:${USDC}`]: { hidden: true, pinned: true, symbol: 'USDC' } })).toEqual({ [`1:${USDC}`]: { hidden: true, symbol: 'USDC' } });
  });
});

describe('withRule / restoreRule', () => {
  it('hiding unpins, pinning unhides, and a rule that says nothing is removed', () => {
    let rules: TokenRules = withRule({}, 1, USDC, 'USDC', { pinned: true });
    rules = withRule(rules, 1, USDC, 'USDC', { hidden: true });
    expect(rules).toEqual({ [`1:${USDC}`]: { hidden: true, symbol: 'USDC' } });
    rules = withRule(rules, 1, USDC, 'USDC', { pinned: true });
    expect(rules).toEqual({ [`1:${USDC}`]: { pinned: true, symbol: 'USDC' } });
    expect(withRule(rules, 1, USDC, 'USDC', { pinned: undefined })).toEqual({});
  });

  it('undo puts the previous rule back, or removes the new one', () => {
    const before = withRule({}, 1, USDC, 'USDC', { spam: false });
    const after = withRule(before, 1, USDC, 'USDC', { hidden: true });
    const key = ruleKey(1, USDC);
    expect(restoreRule(after, key, before[key])).toEqual(before);
    expect(restoreRule(withRule({}, 1, WETH, 'WETH', { hidden: true }), ruleKey(1, WETH), undefined)).toEqual({});
  });

  it('feeds summarize, the card and the options list', () => {
    const rules = withRule(withRule({}, 1, USDC, 'USDC', { hidden: true }), 56, WETH, 'WETH', { spam: false });
    expect(lookupOf(rules)(1, USDC.toUpperCase().replace('0X', '0x'))).toEqual({ hidden: true, symbol: 'USDC' });
    expect(lookupOf(rules)(56, USDC)).toBeUndefined();
    expect(rulesOnChain(rules, 56)).toEqual({ [WETH]: { spam: false } });
    expect(hiddenTokens(rules)).toEqual([{ key: `1:${USDC}`, chainId: 1, contract: USDC, symbol: 'USDC' }]);
  });
});

describe('the stored item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lives in sync storage under tokenRules, and reads back validated', async () => {
    await changeTokenRules((r) => withRule(r, 1, USDC, 'USDC', { hidden: true }));
    expect(await fakeBrowser.storage.sync.get('tokenRules')).toEqual({ tokenRules: { [`1:${USDC}`]: { hidden: true, symbol: 'USDC' } } });
    await fakeBrowser.storage.sync.set({ tokenRules: { [`1:${USDC}`]: { hidden: 'true' }, junk: 1 } });
    expect(await getTokenRules()).toEqual({});
  });

  it('refuses to grow past the sync quota and leaves storage as it was', async () => {
    const many: TokenRules = {};
    for (let i = 0; syncBytes(many) <= SYNC_ITEM_QUOTA_BYTES; i++) many[ruleKey(1, `0x${i.toString(16).padStart(40, '0')}`)] = { hidden: true, symbol: 'T' };
    await tokenRulesItem.setValue(many);
    const r = await changeTokenRules((rules) => withRule(rules, 1, USDC, 'USDC', { hidden: true }));
    expect(r.ok).toBe(false);
    expect(Object.keys(await getTokenRules())).toHaveLength(Object.keys(many).length);
    // Shrinking is always allowed.
    expect((await changeTokenRules((rules) => restoreRule(rules, Object.keys(rules)[0]!, undefined))).ok).toBe(true);
  });
});
