/**
 * RFC 9457 problem details: every error the API answers is one of these, with a stable `code`
 * from the contract's `ProblemCode` enum (so the service cannot send a code the contract does not
 * list). Services throw `ProblemError`s; the app's error handler turns them into responses.
 */
import type { Problem, ProblemCode } from '../contract/schemas.ts';

export type FieldErrors = Record<string, string[]>;

const TITLES: Record<ProblemCode, string> = {
  validation_error: 'Your request is not valid.',
  not_authenticated: 'Authentication is required.',
  token_invalid: 'The token is invalid.',
  token_expired: 'The token has expired.',
  invalid_credentials: 'The email or password is wrong.',
  permission_denied: 'You are not allowed to do this.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  invalid_state: 'The resource is not in a state that allows this.',
  already_exists: 'It already exists.',
  payload_too_large: 'The request body is too large.',
  invalid_signature: 'The signature is invalid.',
  idempotency_key_reused: 'The idempotency key was used for another request.',
  business_rule_violation: 'The request breaks a business rule.',
  invalid_token: 'The token is invalid, used or expired.',
  rate_limited: 'Too many requests.',
  internal_error: 'Something went wrong on our side.',
  not_implemented: 'Not implemented yet.',
  payment_provider_error: 'The payment provider failed.',
  service_unavailable: 'The service is unavailable.',
  assistant_error: 'The assistant failed.',
  assistant_unavailable: 'The assistant is unavailable.',
};

export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly errors?: FieldErrors;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ProblemCode, detail: string, options: { errors?: FieldErrors; headers?: Record<string, string> } = {}) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(instance: string, requestId?: string): Problem {
    return {
      type: `https://taskmarket.example/problems/${this.code}`,
      title: TITLES[this.code],
      status: this.status,
      code: this.code,
      detail: this.message,
      instance,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    };
  }
}

/**
 * The `WWW-Authenticate` challenge every 401 carries (RFC 6750): plain when no token was sent,
 * `error="invalid_token"` with the reason when one was sent and refused.
 */
function bearerChallenge(refusedBecause?: string): Record<string, string> {
  const reason = refusedBecause ? `, error="invalid_token", error_description="${refusedBecause.replace(/["\\]/g, "'")}"` : '';
  return { 'WWW-Authenticate': `Bearer realm="taskmarket"${reason}` };
}

export const problems = {
  validation: (errors: FieldErrors, detail = describeFieldErrors(errors)) =>
    new ProblemError(400, 'validation_error', detail, { errors }),
  field: (field: string, message: string) => problems.validation({ [field]: [message] }),
  unauthenticated: (detail = 'Send a valid access token: Authorization: Bearer <access>.') =>
    new ProblemError(401, 'not_authenticated', detail, { headers: bearerChallenge() }),
  invalidCredentials: () => new ProblemError(401, 'invalid_credentials', 'The email or password is wrong.', { headers: bearerChallenge() }),
  tokenInvalid: (detail: string) => new ProblemError(401, 'token_invalid', detail, { headers: bearerChallenge(detail) }),
  tokenExpired: (detail: string) => new ProblemError(401, 'token_expired', detail, { headers: bearerChallenge(detail) }),
  forbidden: (detail: string) => new ProblemError(403, 'permission_denied', detail),
  notFound: (detail: string) => new ProblemError(404, 'not_found', detail),
  invalidState: (detail: string) => new ProblemError(409, 'invalid_state', detail),
  alreadyExists: (detail: string, errors?: FieldErrors) => new ProblemError(409, 'already_exists', detail, { errors }),
  payloadTooLarge: (detail: string) =>
    // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
    new ProblemError(413, 'payload_too_large', detail, { headers: { Connection: 'close' } }),
  businessRule: (detail: string, errors?: FieldErrors) => new ProblemError(422, 'business_rule_violation', detail, { errors }),
  invalidSignature: (detail: string) => new ProblemError(400, 'invalid_signature', detail),
  idempotencyKeyReused: (detail: string) => new ProblemError(409, 'idempotency_key_reused', detail),
  invalidToken: (detail: string) => new ProblemError(422, 'invalid_token', detail),
  rateLimited: (retryAfterSeconds: number, detail = `Too many requests. Try again in ${retryAfterSeconds} seconds.`) =>
    new ProblemError(429, 'rate_limited', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } }),
  internal: () =>
    new ProblemError(500, 'internal_error', 'An unexpected error occurred. It was logged; quote the request id when reporting it.'),
  paymentProvider: (detail: string) => new ProblemError(502, 'payment_provider_error', `${detail} Nothing was changed; retry with the same Idempotency-Key.`),
  databaseUnavailable: (retryAfterSeconds = 5) =>
    new ProblemError(503, 'service_unavailable', `The database cannot be reached right now. Try again in ${retryAfterSeconds} seconds.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  assistantError: (detail: string) => new ProblemError(502, 'assistant_error', `${detail} Your message was kept; try again.`),
  assistantUnavailable: (retryAfterSeconds: number, detail: string) =>
    new ProblemError(503, 'assistant_unavailable', `${detail} Your message was kept; try again in ${retryAfterSeconds} seconds.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
};

function describeFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}
