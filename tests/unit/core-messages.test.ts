/**
 * lib/core says things as data (lib/core/message.ts); lib/i18n/say.ts turns them into text. These
 * check that every message lib/core may emit is in locales/en.yml, and that the English comes out
 * exactly as the UI (and the e2e tests) expect it, joiners, plurals and dollar signs included.
 */
import { describe, expect, it } from 'vitest';
import { parseAddress } from '@/lib/core/address';
import { parseApiBase } from '@/lib/core/api-base';
import { byChain, byToken } from '@/lib/core/composition';
import { parseEnsName } from '@/lib/core/ens-name';
import { issueMessage } from '@/lib/core/ens-flags';
import { MESSAGE_KEYS, type Message } from '@/lib/core/message';
import { changeSince, formatChange, SINCE_LAST_WEEK, SINCE_YESTERDAY } from '@/lib/core/net-worth-history';
import { classifyToken } from '@/lib/core/spam';
import { timeAgo, updatedAgo } from '@/lib/core/time-ago';
import { formatTotalUsd, implausibleReason, leftOutNote } from '@/lib/core/totals';
import type { ChainHoldings, Token } from '@/lib/core/types';
import { say, sayJoined } from '@/lib/i18n/say';
import { getMessage } from './setup/i18n';

const VITALIK = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function token(over: Partial<Token> = {}): Token {
  return { contract: '0x00000000000000000000000000000000000000aa', symbol: 'ABC', name: 'Abc', decimals: 0, balance: '5', priceUsd: 1, logo: 'https://x.example/l.png', ...over };
}

function portfolio(chainId: number, tokens: Token[], over: Partial<ChainHoldings> = {}): ChainHoldings {
  return { chainId, address: VITALIK.toLowerCase(), native: '0', tokens, capped: false, fetchedAt: 0, ...over };
}

const refusal = (parsed: { ok: true } | { ok: false; error: Message }) => (parsed.ok ? 'accepted' : say(parsed.error));

describe('the messages lib/core may emit', () => {
  it.each(MESSAGE_KEYS)('%s is in locales/en.yml', (key) => {
    expect(getMessage(key.replaceAll('.', '_'))).not.toBe('');
  });
});

