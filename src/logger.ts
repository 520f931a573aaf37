/**
 * The service's logger (pino, JSON lines). Request logs carry the request id.
 */
import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
