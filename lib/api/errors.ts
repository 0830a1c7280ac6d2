import { i18n } from '#i18n';
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

const KIND_MESSAGES = {
  'no-key': 'messages.api.noKey',
  'bad-key': 'messages.api.badKey',
  'bad-request': 'messages.api.badRequest',
  'not-found': 'messages.api.notFound',
  'rate-limited': 'messages.api.rateLimited',
  server: 'messages.api.server',
  network: 'messages.api.network',
  timeout: 'messages.api.timeout',
  malformed: 'messages.api.malformed',
} as const satisfies Record<ErrorKind, string>;

/**
 * Builds the error the UI shows. The server's own message is kept (it is often the most
 * precise), capped, and scrubbed of the key in case a proxy echoes it back.
 */
export function apiError(kind: ErrorKind, detail?: { status?: number; serverMessage?: string; retryAfterMs?: number; secret?: string }): ChainbaseError {
  const server = detail?.serverMessage?.trim().slice(0, 200);
  const general = i18n.t(KIND_MESSAGES[kind]);
  let message = server ? i18n.t('messages.api.withDetail', [general, server]) : general;
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
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'server', message: i18n.t('messages.api.unexpected', [detail]).slice(0, 300) };
}
