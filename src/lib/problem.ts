/**
 * RFC 9457 problem details: every error the API answers is one of these, with a stable `code`.
 * Services throw `ProblemError`s; the app's error handler turns them into responses.
 */
export type FieldErrors = Record<string, string[]>;

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldErrors;
  request_id?: string;
};

const TITLES: Record<string, string> = {
  validation_error: 'Your request is not valid.',
  not_authenticated: 'Authentication is required.',
  invalid_credentials: 'The email or password is wrong.',
  token_invalid: 'The token is invalid or expired.',
  permission_denied: 'You are not allowed to do this.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  invalid_state: 'The resource is not in a state that allows this.',
  already_exists: 'It already exists.',
  payload_too_large: 'The request body is too large.',
  business_rule: 'The request breaks a business rule.',
  invalid_token: 'The token is invalid, used or expired.',
  rate_limited: 'Too many requests.',
  not_implemented: 'Not implemented yet.',
  internal_error: 'Something went wrong on our side.',
};

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors?: FieldErrors;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, detail: string, options: { errors?: FieldErrors; headers?: Record<string, string> } = {}) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(instance: string, requestId?: string): Problem {
    return {
      type: `https://taskmarket.example/problems/${this.code}`,
      title: TITLES[this.code] ?? this.code,
      status: this.status,
      code: this.code,
      detail: this.message,
      instance,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    };
  }
}

export const problems = {
  validation: (errors: FieldErrors, detail = describeFieldErrors(errors)) =>
    new ProblemError(400, 'validation_error', detail, { errors }),
  field: (field: string, message: string) => problems.validation({ [field]: [message] }),
  unauthenticated: (detail = 'Send a valid access token: Authorization: Bearer <access>.') =>
    new ProblemError(401, 'not_authenticated', detail),
  invalidCredentials: () => new ProblemError(401, 'invalid_credentials', 'The email or password is wrong.'),
  tokenInvalid: (detail: string) => new ProblemError(401, 'token_invalid', detail),
  forbidden: (detail: string) => new ProblemError(403, 'permission_denied', detail),
  notFound: (detail: string) => new ProblemError(404, 'not_found', detail),
  invalidState: (detail: string) => new ProblemError(409, 'invalid_state', detail),
  alreadyExists: (detail: string, errors?: FieldErrors) => new ProblemError(409, 'already_exists', detail, { errors }),
  businessRule: (detail: string, errors?: FieldErrors) => new ProblemError(422, 'business_rule', detail, { errors }),
  invalidToken: (detail: string) => new ProblemError(422, 'invalid_token', detail),
  rateLimited: (retryAfterSeconds: number) =>
    new ProblemError(429, 'rate_limited', `Too many requests. Try again in ${retryAfterSeconds} seconds.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  notImplemented: (operationId: string) =>
    new ProblemError(501, 'not_implemented', `${operationId} is part of the contract but not built yet.`),
};

function describeFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}
