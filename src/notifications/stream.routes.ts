/**
 * The event stream (`GET /stream/`, Server-Sent Events) and its tickets. A stream belongs to the
 * user of its bearer token or of its single-use ticket; it writes the user's live events as they
 * come (live-hub.ts) and a heartbeat comment every STREAM_HEARTBEAT_SECONDS.
 */
import { randomBytes } from 'node:crypto';
import { streamSSE } from 'hono/streaming';
import { currentUser, eventStreamAnswer, mount, type AppRouter } from '../app/router.ts';
import { routes } from '../contract/routes.ts';
import { querySql } from '../db/sql.ts';
import { problems } from '../lib/problem.ts';
import type { LiveHub } from './live-hub.ts';

const TICKET_TTL_MS = 60_000;

export function registerStreamRoutes(router: AppRouter, deps: { live: LiveHub; now: () => Date; heartbeatSeconds: number }): void {
  mount(router, routes.createStreamTicket, async (c) => {
    const user = currentUser(c);
    const ticket = `tkt_${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(deps.now().getTime() + TICKET_TTL_MS);
    await querySql(c.get('em'), { text: `insert into stream_ticket (ticket, user_id, expires_at) values ($1, $2, $3)`, values: [ticket, user.id, expiresAt] });
    return c.json({ ticket, expires_at: expiresAt.toISOString() }, 201);
  });

  mount(router, routes.getEventStream, async (c) => {
    // Validated by the route; read as sent.
    const ticket = c.req.query('ticket');
    let userId = c.get('user')?.id;
    if (userId === undefined) {
      if (!ticket) throw c.get('authError') ?? problems.unauthenticated('Send a bearer token, or a ticket from POST /stream/ticket/.');
      // Spent as it is used: one stream per ticket.
      const [spent] = await querySql<{ user_id: number }>(c.get('em'), {
        text: `update stream_ticket set used_at = $2 where ticket = $1 and used_at is null and expires_at > $2 returning user_id`,
        values: [ticket, deps.now()],
      });
      if (!spent) throw problems.unauthenticated('The stream ticket is unknown, used or expired: ask POST /stream/ticket/ for a new one.');
      userId = spent.user_id;
    }
    const lastEventId = c.req.header('last-event-id');
    // Taken before the response starts: a client that acts on the 200 at once misses nothing.
    const startAfter = lastEventId === undefined ? await deps.live.position(userId) : undefined;
    const response = streamSSE(c, async (stream) => {
      const ended = new Promise<void>((resolve) => stream.onAbort(resolve));
      let close: () => void = () => {};
      const closed = new Promise<void>((resolve) => (close = resolve));
      const unsubscribe = await deps.live.subscribe(
        userId,
        lastEventId,
        (frame) => stream.writeSSE({ id: frame.id, event: frame.event, data: JSON.stringify(frame.data) }),
        close,
        startAfter,
      );
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), deps.heartbeatSeconds * 1000);
      await Promise.race([ended, closed]);
      clearInterval(heartbeat);
      unsubscribe();
    });
    return eventStreamAnswer(response);
  });
}