describe('in English, through say()', () => {
  it('explains bad addresses', () => {
    expect(refusal(parseAddress(''))).toBe('Enter an address.');
    expect(refusal(parseAddress(VITALIK.slice(2)))).toBe('An address starts with 0x.');
    expect(refusal(parseAddress(`0X${VITALIK.slice(2)}`))).toBe('An address starts with a lowercase 0x, not 0X.');
    expect(refusal(parseAddress(VITALIK.slice(0, -1)))).toBe('An address has 40 hex digits after 0x; this one has 39.');
    expect(refusal(parseAddress(`${VITALIK.slice(0, -1)}g`))).toBe('An address contains only hex digits (0-9, a-f); found "g".');
    expect(refusal(parseAddress(VITALIK.replace('dA', 'Da')))).toBe(
      'This address has a wrong checksum (mixed case must match EIP-55). Check for a typo.',
    );
  });

  it('explains bad ENS names, every issue in one sentence', () => {
    expect(refusal(parseEnsName(''))).toBe('Enter an ENS name.');
    expect(refusal(parseEnsName('vitalik.com'))).toBe('Only .eth names can be looked up (for example vitalik.eth).');
    expect(refusal(parseEnsName(`${'a'.repeat(252)}.eth`))).toBe('An ENS name has at most 255 characters.');
    expect(refusal(parseEnsName('<b>x</b>.eth'))).toBe('This name contains characters ENS does not allow, often drawn like ordinary letters ("<" U+003C, ">" U+003E, "/" U+002F); it cannot be used.');
    expect(refusal(parseEnsName('vit\u0251lik.eth'))).toBe(
      'This name contains characters ENS does not allow, often drawn like ordinary letters ("ɑ" U+0251); it cannot be used.',
    );
    expect(sayJoined([issueMessage({ issue: 'mixed-script', chars: ['"а" U+0430'] }), issueMessage({ issue: 'invisible', chars: [] })], 'semicolon')).toBe(
      'mixes letters from different alphabets ("а" U+0430); contains invisible characters or spaces',
    );
    expect(sayJoined([], 'semicolon')).toBe('');
  });

  it('explains bad API URLs', () => {
    expect(refusal(parseApiBase('nope'))).toBe('Enter a full URL, like https://api.chainbase.online');
    expect(refusal(parseApiBase('http://example.com'))).toBe('The API URL must use https (plain http is allowed only for localhost).');
    expect(refusal(parseApiBase('https://example.com/?q=1'))).toBe('The API URL cannot carry a query, fragment or credentials.');
  });

  it('gives each spam and dust reason as a sentence, and several as one text', () => {
    const reasons = classifyToken(token({ name: 'Visit claim-usdc.xyz', balance: '1000000000000000000' })).reasons;
    expect(sayJoined(reasons, 'sentences')).toBe(
      'Name or symbol contains a link or web address. Name or symbol contains the bait word "visit". Zero decimals with an absurdly large balance.',
    );
    expect(classifyToken(token({ decimals: 6, balance: '9999' })).reasons.map((r) => say(r))).toEqual(['Worth less than $0.01.']);
    expect(classifyToken(token({ balance: '0' })).reasons.map((r) => say(r))).toEqual(['Zero balance.']);
  });

  it('says what a total leaves out, with plurals, and "at least"', () => {
    expect(say(leftOutNote({ unpricedNativeChains: [4200], unpricedCount: 2, implausibleCount: 1, atLeast: false }))).toBe(
      'Not included: BTC on Merlin (no price), 2 tokens without a price, 1 token with an implausible value.',
    );
    expect(say(leftOutNote({ unpricedNativeChains: [], unpricedCount: 1, implausibleCount: 3, atLeast: true }))).toBe(
      'Not included: 1 token without a price, 3 tokens with an implausible value. Some token lists were cut at the page cap, so this is a lower bound.',
    );
    expect(say(leftOutNote({ unpricedNativeChains: [], unpricedCount: 0, implausibleCount: 0, atLeast: true }))).toBe(
      'Some token lists were cut at the page cap, so this is a lower bound.',
    );
    expect(say(formatTotalUsd({ totalUsd: 1234.56, atLeast: true }))).toBe('at least $1,234.56');
    expect(say(formatTotalUsd({ totalUsd: 1234.56, atLeast: false }))).toBe('$1,234.56');
    expect(say(implausibleReason(token({ balance: '2', totalSupply: '1' })))).toBe('The balance is larger than the token’s total supply.');
    expect(say(implausibleReason(token({ balance: '2000000000000' })))).toBe('Worth more than $1 trillion at its listed price: not believable.');
  });

  it('says how long ago, singular and plural', () => {
    expect(say(timeAgo(NOW, NOW))).toBe('just now');
    expect(say(timeAgo(NOW - MIN, NOW))).toBe('1 min ago');
    expect(say(timeAgo(NOW - 12 * MIN, NOW))).toBe('12 min ago');
    expect(say(timeAgo(NOW - 60 * MIN, NOW))).toBe('1 h ago');
    expect(say(timeAgo(NOW - DAY, NOW))).toBe('1 day ago');
    expect(say(timeAgo(NOW - 5 * DAY, NOW))).toBe('5 days ago');
    expect(say(updatedAgo(NOW - 12 * MIN, NOW))).toBe('updated 12 min ago');
  });

  it('says the change since a snapshot, with and without a percentage', () => {
    const snap = (at: number, totalUsd: number) => ({ day: new Date(at).toISOString().slice(0, 10), at, totalUsd, byAddress: {} });
    const up = changeSince([snap(NOW - 23 * 60 * MIN, 8607.14)], NOW, SINCE_YESTERDAY, 8727.64)!;
    expect(say(formatChange(up, SINCE_YESTERDAY))).toBe('+$120.50 (+1.4 %) since yesterday');
    const down = changeSince([snap(NOW - 7 * DAY, 2000)], NOW, SINCE_LAST_WEEK, 1997)!;
    expect(say(formatChange(down, SINCE_LAST_WEEK))).toBe('−$3.00 (−0.1 %) since last week');
    const fromZero = changeSince([snap(NOW - DAY, 0)], NOW, SINCE_YESTERDAY, 25)!;
    expect(say(formatChange(fromZero, SINCE_YESTERDAY))).toBe('+$25.00 since yesterday');
  });

  it('names composition slices', () => {
    const many = portfolio(137, [1, 2, 3].map((i) => token({ symbol: `T${i}`, contract: `0x${i.toString(16).padStart(40, '0')}`, balance: String(10 * i) })));
    expect(byToken([many], true, undefined, 1).map((s) => say(s.label))).toEqual(['T3 (Polygon)', 'Other']);
    expect(byChain([many], true).map((s) => say(s.label))).toEqual(['Polygon']);
  });
});
