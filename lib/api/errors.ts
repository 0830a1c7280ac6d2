import type { ApiErrorInfo, ErrorKind } from '@/lib/core/types';

/** The one error type the Chainbase client throws; `info` is plain JSON for messages. */
export class ChainbaseError extends Error {
  readonly info: ApiErrorInfo;
  constructor(info: ApiErrorInfo) {
    super(info.message);
    this.name = 'ChainbaseError';
    this.info = info;
  }
}

export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'bad-key';
  if (status === 400 || status === 422) return 'bad-request';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  return 'server';
}

const DEFAULT_MESSAGES: Record<ErrorKind, string> = {
  'no-key': 'No API key is set. Add one in the extension settings.',
  'bad-key': 'Chainbase rejected the API key.',
  'bad-request': 'Chainbase rejected the request.',
  'not-found': 'Chainbase does not know this endpoint.',
  'rate-limited': 'Too many requests: Chainbase asked us to slow down.',
  server: 'Chainbase had an internal error.',
  network: 'Could not reach the Chainbase API.',
  timeout: 'Chainbase took too long to answer.',
  malformed: 'Chainbase sent a response we could not read.',
};

/**
 * Builds the error the UI shows. The server's own message is kept (it is often the most
 * precise), capped, and scrubbed of the key in case a proxy echoes it back.
 */
export function apiError(kind: ErrorKind, detail?: { status?: number; serverMessage?: string; retryAfterMs?: number; secret?: string }): ChainbaseError {
  let message = DEFAULT_MESSAGES[kind];
  const server = detail?.serverMessage?.trim().slice(0, 200);
  if (server) message += ` (${server})`;
  if (detail?.secret) message = message.split(detail.secret).join('***');
  return new ChainbaseError({
    kind,
    message,
    ...(detail?.status !== undefined && { status: detail.status }),
    ...(detail?.retryAfterMs !== undefined && { retryAfterMs: detail.retryAfterMs }),
  });
}

/** Whatever was thrown, as plain JSON the UI can explain. */
export function toErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof ChainbaseError) return error.info;
  return { kind: 'server', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
}
