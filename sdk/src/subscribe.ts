/**
 * `subscribe()`: the caller's live events (`GET /stream/`, Server-Sent Events), typed, over
 * fetch, so it works in browsers and Node alike and carries the session like every other call
 * (bearer token, one refresh-and-retry). A dropped connection (network, a server restarting) is
 * reopened with backoff and `Last-Event-ID`, so nothing is missed; an `AbortSignal` stops it.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import { readFrames } from './sse.js';

type Schemas = components['schemas'];

/** Each event type and its payload. */
export interface StreamEventData {
  'notification.created': Schemas['Notification'];
  'message.created': Schemas['Message'];
  'conversation.read': Schemas['ConversationRead'];
  /** What was missed can no longer be replayed: reload the lists. */
  resync: Schemas['StreamResync'];
}

/** One event: its `id`, its type (`event`) and its typed payload (`data`). */
export type StreamEvent = { [K in keyof StreamEventData]: { id: string; event: K; data: StreamEventData[K] } }[keyof StreamEventData];

export interface SubscribeOptions {
  /** Stops the subscription (the returned promise then resolves). */
  signal?: AbortSignal;
  /** Start after this event (a saved `id`): what came since is replayed first. */
  lastEventId?: string;
  /** Told of each failed connection before the next try (the subscription goes on). */
  onError?: (error: unknown) => void;
  /** Backoff between reconnections: from `minDelayMs` (500), doubling up to `maxDelayMs` (30,000). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** An error the stream answered that reconnecting will not fix (the session is gone: 401). */
export class StreamRefused extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`The event stream was refused (${status}).`);
    this.name = 'StreamRefused';
    this.status = status;
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * Calls `onEvent` for each live event until `options.signal` aborts; resolves then. Rejects with
 * `StreamRefused` when the stream is refused for good (the session expired).
 */
export async function subscribe(client: Client<paths>, onEvent: (event: StreamEvent) => void, options: SubscribeOptions = {}): Promise<void> {
  const { signal, onError, minDelayMs = 500, maxDelayMs = 30_000 } = options;
  let lastEventId = options.lastEventId;
  let delay = minDelayMs;
  while (!signal?.aborted) {
    try {
      const { response } = await client.GET('/stream/', {
        params: { header: lastEventId ? { 'Last-Event-ID': lastEventId } : {} },
        headers: { Accept: 'text/event-stream' },
        parseAs: 'stream',
        signal,
      });
      if (response.status === 401 || response.status === 403) throw new StreamRefused(response.status);
      if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
      for await (const frame of readFrames(response.body, signal)) {
        delay = minDelayMs;
        if (frame.id) lastEventId = frame.id;
        onEvent({ id: frame.id ?? '', event: frame.event, data: JSON.parse(frame.data) as unknown } as StreamEvent);
      }
      // The server ended the stream (a restart, a drain): reconnect shortly, from where it was.
    } catch (error) {
      if (signal?.aborted) return;
      if (error instanceof StreamRefused) throw error;
      onError?.(error);
    }
    // A little randomness, so that many clients do not come back at the same moment.
    await sleep(delay * (0.5 + Math.random() / 2), signal);
    delay = Math.min(delay * 2, maxDelayMs);
  }
}
