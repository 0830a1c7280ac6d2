/**
 * A local stand-in for the Chainbase balance API (GET /v1/account/tokens and
 * /v1/account/balance), with request counting and failure simulation so tests
 * can check caching, pagination, retries and error handling without a network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChainId } from '../../lib/core/chains';
import { CREDIT_COSTS, type Endpoint } from '../../lib/core/credits';
import { lastPageSaysZero, nativeFor, PRICE_UPDATED_AT, priceFor, toHexQuantity, toTokenMeta, tokensFor } from './data';
import { ensRecordFor, ensReverseFor } from './data';
import { priceHistoryFor } from './data';
import { FaultInjector, type FaultKind, type FaultOptions } from './faults';

export const DEFAULT_KEYS = ['demo', 'test-key'] as const;

export const TOKENS_PATH = '/v1/account/tokens';
export const BALANCE_PATH = '/v1/account/balance';
export const PRICE_PATH = '/v1/token/price';
export const ENS_REVERSE_PATH = '/v1/ens/reverse';
export const ENS_RECORDS_PATH = '/v1/ens/records';
export const PRICE_HISTORY_PATH = '/v1/token/price/history';
/** The longest range GET /v1/token/price/history answers in one call. */
export const MAX_HISTORY_SECONDS = 90 * 24 * 3600;

export interface RequestLog {
  path: string;
  /** Parsed `chain_id`, when it is a whole number. */
  chainId?: number;
  /** `address` as sent. */
  address?: string;
  /** Parsed `page` for the tokens endpoint (1 when absent). */
  page?: number;
  /** HTTP status answered; 0 while the answer is still pending (slow). */
  status: number;
  apiKeyPresent: boolean;
  /** The Origin header: which context made the call (the extension's service worker sends chrome-extension://<id>). */
  origin?: string;
  /** Epoch ms the request arrived. */
  time: number;
}

/** Which requests a simulation applies to; every given field must match. */
export interface SimulationMatch {
  path?: string;
  chainId?: number;
  /** Case-insensitive. */
  address?: string;
  page?: number;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
}

export type Simulation = SimulationMatch &
  (
    /** `retryAfter` is sent as it is (an HTTP date, garbage); it wins over retryAfterSeconds. */
    | { kind: 'status'; status: number; body?: unknown; retryAfterSeconds?: number; retryAfter?: string }
    | { kind: 'code-error'; code: number; message: string }
    | { kind: 'malformed'; body: string }
    | { kind: 'slow'; delayMs: number }
    | { kind: 'replace'; body: unknown }
    | { kind: 'endless-pages' }
  );

export interface RequestQuery {
  path?: string;
  chainId?: number;
  address?: string;
  page?: number;
}

export interface FakeApi {
  /** e.g. http://127.0.0.1:51234 (no trailing slash). */
  url: string;
  port: number;
  /** Accepted API keys. */
  keys: readonly string[];
  close(): Promise<void>;
  /** Number of logged API requests matching every given field. */
  count(q: RequestQuery): number;
  total(): number;
  /** Credits charged so far (Chainbase's prices; only successful calls: HTTP 200 with code 0). Cleared by reset(). */
  credits(): number;
  /** A copy of the request log, oldest first. */
  readonly requests: RequestLog[];
  /** Clears counts, the log and simulations. */
  reset(): void;
  simulate(rule: Simulation): void;
  clearSimulations(): void;
  /** Fault mode (tests/fake-api/faults.ts): seeded random faults on API requests; undefined turns it off. */
  setFaults(opts: FaultOptions | undefined): void;
  /** Faults injected so far, by kind. */
  faultCounts(): Record<FaultKind, number> | undefined;
}

export interface FakeApiOptions {
  port?: number;
  host?: string;
  /** Accepted in addition to DEFAULT_KEYS. */
  keys?: string[];
  /** The clock price history is counted back from (default Date.now). */
  now?: () => number;
  /** Start in fault mode (see setFaults). */
  faults?: FaultOptions;
}

const ADDRESS_RE = /^0[xX][a-fA-F0-9]{40}$/;
const MAX_CONTRACTS = 100;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Headers': 'x-api-key, content-type',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Max-Age': '600',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
};

// ---------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------

interface Answer {
  status: number;
  /** Sent verbatim when a string (malformed bodies); JSON-encoded otherwise. */
  body: unknown;
  headers?: Record<string, string>;
}

function errorAnswer(status: number, message: string): Answer {
  return { status, body: { code: status, message } };
}

function send(res: ServerResponse, answer: Answer): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    ...answer.headers,
  });
  res.end(text);
}

