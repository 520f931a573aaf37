/**
 * The counters of the rate limits, in PostgreSQL so that limits hold across restarts and any
 * number of instances. The columns are the ones rate-limiter-flexible's PostgreSQL store reads
 * and writes; it never creates the table itself (the migration does).
 */
import { defineEntity, p } from '@mikro-orm/core';

const RateLimitCounterSchema = defineEntity({
  name: 'RateLimitCounter',
  tableName: 'rate_limit',
  properties: {
    // `<limit>:<subject>`, e.g. `password-failures-account:email:sara@example.com`.
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    // When the window ends, in epoch milliseconds.
    expire: p.bigint('number').nullable(),
  },
});
export class RateLimitCounter extends RateLimitCounterSchema.class {}
RateLimitCounterSchema.setClass(RateLimitCounter);

export const rateLimitEntities = [RateLimitCounterSchema];
