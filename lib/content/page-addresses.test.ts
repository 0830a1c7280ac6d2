import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/tests/unit/helpers/test-dom';
import { collectPageAddresses, linkTextDiffers } from './page-addresses';
import { MAX_PAGE_ADDRESSES } from '@/lib/core/lookalike';

const A = '0xabcdef1111111111111111111111111111123456';
const TWIN = '0xabcdef2222222222222222222222222222123456';
const B = '0x28c6c06298d514db089934071355e5743bf21d60';

describe('collectPageAddresses', () => {
  it('reads same-site links and full addresses in text outside links, once per appearance', () => {
    const doc = parseHtml(`<body>
      <a href="/address/${A}">0xabcd…3456</a>
      <a href="/address/${A}">${A}</a>
      <a href="https://other.example/address/${B}">elsewhere</a>
      <td>From ${TWIN.toUpperCase().replace('0X', '0x')} to <b>${B}</b></td>
      <script>var x = "${B}";</script>
    </body>`);
    expect(collectPageAddresses(doc)).toEqual([A, A, TWIN, B]);
  });

  it('stops at the bound', () => {
    const links = Array.from({ length: MAX_PAGE_ADDRESSES + 20 }, (_, i) => `<a href="/address/0x${i.toString(16).padStart(40, '0')}">x</a>`).join('');
    expect(collectPageAddresses(parseHtml(`<body>${links}</body>`))).toHaveLength(MAX_PAGE_ADDRESSES);
  });
});

describe('linkTextDiffers', () => {
  const link = (href: string, text: string) => parseHtml(`<body><a id="l" href="/address/${href}"><span id="s">${text}</span></a></body>`);

  it('flags a shortened text whose visible characters are not those of the link\'s address', () => {
    expect(linkTextDiffers(link(TWIN, '0xabcdef…999999').querySelector('#s')!)).toBe('0xabcdef…999999');
    expect(linkTextDiffers(link(A, `${B}`).querySelector('#l')!)).toBe(B);
  });

  it('says nothing when the text shows the link\'s own address, shortened or in full, or no address at all', () => {
    expect(linkTextDiffers(link(A, '0xAbCd…3456').querySelector('#s')!)).toBeUndefined();
    expect(linkTextDiffers(link(A, A).querySelector('#s')!)).toBeUndefined();
    expect(linkTextDiffers(link(A, 'Binance 14').querySelector('#s')!)).toBeUndefined();
  });
});