// ---------------------------------------------------------------------------
// Request parsing and validation
// ---------------------------------------------------------------------------

/** Whole number in a query string, or undefined when absent or not a safe integer. */
function parseWhole(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

interface ApiRequest {
  path: string;
  params: URLSearchParams;
  apiKey: string | undefined;
  origin: string | undefined;
}

function logEntryFor(req: ApiRequest): RequestLog {
  const address = req.params.get('address') ?? undefined;
  const page = req.path === TOKENS_PATH ? (req.params.has('page') ? parseWhole(req.params.get('page')) : 1) : undefined;
  return {
    path: req.path,
    chainId: parseWhole(req.params.get('chain_id')),
    address,
    page,
    status: 0,
    apiKeyPresent: req.apiKey !== undefined,
    ...(req.origin !== undefined && { origin: req.origin }),
    time: Date.now(),
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; answer: Answer };

function checkKey(apiKey: string | undefined, keys: ReadonlySet<string>): Answer | undefined {
  if (apiKey === undefined) return errorAnswer(401, 'missing api key');
  if (!keys.has(apiKey)) return errorAnswer(401, 'invalid api key');
  return undefined;
}

/** Key, chain and address: shared by both endpoints. */
function checkAccount(req: ApiRequest, keys: ReadonlySet<string>): Checked<{ chainId: number; address: string }> {
  const keyError = checkKey(req.apiKey, keys);
  if (keyError) return { ok: false, answer: keyError };
  const rawChain = req.params.get('chain_id');
  if (rawChain === null || rawChain === '') return { ok: false, answer: errorAnswer(400, 'chain_id is required') };
  const chainId = parseWhole(rawChain);
  if (chainId === undefined || !isChainId(chainId)) {
    return { ok: false, answer: errorAnswer(400, `unsupported chain_id: ${rawChain}`) };
  }
  const address = req.params.get('address');
  if (address === null || !ADDRESS_RE.test(address)) {
    return { ok: false, answer: errorAnswer(422, 'address must match ^0[xX][a-fA-F0-9]{40}$') };
  }
  return { ok: true, value: { chainId, address: address.toLowerCase() } };
}

function checkContracts(raw: string | null): Checked<Set<string> | undefined> {
  if (raw === null || raw === '') return { ok: true, value: undefined };
  const contracts = raw.split(',').map((c) => c.trim());
  if (contracts.length > MAX_CONTRACTS) {
    return { ok: false, answer: errorAnswer(422, `contract_address accepts at most ${MAX_CONTRACTS} addresses`) };
  }
  const bad = contracts.find((c) => !ADDRESS_RE.test(c));
  if (bad !== undefined) return { ok: false, answer: errorAnswer(422, `invalid contract_address: ${bad}`) };
  return { ok: true, value: new Set(contracts.map((c) => c.toLowerCase())) };
}

function checkBounded(params: URLSearchParams, name: string, fallback: number, max: number): Checked<number> {
  if (!params.has(name)) return { ok: true, value: fallback };
  const n = parseWhole(params.get(name));
  if (n === undefined || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '>= 1' : `between 1 and ${max}`;
    return { ok: false, answer: errorAnswer(422, `${name} must be an integer ${range}`) };
  }
  return { ok: true, value: n };
}

// ---------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------

interface Modifiers {
  endlessPages: boolean;
  /** The server's clock (price history ends at it). */
  nowMs: number;
}

function answerTokens(req: ApiRequest, keys: ReadonlySet<string>, mods: Modifiers): Answer {
  const account = checkAccount(req, keys);
  if (!account.ok) return account.answer;
  const contracts = checkContracts(req.params.get('contract_address'));
  if (!contracts.ok) return contracts.answer;
  const limit = checkBounded(req.params, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  if (!limit.ok) return limit.answer;
  const page = checkBounded(req.params, 'page', 1, Number.MAX_SAFE_INTEGER);
  if (!page.ok) return page.answer;

  const { chainId, address } = account.value;
  const filter = contracts.value;
  const all = tokensFor(chainId, address).filter((t) => !filter || filter.has(t.contract_address));
  return { status: 200, body: tokensPage(all.map(toTokenMeta), page.value, limit.value, address, mods) };
}

function tokensPage(all: unknown[], page: number, limit: number, address: string, mods: Modifiers): object {
  if (all.length === 0) return { code: 0, message: 'ok', data: null, count: 0 };
  const data = all.slice((page - 1) * limit, page * limit);
  const more = page * limit < all.length;
  const body: Record<string, unknown> = { code: 0, message: 'ok', data, count: all.length };
  if (more || mods.endlessPages) body.next_page = page + 1;
  else if (lastPageSaysZero(address)) body.next_page = 0;
  return body;
}

function answerBalance(req: ApiRequest, keys: ReadonlySet<string>): Answer {
  const account = checkAccount(req, keys);
  if (!account.ok) return account.answer;
  const { chainId, address } = account.value;
  return { status: 200, body: { code: 0, message: 'ok', data: toHexQuantity(nativeFor(chainId, address)) } };
}

/** The key, chain_id and contract_address every token endpoint checks first; an error answer when one is wrong. */
function tokenQuery(req: ApiRequest, keys: ReadonlySet<string>): Answer | { chainId: number; contract: string } {
  const keyError = checkKey(req.apiKey, keys);
  if (keyError) return keyError;
  const rawChain = req.params.get('chain_id');
  const chainId = parseWhole(rawChain);
  if (chainId === undefined || !isChainId(chainId)) return errorAnswer(400, `unsupported chain_id: ${rawChain ?? ''}`);
  const contract = req.params.get('contract_address');
  if (contract === null || !ADDRESS_RE.test(contract)) {
    return errorAnswer(422, 'contract_address must match ^0[xX][a-fA-F0-9]{40}$');
  }
  return { chainId, contract };
}

/** GET /v1/token/price?chain_id&contract_address: `data` {price, symbol, decimals, updated_at}, or null when unpriced. */
function answerPrice(req: ApiRequest, keys: ReadonlySet<string>): Answer {
  const token = tokenQuery(req, keys);
  if ('status' in token) return token;
  const { chainId, contract } = token;
  const known = priceFor(chainId, contract);
  const data = known && { price: known.price, symbol: known.symbol, decimals: 18, updated_at: PRICE_UPDATED_AT };
  return { status: 200, body: { code: 0, message: 'ok', data: data ?? null } };
}

/**
 * GET /v1/token/price/history?chain_id&contract_address&from_timestamp&end_timestamp (Unix
 * seconds, inclusive, at most 90 days): `data` is a list of {price, updated_at} points, oldest
 * first, one an hour counted back from end_timestamp; [] for a token without a price.
 */
function answerPriceHistory(req: ApiRequest, keys: ReadonlySet<string>, nowMs: number): Answer {
  const token = tokenQuery(req, keys);
  if ('status' in token) return token;
  const { chainId, contract } = token;
  const from = parseWhole(req.params.get('from_timestamp'));
  const to = parseWhole(req.params.get('end_timestamp'));
  if (from === undefined || to === undefined) return errorAnswer(400, 'from_timestamp and end_timestamp are required (Unix seconds)');
  if (from > to) return errorAnswer(400, 'from_timestamp must not be after end_timestamp');
  if (to - from > MAX_HISTORY_SECONDS) return errorAnswer(400, 'the range may span at most 90 days');
  const data = priceHistoryFor(chainId, contract, from, to, Math.floor(nowMs / 1000));
  return { status: 200, body: { code: 0, message: 'ok', data } };
}

const ENS_CHAIN_ID = 1;

/** ENS is answered for Ethereum mainnet only. */
function checkEnsChain(req: ApiRequest): Answer | undefined {
  const rawChain = req.params.get('chain_id');
  return parseWhole(rawChain) === ENS_CHAIN_ID ? undefined : errorAnswer(400, `ENS is only available for chain_id ${ENS_CHAIN_ID}, not ${rawChain ?? '(none)'}`);
}

/** GET /v1/ens/reverse?chain_id=1&address: `data` is a list of ENS records (the primary name first), [] when none. */
function answerEnsReverse(req: ApiRequest, keys: ReadonlySet<string>): Answer {
  const account = checkAccount(req, keys);
  if (!account.ok) return account.answer;
  const chainError = checkEnsChain(req);
  if (chainError) return chainError;
  return { status: 200, body: { code: 0, message: 'ok', data: ensReverseFor(account.value.address) } };
}

/** GET /v1/ens/records?chain_id=1&domain: `data` is the name's ENS record (address '' when it has none), null when unregistered. */
function answerEnsRecords(req: ApiRequest, keys: ReadonlySet<string>): Answer {
  const keyError = checkKey(req.apiKey, keys);
  if (keyError) return keyError;
  const chainError = checkEnsChain(req);
  if (chainError) return chainError;
  const domain = req.params.get('domain');
  if (!domain) return errorAnswer(400, 'domain is required');
  return { status: 200, body: { code: 0, message: 'ok', data: ensRecordFor(domain) ?? null } };
}

const ENS_ANSWERS: Readonly<Record<string, (req: ApiRequest, keys: ReadonlySet<string>) => Answer>> = {
  [ENS_REVERSE_PATH]: answerEnsReverse,
  [ENS_RECORDS_PATH]: answerEnsRecords,
};

function answerApi(req: ApiRequest, method: string, keys: ReadonlySet<string>, mods: Modifiers): Answer {
  if (req.path === PRICE_HISTORY_PATH) return method === 'GET' ? answerPriceHistory(req, keys, mods.nowMs) : errorAnswer(405, 'method not allowed');
  const ens = ENS_ANSWERS[req.path];
  const known = req.path === TOKENS_PATH || req.path === BALANCE_PATH || req.path === PRICE_PATH || ens !== undefined;
  if (!known) return errorAnswer(404, 'not found');
  if (method !== 'GET') return errorAnswer(405, 'method not allowed');
  if (ens) return ens(req, keys);
  if (req.path === PRICE_PATH) return answerPrice(req, keys);
  return req.path === TOKENS_PATH ? answerTokens(req, keys, mods) : answerBalance(req, keys);
}

// ---------------------------------------------------------------------------
// Simulations
// ---------------------------------------------------------------------------

function matchesQuery(log: RequestLog, q: RequestQuery): boolean {
  return (
    (q.path === undefined || log.path === q.path) &&
    (q.chainId === undefined || log.chainId === q.chainId) &&
    (q.address === undefined || log.address?.toLowerCase() === q.address.toLowerCase()) &&
    (q.page === undefined || log.page === q.page)
  );
}

interface ActiveRule {
  rule: Simulation;
  remaining: number;
}

/** What the simulations decided for one request. */
interface Plan {
  delayMs: number;
  endlessPages: boolean;
  answer?: Answer;
}

function simulatedAnswer(rule: Simulation): Answer | undefined {
  switch (rule.kind) {
    case 'status': {
      const body = rule.body ?? { code: rule.status, message: STATUS_MESSAGES[rule.status] ?? 'simulated error' };
      const retryAfter = rule.retryAfter ?? rule.retryAfterSeconds ?? (rule.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
      const headers = retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) };
      return { status: rule.status, body, headers };
    }
    case 'code-error':
      return { status: 200, body: { code: rule.code, message: rule.message } };
    case 'malformed':
      return { status: 200, body: rule.body };
    case 'replace':
      return { status: 200, body: rule.body };
    default:
      return undefined;
  }
}

/**
 * Each request takes at most one rule of each sort, earliest added first: a
 * delay (`slow`), a pagination tweak (`endless-pages`) and an answer (the rest),
 * so "slow, then 500" can be set up as two rules.
 */
class Simulations {
  private rules: ActiveRule[] = [];

  add(rule: Simulation): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  planFor(log: RequestLog): Plan {
    const plan: Plan = { delayMs: 0, endlessPages: false };
    const take = (sort: (r: Simulation) => boolean): Simulation | undefined => {
      const active = this.rules.find((a) => a.remaining > 0 && sort(a.rule) && matchesQuery(log, a.rule));
      if (!active) return undefined;
      active.remaining -= 1;
      return active.rule;
    };
    const slow = take((r) => r.kind === 'slow');
    if (slow?.kind === 'slow') plan.delayMs = slow.delayMs;
    plan.endlessPages = take((r) => r.kind === 'endless-pages') !== undefined;
    const answering = take((r) => r.kind !== 'slow' && r.kind !== 'endless-pages');
    if (answering) plan.answer = simulatedAnswer(answering);
    this.rules = this.rules.filter((a) => a.remaining > 0);
    return plan;
  }
}

const SIMULATION_KINDS = new Set(['status', 'code-error', 'malformed', 'slow', 'replace', 'endless-pages']);

/** Shape check for rules arriving over HTTP; returns an error message or undefined. */
export function simulationError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'body must be a JSON object';
  const rule = value as Record<string, unknown>;
  if (typeof rule.kind !== 'string' || !SIMULATION_KINDS.has(rule.kind)) return 'unknown kind';
  const needNumber = (field: string) => (typeof rule[field] === 'number' ? undefined : `${field} must be a number`);
  if (rule.kind === 'status') return needNumber('status');
  if (rule.kind === 'code-error') return needNumber('code') ?? (typeof rule.message === 'string' ? undefined : 'message must be a string');
  if (rule.kind === 'malformed') return typeof rule.body === 'string' ? undefined : 'body must be a string';
  if (rule.kind === 'slow') return needNumber('delayMs');
  if (rule.kind === 'replace' && !('body' in rule)) return 'body is required';
  return undefined;
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

const CONTROL_PREFIX = '/__fake/';
const MAX_CONTROL_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_CONTROL_BODY) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const raw = req.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' ? undefined : value;
}

