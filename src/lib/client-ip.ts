/**
 * The caller's address, for rate limits. Behind a proxy (TRUST_PROXY=1) the first
 * X-Forwarded-For hop; otherwise the socket's address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests driving app.fetch) have no socket.
    return 'in-process';
  }
}
