/**
 * Server-Sent Events frames read from a fetch body, for the SDK's stream helpers.
 */
export type Frame = { id?: string; event?: string; data: string };

/** Each complete frame of `body`, until it ends or `signal` aborts. */
export async function* readFrames(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<Frame> {
  const reader = body.getReader();
  // Not every fetch ends the body when its request is aborted: end the reading here.
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: { id?: string; event?: string; data: string[] } = { data: [] };
        for (const line of block.split('\n')) {
          if (!line || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') frame.data.push(value);
          else if (field === 'id') frame.id = value;
          else if (field === 'event') frame.event = value;
        }
        if (frame.data.length) yield { id: frame.id, event: frame.event, data: frame.data.join('\n') };
      }
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    // A consumer that stops early (break) releases the connection.
    cancel();
  }
}
