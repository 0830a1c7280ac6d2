import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEnsName, looksLikeEnsName, parseEnsName } from './ens-name';
import { escapeName, issueMessage, nameChar, type NameIssue } from './ens-flags';
import { message } from './message';

const issues = (raw: string): NameIssue[] => checkEnsName(raw).flags.map((f) => f.issue);
const chars = (raw: string, issue: NameIssue): string[] | undefined => checkEnsName(raw).flags.find((f) => f.issue === issue)?.chars;

describe('checkEnsName (ENSIP-15 through @adraffy/ens-normalize)', () => {
  it('a normal name has no flags', () => {
    expect(checkEnsName('vitalik.eth')).toEqual({ name: 'vitalik.eth', flags: [] });
  });

  it('accepts subdomains, digits, hyphens, emoji sequences and single-script non-Latin names', () => {
    for (const name of ['pay.vitalik.eth', '123-abc.eth', '👨\u200D👩\u200D👧.eth', 'привет.eth', '東京.eth']) {
      expect(issues(name), name).toEqual([]);
    }
  });

  it.each([
    ['vit\u0251lik.eth', 'disallowed', '"ɑ" U+0251'],
    ['v\u0131talik.eth', 'disallowed', '"ı" U+0131'],
    ['\uFF56italik.eth', 'not-normal', '"ｖ" U+FF56'],
    ['\u217Cido.eth', 'not-normal', '"ⅼ" U+217C'],
    ['p\u0430ypal.eth', 'mixed-script', '"а" U+0430'],
    ['Vitalik.eth', 'not-normal', '"V" U+0056'],
    ['vita\u200Blik.eth', 'invisible', 'U+200B'],
    ['caf\u0065\u0301.eth', 'not-normal', 'U+0301'],
  ] as const)('flags the homoglyph name %j as %s and names the character', (raw, issue, named) => {
    expect(issues(raw)).toContain(issue);
    expect(chars(raw, issue)).toContain(named);
  });

  it('a name that does not normalise to itself is flagged, with its normal form', () => {
    expect(checkEnsName('\uFF56italik.eth').name).toBe('vitalik.eth');
    expect(checkEnsName('\u217Cido.eth').name).toBe('lido.eth');
  });

  it('a name that differs from its normal form only by an emoji presentation selector is still not shown as verified', () => {
    expect(checkEnsName('\u2764\uFE0F.eth')).toEqual({ name: '\u2764.eth', flags: [{ issue: 'not-normal', chars: [] }] });
  });

  it('flags whole-script confusables ("аррӏе" in Cyrillic)', () => {
    expect(issues('\u0430\u0440\u0440\u04cf\u0435.eth')).toEqual(['confusable']);
  });

  it('flags spaces and bidi overrides', () => {
    expect(issues(' vitalik.eth')).toEqual(['invisible']);
    expect(issues('\u202Ehte.kilativ')).toEqual(['disallowed']);
  });

  it('property: a normalised name checks clean, and checking never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const once = checkEnsName(s);
        if (once.flags.length === 0) expect(once.name).toBe(s);
      }),
    );
  });

  it('property: an invisible character inserted anywhere is always flagged', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(plain, fc.nat(), fc.constantFrom('\u200B', '\u200C', '\u2060', '\u00AD', '\uFEFF'), (label, at, ch) => {
        const i = at % (label.length + 1);
        expect(checkEnsName(`${label.slice(0, i)}${ch}${label.slice(i)}.eth`).flags.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('issueMessage', () => {
  it('names the characters in parentheses, or nothing when there are none', () => {
    expect(issueMessage({ issue: 'disallowed', chars: ['"ɑ" U+0251'] })).toEqual(message('messages.ens.issue.disallowed', ' ("ɑ" U+0251)'));
    expect(issueMessage({ issue: 'invalid', chars: [] })).toEqual(message('messages.ens.issue.invalid', ''));
  });

  it('an invisible character is named by its code point only', () => {
    expect(nameChar(0x200b)).toBe('U+200B');
    expect(nameChar(0x251)).toBe('"ɑ" U+0251');
  });
});

describe('parseEnsName', () => {
  it('accepts .eth names and subdomains, normalised', () => {
    expect(parseEnsName(' Vitalik.eth \n')).toEqual({ ok: true, name: 'vitalik.eth' });
    expect(parseEnsName('pay.Vitalik.eth')).toEqual({ ok: true, name: 'pay.vitalik.eth' });
  });

  it.each([
    ['', message('messages.ens.empty')],
    ['vitalik.com', message('messages.ens.notEth')],
    ['.eth', message('messages.ens.emptyPart')],
    ['pay..vitalik.eth', message('messages.ens.emptyPart')],
  ])('refuses %j with a clear message', (input, error) => {
    expect(parseEnsName(input)).toEqual({ ok: false, error });
  });

  it.each(['vita lik.eth', 'vita\u200Blik.eth', 'p\u0430ypal.eth', '\u202Eabc.eth', 'vit\u0251lik.eth', '<b>x</b>.eth'])('refuses %j, naming why', (input) => {
    const parsed = parseEnsName(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.key).toBe('messages.ens.cannotUse');
  });

  it('refuses names longer than 255 characters', () => {
    expect(parseEnsName(`${'a'.repeat(252)}.eth`)).toEqual({ ok: false, error: message('messages.ens.tooLong', '255') });
  });
});

describe('looksLikeEnsName', () => {
  it('tells names from addresses', () => {
    expect(looksLikeEnsName('vitalik.eth')).toBe(true);
    expect(looksLikeEnsName(' pay.vitalik.eth ')).toBe(true);
    expect(looksLikeEnsName('0xd8da6bf26964af9d7eed9e03e53415d37aa96045')).toBe(false);
    expect(looksLikeEnsName('vitalik')).toBe(false);
  });
});

describe('escapeName', () => {
  it('makes every non-ASCII or invisible character a visible escape', () => {
    expect(escapeName('p\u0430ypal.eth')).toBe('p\\u{430}ypal.eth');
    expect(escapeName('a\u200Bb')).toBe('a\\u{200B}b');
  });

  it('property: the escaped form is printable ASCII only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(escapeName(s)).toMatch(/^[\x21-\x7E]*$/);
      }),
    );
  });
});
