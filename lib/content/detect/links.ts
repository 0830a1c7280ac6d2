/**
 * Reads the address an explorer link points at: `/address/0xA`, `/token/0xT`
 * (the token contract) or `/token/0xT?a=0xH` (the holder H). Only same-site
 * links count: `https://blockscan.com/address/…`, other explorers, chat links
 * and `javascript:` hrefs are not references to this chain's accounts.
 * Parsing uses two compiled regexes, not URL objects or splits: pages have thousands of links.
 */
import { isAddress } from '@/lib/core/address-format';
import { mayContainAddress } from './hex-text';

/** `token/0x…` is the shortest form that can hold an address. */
const MIN_ADDRESS_HREF = 'token/'.length + 42;

/** `host[:port]` of an http(s) URL, lowercase, without `www.` and user info. */
export function siteOf(url: string): string {
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  return m ? normaliseHost(m[1]!) : '';
}

function normaliseHost(authority: string): string {
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** `address/…` or `token/…` with a 42-character segment (checked with the one address format). */
const ADDRESS_SEGMENT = /(?:^|\/)(address|token)\/([^/?#]{42})(?=[/?#]|$)/i;
/** `a=…` as a whole 42-character query parameter. */
const HOLDER_PARAM = /[?&]a=([^&#]{42})(?=[&#]|$)/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SLASH = 0x2f;

/** Where the path starts in a same-site href, or -1 for another site or a non-http scheme. */
function pathStart(href: string, site: string): number {
  // Fast path: explorers' own links are root-relative.
  if (href.charCodeAt(0) === SLASH && href.charCodeAt(1) !== SLASH) return 0;
  let authorityAt: number;
  if (href.startsWith('//')) {
    authorityAt = 2;
  } else {
    const scheme = SCHEME.exec(href);
    if (!scheme) return 0;
    const name = scheme[1]!.toLowerCase();
    if ((name !== 'http' && name !== 'https') || !href.startsWith('//', scheme[0].length)) return -1;
    authorityAt = scheme[0].length + 2;
  }
  let end = authorityAt;
  while (end < href.length && !'/?#'.includes(href[end]!)) end++;
  return site !== '' && normaliseHost(href.slice(authorityAt, end)) === site ? end : -1;
}

/** The account or contract a link points at (lowercase), or undefined. `site` comes from {@link siteOf}. */
export function addressFromHref(rawHref: string, site: string): string | undefined {
  if (rawHref.length < MIN_ADDRESS_HREF || !mayContainAddress(rawHref)) return undefined;
  const href = rawHref.trim();
  const start = pathStart(href, site);
  if (start === -1) return undefined;
  const rest = start === 0 ? href : href.slice(start);

  const segment = ADDRESS_SEGMENT.exec(rest);
  if (!segment || !isAddress(segment[2]!)) return undefined;
  const query = rest.indexOf('?');
  const hash = rest.indexOf('#');
  const pathEnd = Math.min(query === -1 ? rest.length : query, hash === -1 ? rest.length : hash);
  // A match after `?` or `#` is a parameter value, not this link's target.
  if (segment.index >= pathEnd) return undefined;

  const target = segment[2]!.toLowerCase();
  if (segment[1]!.toLowerCase() !== 'token' || query === -1 || (hash !== -1 && hash < query)) return target;
  const holder = HOLDER_PARAM.exec(hash === -1 ? rest.slice(query) : rest.slice(query, hash));
  return holder && isAddress(holder[1]!) ? holder[1]!.toLowerCase() : target;
}
