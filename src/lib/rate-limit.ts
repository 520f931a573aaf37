/**
 * Fixed-window rate limits (rate-limiter-flexible). Kept in process memory: one service
 * instance is what this project runs; several instances would move this to a shared store.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { problems } from './problem.ts';

export type RateLimit = { consume: (key: string) => Promise<void> };

export function rateLimit(options: { points: number; durationSeconds: number; prefix: string }): RateLimit {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix: options.prefix });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw problems.rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        throw rejection;
      }
    },
  };
}
