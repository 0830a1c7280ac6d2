import { send, type ContentMessage, type Send } from '@/lib/messaging/protocol';

/** The content scripts' client: only their messages (lib/messaging/protocol.ts); the worker checks the sender again. */
export const contentSend: Send<ContentMessage> = send;
