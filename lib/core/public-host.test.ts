import { describe, expect, it } from 'vitest';
import { isPublicHost, isPublicHttpsUrl } from './public-host';

describe('isPublicHttpsUrl', () => {
  it.each([
    'https://logos.example/t.png',
    'https://assets.coingecko.com/coins/images/1/large/bitcoin.png',
    'https://8.8.8.8/x.png',
    'https://172.32.0.1/x.png', // just past 172.16/12
    'https://100.128.0.1/x.png', // just past 100.64/10
    'https://[2606:4700::1111]/x.png',
    'https://[::ffff:8.8.8.8]/x.png',
  ])('accepts %s', (url) => expect(isPublicHttpsUrl(url)).toBe(true));

  it.each([
    ['http', 'http://logos.example/t.png'],
    ['user info', 'https://u:p@logos.example/t.png'],
    ['not a URL', 'not a url'],
    ['loopback', 'https://127.0.0.1/x.png'],
    ['loopback, other address', 'https://127.8.9.10/x.png'],
    ['loopback as one hex number', 'https://0x7f000001/x.png'],
    ['loopback as one decimal number', 'https://2130706433/x.png'],
    ['loopback in octal', 'https://0177.0.0.1/x.png'],
    ['loopback, short form', 'https://127.1/x.png'],
    ['loopback, mixed hex parts', 'https://0x7f.0.0.1/x.png'],
    ['this network', 'https://0.0.0.0/x.png'],
    ['private 10/8', 'https://10.1.2.3/x.png'],
    ['private 172.16/12', 'https://172.31.255.255/x.png'],
    ['private 192.168/16', 'https://192.168.1.1/x.png'],
    ['private 192.168/16, short form', 'https://192.168.257/x.png'],
    ['link-local / cloud metadata', 'https://169.254.169.254/latest/meta-data'],
    ['CGNAT 100.64/10', 'https://100.64.0.1/x.png'],
    ['multicast', 'https://224.0.0.1/x.png'],
    ['broadcast', 'https://255.255.255.255/x.png'],
    ['localhost', 'https://localhost/x.png'],
    ['localhost with a trailing dot', 'https://localhost./x.png'],
    ['a .localhost name', 'https://app.localhost/x.png'],
    ['a .local name', 'https://printer.local/x.png'],
    ['a .local name, upper case', 'https://PRINTER.LOCAL./x.png'],
    ['a .home.arpa name', 'https://nas.home.arpa/x.png'],
    ['a single-label name', 'https://intranet/x.png'],
    ['IPv6 loopback', 'https://[::1]/x.png'],
    ['IPv6 unspecified', 'https://[::]/x.png'],
    ['IPv6 loopback written long', 'https://[0:0:0:0:0:0:0:1]/x.png'],
    ['IPv6 unique local fc00::/7', 'https://[fc00::1]/x.png'],
    ['IPv6 unique local fd', 'https://[fd12:3456::1]/x.png'],
    ['IPv6 link-local fe80::/10', 'https://[fe80::1]/x.png'],
    ['IPv6 link-local, upper end', 'https://[febf::1]/x.png'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/x.png'],
    ['IPv4-mapped private, hex', 'https://[::ffff:c0a8:101]/x.png'],
    ['IPv4-compatible loopback', 'https://[::127.0.0.1]/x.png'],
    ['NAT64 of loopback', 'https://[64:ff9b::7f00:1]/x.png'],
    ['6to4 of a private address', 'https://[2002:c0a8:101::1]/x.png'],
    ['IPv6 multicast', 'https://[ff02::1]/x.png'],
  ])('refuses %s', (_, url) => expect(isPublicHttpsUrl(url)).toBe(false));

  it('judges hosts given directly too, dotted IPv6 tails included', () => {
    expect(isPublicHost('[::ffff:127.0.0.1]')).toBe(false);
    expect(isPublicHost('[::ffff:8.8.8.8]')).toBe(true);
    expect(isPublicHost('[1:2:3]')).toBe(false); // unreadable: refused
    expect(isPublicHost('')).toBe(false);
  });
});
