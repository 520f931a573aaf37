/**
 * Tells a database that cannot be reached (refused or lost connections, a server starting up or
 * shutting down, no connection slot) from every other failure: the former is a `503` the client
 * may retry, the latter a bug.
 */

// Socket errors, and PostgreSQL's SQLSTATE classes 08 (connection exception), 57P0x (operator
// intervention: shutdown, crash, cannot connect now) and 53300 (too many connections).
const UNREACHABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|08\w{3}|57P0[1-3]|53300)$/;
// node-postgres reports some lost connections by message only.
const UNREACHABLE_MESSAGES = /Connection terminated|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.test(code)) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
    // A refused connection to "localhost" is an AggregateError of one refusal per address.
    if (Array.isArray(errors) && errors.some(isDatabaseUnreachable)) return true;
    current = cause;
  }
  return false;
}
