/**
 * Whether a URL's host is on the public internet, judged from the URL alone (an
 * extension cannot see what a name resolves to). The WHATWG URL parser has already
 * turned every numeric IPv4 spelling (0x7f000001, 2130706433, 0177.0.0.1, 127.1) into
 * dotted decimal and every IPv6 into its compressed form, so only those are checked here.
 */

/** IPv4 ranges that are not the public internet: [first octets as a 32-bit number, prefix length]. */
const PRIVATE_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

/** Names that only mean something on the local network. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isPublicHttpsUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && isPublicHost(url.hostname);
}

/** `hostname` as a parsed URL gives it. */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return false;
  if (host.startsWith('[')) return isPublicV6(host.slice(1, -1));
  const v4 = v4Number(host);
  if (v4 !== undefined) return isPublicV4(v4);
  // A single label ("router", "localhost") is resolved by the local network's search domains.
  if (!host.includes('.')) return false;
  return !LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function v4Number(host: string): number | undefined {
  const m = V4.exec(host);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

function isPublicV4(ip: number): boolean {
  return !PRIVATE_V4.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const start = v4Number(base)!;
    return ip >= start && ip < start + size;
  });
}

/** Eight 16-bit groups, or undefined when it is not an IPv6 literal we can read (then it is refused). */
function v6Groups(text: string): number[] | undefined {
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes its two hex groups.
  let invalidTail = false;
  const body = text.replace(/(\d+\.\d+\.\d+\.\d+)$/, (dotted) => {
    const v4 = v4Number(dotted);
    if (v4 === undefined) invalidTail = true;
    return `${Math.floor((v4 ?? 0) / 65536).toString(16)}:${((v4 ?? 0) % 65536).toString(16)}`;
  });
  const halves = body.split('::');
  if (invalidTail || halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + tail.length;
  if ([...head, ...tail].some(Number.isNaN) || known > 8 || (halves.length === 1 && known !== 8)) return undefined;
  return [...head, ...Array<number>(8 - known).fill(0), ...tail];
}

function isPublicV6(text: string): boolean {
  const g = v6Groups(text);
  if (!g) return false;
  const embeddedV4 = g[6]! * 65536 + g[7]!;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return false; // ::
  if (zeros(7) && g[7] === 1) return false; // ::1
  if (zeros(6)) return false; // ::a.b.c.d, IPv4-compatible (deprecated): never public
  if (zeros(5) && g[5] === 0xffff) return isPublicV4(embeddedV4); // ::ffff:a.b.c.d, IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPublicV4(embeddedV4); // NAT64
  if (g[0] === 0x2002) return isPublicV4(g[1]! * 65536 + g[2]!); // 6to4
  if ((g[0]! & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return false; // link-local, site-local
  if ((g[0]! & 0xff00) === 0xff00) return false; // multicast
  if (g[0] === 0x2001 && g[1] === 0xdb8) return false; // documentation
  if (g[0] === 0x100 && zeros(4)) return false; // discard-only
  return true;
}
