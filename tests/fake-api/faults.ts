/**
 * The fake server's fault mode: with a seed, each API request has a `rate` chance of one fault,
 * picked by a seeded generator so a run can be repeated: a 5xx, no answer at all (the client's
 * timeout), a body sent slowly in two halves, malformed JSON, a well-formed answer of the wrong
 * shape, or a 429 whose Retry-After is a few seconds, huge, an HTTP date a year ahead or garbage.
 */
import type { ServerResponse } from 'node:http';

export const FAULT_KINDS = [
  '5xx',
  'timeout',
  'slow-body',
  'malformed-json',
  'wrong-shape',
  '429-seconds',
  '429-huge',
  '429-date',
  '429-garbage',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  seed: number;
  /** Share of API requests that get a fault, 0..1. */
  rate: number;
  /** The kinds to pick from; all by default. */
  kinds?: readonly FaultKind[];
  /** How long a slow body waits between its halves (default 3 s). */
  slowBodyMs?: number;
}

/** mulberry32: small, fast and the same on every machine for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NormalAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };

export class FaultInjector {
  readonly counts: Record<FaultKind, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  private readonly random: () => number;
  private readonly kinds: readonly FaultKind[];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly opts: FaultOptions) {
    this.random = seededRandom(opts.seed);
    this.kinds = opts.kinds?.length ? opts.kinds : FAULT_KINDS;
  }

  get injected(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  /** Answers with a fault and returns true, or returns false and leaves the request to the normal answer. */
  maybeInject(res: ServerResponse, normal: () => NormalAnswer): boolean {
    if (this.random() >= this.opts.rate) return false;
    const kind = this.kinds[Math.floor(this.random() * this.kinds.length)]!;
    this.counts[kind]++;
    switch (kind) {
      case '5xx': {
        const status = [500, 502, 503][Math.floor(this.random() * 3)]!;
        return this.json(res, status, { code: status, message: 'injected fault' });
      }
      case 'timeout':
        // Never answered: the client gives up on its own timeout; the socket closes with it.
        return true;
      case 'slow-body':
        return this.slowBody(res, normal());
      case 'malformed-json':
        res.writeHead(200, JSON_HEADERS);
        res.end('{"code":0,"data":[{"contract_address":');
        return true;
      case 'wrong-shape':
        return this.json(res, 200, { code: 0, data: { balance: 12, tokens: 'many' }, next_page: 'x' });
      case '429-seconds':
        return this.json(res, 429, { code: 429, message: 'too many requests' }, { 'Retry-After': String(1 + Math.floor(this.random() * 3)) });
      case '429-huge':
        return this.json(res, 429, { code: 429, message: 'too many requests' }, { 'Retry-After': String(86_400 * (1 + Math.floor(this.random() * 400))) });
      case '429-date':
        return this.json(res, 429, { code: 429, message: 'too many requests' }, { 'Retry-After': new Date(Date.now() + 365 * 86_400_000).toUTCString() });
      case '429-garbage':
        return this.json(res, 429, { code: 429, message: 'too many requests' }, { 'Retry-After': ['soon', '-5', '1e400', ''][Math.floor(this.random() * 4)]! });
    }
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
    res.writeHead(status, { ...JSON_HEADERS, ...headers });
    res.end(JSON.stringify(body));
    return true;
  }

  private slowBody(res: ServerResponse, answer: NormalAnswer): true {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...JSON_HEADERS, ...answer.headers });
    const half = Math.floor(text.length / 2);
    res.write(text.slice(0, half));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      res.end(text.slice(half));
    }, this.opts.slowBodyMs ?? 3000);
    this.timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
    return true;
  }
}