/** Credits per successful call, by path, from the extension's own price list (a path it does not know: 1). */
function priceOf(path: string): number {
  const endpoint = path.replace(/^\/+/, '');
  return endpoint in CREDIT_COSTS ? CREDIT_COSTS[endpoint as Endpoint] : 1;
}

/** Only a successful answer is charged: HTTP 200 whose body says code 0. */
function creditsFor(path: string, answer: Answer): number {
  const body = answer.body as { code?: unknown } | string;
  const ok = answer.status === 200 && typeof body === 'object' && body !== null && body.code === 0;
  return ok ? priceOf(path) : 0;
}

export async function startFakeApi(opts: FakeApiOptions = {}): Promise<FakeApi> {
  const keys: ReadonlySet<string> = new Set([...DEFAULT_KEYS, ...(opts.keys ?? [])]);
  let log: RequestLog[] = [];
  let charged = 0;
  const simulations = new Simulations();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let faults = opts.faults && new FaultInjector(opts.faults);

  const count = (q: RequestQuery) => log.filter((entry) => matchesQuery(entry, q)).length;
  const reset = () => {
    log = [];
    charged = 0;
    simulations.clear();
  };
  const simulate = (rule: Simulation) => simulations.add(rule);

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const action = url.pathname.slice(CONTROL_PREFIX.length);
    if (req.method === 'GET' && action === 'requests') {
      const q: RequestQuery = {
        path: url.searchParams.get('path') ?? undefined,
        chainId: parseWhole(url.searchParams.get('chainId')),
        address: url.searchParams.get('address') ?? undefined,
        page: parseWhole(url.searchParams.get('page')),
      };
      return send(res, { status: 200, body: { total: log.length, count: count(q), credits: charged, requests: log } });
    }
    if (req.method === 'POST' && action === 'reset') {
      reset();
      return send(res, { status: 200, body: { ok: true } });
    }
    if (req.method === 'POST' && action === 'clear-simulations') {
      simulations.clear();
      return send(res, { status: 200, body: { ok: true } });
    }
    if (req.method === 'POST' && action === 'simulate') {
      const parsed = parseJson(await readBody(req));
      const problem = parsed.ok ? simulationError(parsed.value) : 'body must be JSON';
      if (problem !== undefined || !parsed.ok) return send(res, errorAnswer(400, problem ?? 'bad simulation'));
      simulate(parsed.value as Simulation);
      return send(res, { status: 200, body: { ok: true } });
    }
    send(res, errorAnswer(404, 'not found'));
  }

  function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const apiReq: ApiRequest = { path: url.pathname, params: url.searchParams, apiKey: headerValue(req, 'x-api-key'), origin: headerValue(req, 'origin') };
    const entry = logEntryFor(apiReq);
    log.push(entry);
    const plan = simulations.planFor(entry);
    // Fault mode answers only what no simulation already decided.
    if (faults && !plan.answer && plan.delayMs <= 0) {
      const normal = () => answerApi(apiReq, req.method ?? 'GET', keys, { endlessPages: plan.endlessPages, nowMs: (opts.now ?? Date.now)() });
      if (faults.maybeInject(res, normal)) return void res.on('finish', () => (entry.status = res.statusCode));
    }
    const respond = () => {
      const answer = plan.answer ?? answerApi(apiReq, req.method ?? 'GET', keys, { endlessPages: plan.endlessPages, nowMs: (opts.now ?? Date.now)() });
      entry.status = answer.status;
      charged += creditsFor(apiReq.path, answer);
      send(res, answer);
    };
    if (plan.delayMs <= 0) return respond();
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      respond();
    }, plan.delayMs);
    pendingTimers.add(timer);
    // A client that gives up (timeout test) should not keep the timer alive.
    res.on('close', () => {
      clearTimeout(timer);
      pendingTimers.delete(timer);
    });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, PREFLIGHT_HEADERS);
      return void res.end();
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      handleControl(req, res, url).catch(() => {
        if (!res.headersSent) send(res, errorAnswer(500, 'control request failed'));
      });
      return;
    }
    handleApi(req, res, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    keys: [...keys],
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        faults?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    count,
    total: () => log.length,
    credits: () => charged,
    get requests() {
      return log.map((entry) => ({ ...entry }));
    },
    reset,
    simulate,
    clearSimulations: () => simulations.clear(),
    setFaults: (f) => {
      faults?.close();
      faults = f && new FaultInjector(f);
    },
    faultCounts: () => faults && { ...faults.counts },
  };
}
