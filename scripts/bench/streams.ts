/**
 * The event-stream scenario of `npm run bench`: many open streams on the service, each of a user
 * of its own, and live events written for them at a steady rate straight into the table the
 * streams read (as a change's transaction writes them). Measures how long an event takes from its
 * commit to its stream, and the service's memory meanwhile.
 */
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type StreamFigures = { streams: number; perStreamPerSecond: number; delivered: number; expected: number; p50: number; p99: number; max: number; rssBeforeMb: number; peakRssMb: number };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measureStreams(options: {
  databaseUrl: string;
  port: number;
  streams: number;
  seconds: number;
  sign: (userId: number) => Promise<string>;
  rss: () => number;
}): Promise<StreamFigures> {
  const rssBeforeMb = options.rss();
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const tag = randomUUID().slice(0, 8);
  // A user per stream, as a crowd of signed-in browsers would be.
  const { rows: users } = await db.query<{ id: number }>(
    `insert into app_user (created_at, updated_at, username, email, is_client, is_freelancer)
     select now(), now(), 'stream_' || $1 || '_' || g, 'stream_' || $1 || '_' || g || '@example.com', true, false from generate_series(1, $2) g
     returning id`,
    [tag, options.streams],
  );
  const latencies: number[] = [];
  const sockets: Array<{ destroy: () => void }> = [];
  let opened = 0;
  await Promise.all(
    users.map(
      async ({ id }) => {
        const token = await options.sign(id);
        return new Promise<void>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: options.port, path: '/api/stream/', headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
            opened += 1;
            resolve();
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
                buffer = buffer.slice(end + 2);
                if (data) latencies.push(Date.now() - (JSON.parse(data) as { sent_at: number }).sent_at);
              }
            });
            res.on('error', () => {});
          });
          req.on('error', reject);
          req.end();
          sockets.push({ destroy: () => req.destroy() });
        });
      },
    ),
  );
  // Let the streams settle (the hub subscribes each), then write one event per stream per second,
  // spread over the second in ten batches.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const ids = users.map((user) => user.id);
  const batch = Math.ceil(ids.length / 10);
  let rssPeak = options.rss();
  let written = 0;
  const started = Date.now();
  for (let tick = 0; tick < options.seconds * 10; tick += 1) {
    const slice = ids.slice((tick % 10) * batch, (tick % 10) * batch + batch);
    await db.query(
      `insert into live_event (user_id, type, payload, created_at)
       select id, 'notification.created', jsonb_build_object('sent_at', (extract(epoch from clock_timestamp()) * 1000)::bigint), now() from unnest($1::int[]) as id`,
      [slice],
    );
    written += slice.length;
    rssPeak = Math.max(rssPeak, options.rss());
    const next = started + (tick + 1) * 100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
  // The last events' delivery.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  rssPeak = Math.max(rssPeak, options.rss());
  for (const socket of sockets) socket.destroy();
  await db.end();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    streams: opened,
    perStreamPerSecond: 1,
    delivered: latencies.length,
    expected: written,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    rssBeforeMb,
    peakRssMb: rssPeak,
  };
}
