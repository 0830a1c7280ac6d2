/**
 * The user's own token rules per (chain, contract): hide, pin to top, "not spam", "spam".
 * In sync storage beside the watchlist, so they follow the browser profile. Every total
 * applies them through summarize()'s `rules` option (lib/core/totals.ts); the worker sends
 * a chain's rules with the hover card's answer, since content scripts do not read storage.
 */
import { storage } from '#imports';
import { i18n } from '#i18n';
import { isChainId } from '@/lib/core/chains';
import type { TokenRule, TokenRuleLookup } from '@/lib/core/totals';

export type { TokenRule };

/** A rule as stored: the token's symbol comes along so the options page can name a hidden token. */
export interface StoredTokenRule extends TokenRule {
  /** The symbol when the rule was made (strangers' text, cleaned and capped): shown as text only. */
  symbol: string;
}

/** `${chainId}:${contract}` → rule. */
export type TokenRules = Record<string, StoredTokenRule>;

export const MAX_SYMBOL_LENGTH = 32;
/** chrome.storage.sync allows 8,192 bytes per item (key + JSON value). */
export const SYNC_ITEM_QUOTA_BYTES = 8192;
const STORAGE_KEY = 'tokenRules';
const CONTRACT = /^0x[0-9a-f]{40}$/;

export const tokenRulesItem = storage.defineItem<TokenRules>(`sync:${STORAGE_KEY}`, { fallback: {}, version: 1 });

export function ruleKey(chainId: number, contract: string): string {
  return `${chainId}:${contract.toLowerCase()}`;
}

/** The chain and contract a key names, or undefined for a key that is not ours. */
export function parseRuleKey(key: string): { chainId: number; contract: string } | undefined {
  const [chain, contract, ...rest] = key.split(':');
  const chainId = Number(chain);
  if (rest.length || !contract || !CONTRACT.test(contract) || !isChainId(chainId)) return undefined;
  return { chainId, contract };
}

/** Trims, turns control/format characters into spaces and caps the length. */
function cleanSymbol(symbol: string): string {
  const plain = symbol.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return [...plain].slice(0, MAX_SYMBOL_LENGTH).join('');
}

/**
 * What was stored, keeping only well-formed rules: known chain, lowercase contract, boolean
 * fields. A rule that says nothing is dropped; hidden wins over pinned (they cannot both hold).
 */
export function sanitizeTokenRules(raw: unknown): TokenRules {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const rules: TokenRules = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!parseRuleKey(key) || !value || typeof value !== 'object') continue;
    const r = value as Record<string, unknown>;
    const rule = cleanRule({
      ...(r.hidden === true && { hidden: true }),
      ...(r.pinned === true && { pinned: true }),
      ...(typeof r.spam === 'boolean' && { spam: r.spam }),
    });
    if (rule) rules[key] = { ...rule, symbol: typeof r.symbol === 'string' ? cleanSymbol(r.symbol) : '' };
  }
  return rules;
}

/** The rule without contradictions, or undefined when it says nothing. */
function cleanRule(rule: TokenRule): TokenRule | undefined {
  const out: TokenRule = {
    ...(rule.hidden && { hidden: true }),
    ...(rule.pinned && !rule.hidden && { pinned: true }),
    ...(rule.spam !== undefined && { spam: rule.spam }),
  };
  return Object.keys(out).length ? out : undefined;
}

/**
 * The rules with one token's rule changed: `change` sets fields (undefined clears one).
 * Hiding unpins and pinning unhides; a rule left saying nothing is removed.
 */
export function withRule(rules: TokenRules, chainId: number, contract: string, symbol: string, change: Partial<TokenRule>): TokenRules {
  const key = ruleKey(chainId, contract);
  const { [key]: old, ...rest } = rules;
  const merged: TokenRule = { ...old, ...change };
  if (change.hidden) delete merged.pinned;
  if (change.pinned) delete merged.hidden;
  const rule = cleanRule(merged);
  return rule ? { ...rest, [key]: { ...rule, symbol: cleanSymbol(symbol || old?.symbol || '') } } : rest;
}

/** Puts one token's rule back as it was (undo). */
export function restoreRule(rules: TokenRules, key: string, previous: StoredTokenRule | undefined): TokenRules {
  const { [key]: _now, ...rest } = rules;
  return previous ? { ...rest, [key]: previous } : rest;
}

/** The pure lookup summarize() takes. */
export function lookupOf(rules: TokenRules): TokenRuleLookup {
  return (chainId, contract) => rules[ruleKey(chainId, contract)];
}

/** One chain's rules by contract, without the symbols: what the worker sends with a card's answer. */
export function rulesOnChain(rules: TokenRules, chainId: number): Record<string, TokenRule> {
  const out: Record<string, TokenRule> = {};
  for (const [key, { symbol: _symbol, ...rule }] of Object.entries(rules)) {
    const parsed = parseRuleKey(key);
    if (parsed?.chainId === chainId) out[parsed.contract] = rule;
  }
  return out;
}

/** The hidden tokens, for the options page's list: chain, contract and symbol. */
export function hiddenTokens(rules: TokenRules): { key: string; chainId: number; contract: string; symbol: string }[] {
  return Object.entries(rules).flatMap(([key, rule]) => {
    const parsed = parseRuleKey(key);
    return rule.hidden && parsed ? [{ key, ...parsed, symbol: rule.symbol }] : [];
  });
}

export async function getTokenRules(): Promise<TokenRules> {
  return sanitizeTokenRules(await tokenRulesItem.getValue());
}

/** Bytes the rules take in sync storage (key + JSON value, as Chrome counts it). */
export function syncBytes(rules: TokenRules): number {
  return new TextEncoder().encode(STORAGE_KEY + JSON.stringify(rules)).length;
}

export type RulesChange = { ok: true; rules: TokenRules } | { ok: false; error: string };

/** Reads, changes and writes the rules; refuses to grow them past the sync quota. */
export async function changeTokenRules(change: (rules: TokenRules) => TokenRules): Promise<RulesChange> {
  const current = await getTokenRules();
  const next = change(current);
  if (syncBytes(next) > SYNC_ITEM_QUOTA_BYTES && syncBytes(next) > syncBytes(current)) {
    return { ok: false, error: i18n.t('messages.tokenRules.full') };
  }
  try {
    await tokenRulesItem.setValue(next);
  } catch (e) {
    return { ok: false, error: i18n.t('messages.tokenRules.notSaved', [(e as Error).message]) };
  }
  return { ok: true, rules: next };
}
