import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEnsName, escapeName, issueMessage, looksLikeEnsName, parseEnsName, type NameIssue } from './ens-name';
import { message } from './message';

describe('checkEnsName', () => {
  it('lowercases and composes (NFC); a name that was not normal already is flagged', () => {
    expect(checkEnsName('vitalik.eth')).toEqual({ name: 'vitalik.eth', issues: [] });
    expect(checkEnsName('Vitalik.ETH')).toEqual({ name: 'vitalik.eth', issues: ['not-normal'] });
    // "é" typed as e + combining acute becomes the single composed character.
    expect(checkEnsName('cafe\u0301.eth')).toEqual({ name: 'caf\u00e9.eth', issues: ['not-normal'] });
  });

  it('flags spaces around or inside a name instead of trimming them away', () => {
    expect(checkEnsName(' vitalik.eth').issues).toEqual(['invisible']);
    expect(checkEnsName('vitalik.eth\u00A0').issues).toEqual(['invisible']);
  });

  it('accepts subdomains, digits, hyphens, emoji sequences and single-script non-Latin names', () => {
    for (const name of ['pay.vitalik.eth', '123-abc.eth', '👨\u200D👩\u200D👧.eth', '❤\uFE0F.eth', 'привет.eth', '東京.eth', 'ひらがなカタカナ漢字.eth', '한국어漢字.eth']) {
      expect(checkEnsName(name).issues, name).toEqual([]);
    }
  });

  it('flags invisible characters (zero-width, soft hyphen, fillers, odd spaces)', () => {
    for (const ch of ['\u200B', '\u200C', '\u00AD', '\u2060', '\uFEFF', '\u3164', '\u00A0', '\uFE0F']) {
      expect(checkEnsName(`vita${ch}lik.eth`).issues, escapeName(ch)).toEqual(['invisible']);
    }
  });

  it('flags a zero-width joiner that joins no emoji', () => {
    expect(checkEnsName('vita\u200Dlik.eth').issues).toEqual(['invisible']);
  });

  it('flags control characters and bidi overrides', () => {
    expect(checkEnsName('vita\u0007lik.eth').issues).toEqual(['control']);
    expect(checkEnsName('\u202Ehte.kilativ').issues).toEqual(['bidi']);
    expect(checkEnsName('abc\u2066.eth').issues).toEqual(['bidi']);
  });

  it('flags letters from two scripts in one label ("pаypal" with a Cyrillic а)', () => {
    expect(checkEnsName('p\u0430ypal.eth').issues).toEqual(['mixed-script']);
    expect(checkEnsName('vitalik\u03bf.eth').issues).toEqual(['mixed-script']);
  });

  it('looks at each label on its own: a Cyrillic subdomain of a Latin name is fine', () => {
    expect(checkEnsName('привет.vitalik.eth').issues).toEqual([]);
  });

  it('flags an all-Cyrillic label made only of Latin look-alikes ("аррӏе")', () => {
    expect(checkEnsName('\u0430\u0440\u0440\u04cf\u0435.eth').issues).toEqual(['confusable']);
  });

  it('property: the result is normal (checking it again changes nothing and adds only "not-normal" to the first check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const once = checkEnsName(s);
        const twice = checkEnsName(once.name);
        expect(twice.name).toBe(once.name);
        expect(twice.issues).toEqual(once.issues.filter((i) => i !== 'not-normal'));
      }),
    );
  });

  it('property: an invisible character inserted anywhere is always flagged', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(plain, fc.nat(), fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u034F'), (label, at, ch) => {
        const i = at % (label.length + 1);
        expect(checkEnsName(`${label.slice(0, i)}${ch}${label.slice(i)}.eth`).issues).toContain('invisible');
      }),
    );
  });
});

describe('parseEnsName', () => {
  it('accepts .eth names and subdomains, normalised', () => {
    expect(parseEnsName(' Vitalik.eth \n')).toEqual({ ok: true, name: 'vitalik.eth' });
    expect(parseEnsName('pay.Vitalik.eth')).toEqual({ ok: true, name: 'pay.vitalik.eth' });
  });

  const cannotUse = (issue: NameIssue) => message('messages.ens.cannotUse', issueMessage(issue));
  it.each([
    ['', message('messages.ens.empty')],
    ['vitalik.com', message('messages.ens.notEth')],
    ['.eth', message('messages.ens.emptyPart')],
    ['pay..vitalik.eth', message('messages.ens.emptyPart')],
    ['vita lik.eth', cannotUse('invisible')],
    ['<b>x</b>.eth', message('messages.ens.badChar', '<')],
    ['vita\u200Blik.eth', cannotUse('invisible')],
    ['p\u0430ypal.eth', cannotUse('mixed-script')],
    ['\u202Eabc.eth', cannotUse('bidi')],
  ])('refuses %j with a clear message', (input, error) => {
    expect(parseEnsName(input)).toEqual({ ok: false, error });
  });

  it('names every issue of a refused name, joined by "and"', () => {
    const both = message('messages.list.and', issueMessage('control'), issueMessage('mixed-script'));
    expect(parseEnsName('p\u0430y\u0007pal.eth')).toEqual({ ok: false, error: message('messages.ens.cannotUse', both) });
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
    expect(looksLikeEnsName('0x.eth')).toBe(false);
    expect(looksLikeEnsName('vitalik')).toBe(false);
  });
});

describe('escapeName', () => {
  it('makes every non-ASCII or invisible character a visible escape', () => {
    expect(escapeName('p\u0430ypal.eth')).toBe('p\\u{430}ypal.eth');
    expect(escapeName('a\u200Bb')).toBe('a\\u{200B}b');
    expect(escapeName('\u202Eabc')).toBe('\\u{202E}abc');
  });

  it('property: the escaped form is printable ASCII only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(escapeName(s)).toMatch(/^[\x21-\x7E]*$/);
      }),
    );
  });
});
