/**
 * `chatStream()`: `POST /chatbot/chat/` with the reply streamed as it is written (Server-Sent
 * Events), typed. Like every call it resolves to the answer: `events` to iterate when the
 * service accepted the message, else `error`, the problem document (401, 404, 409, 429, 502, 503).
 * A model that fails midway ends the events with an `error` event; the message stays stored.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import { readFrames } from './sse.js';

type Schemas = components['schemas'];

/** One event of the reply: `user_message`, then `delta`s, then `done` (or `error`). */
export type ChatStreamEvent = Schemas['ChatStreamEvent'];

export type ChatStreamResult =
  | { events: AsyncGenerator<ChatStreamEvent, void>; error?: undefined; response: Response }
  | { events?: undefined; error: Schemas['Problem']; response: Response };

export async function chatStream(
  // Any media type: the client may read JSON only (`TaskmarketClient`); the stream is read here.
  client: Client<paths, `${string}/${string}`>,
  body: Schemas['ChatRequest'],
  options: { signal?: AbortSignal } = {},
): Promise<ChatStreamResult> {
  const { response, error } = await client.POST('/chatbot/chat/', {
    body,
    headers: { Accept: 'text/event-stream' },
    parseAs: 'stream',
    signal: options.signal,
  });
  if (!response.ok || !response.body) {
    const problem = (error ?? { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, code: 'internal_error' }) as Schemas['Problem'];
    return { error: problem, response };
  }
  const stream = response.body;
  async function* events(): AsyncGenerator<ChatStreamEvent, void> {
    for await (const frame of readFrames(stream, options.signal)) {
      yield { event: frame.event, data: JSON.parse(frame.data) as unknown } as ChatStreamEvent;
    }
  }
  return { events: events(), response };
}
