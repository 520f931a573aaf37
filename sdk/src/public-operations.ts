/**
 * This file was auto-generated from openapi/ by `npm run generate`.
 * Do not edit it by hand: change the spec and regenerate.
 */

/** Operations the contract marks `security: []`: the SDK sends no bearer token to them. */
export const publicOperations: ReadonlySet<string> = new Set([
  "GET /auth/check-email/",
  "GET /auth/check-username/",
  "GET /chatbot/status/",
  "GET /recommendations/categories/",
  "GET /recommendations/service-offerings/",
  "GET /recommendations/skills/",
  "GET /tasks/",
  "GET /tasks/categories/",
  "GET /tasks/statistics/",
  "GET /tasks/users/{username}/reviews/",
  "GET /tasks/{id}/",
  "GET /tasks/{id}/reviews/",
  "POST /auth/google/login/",
  "POST /auth/login/",
  "POST /auth/password-reset/",
  "POST /auth/password-reset/confirm/",
  "POST /auth/register/",
  "POST /auth/resend-verification/",
  "POST /auth/token/",
  "POST /auth/token/refresh/",
  "POST /auth/verify-email/",
  "POST /notifications/unsubscribe/",
  "POST /payments/webhooks/stripe/",
]);

/** Operations that take an `Idempotency-Key` (they move money): the SDK adds one to each call. */
export const idempotencyKeyOperations: ReadonlySet<string> = new Set([
  "POST /payments/escrow/{id}/refund/",
  "POST /payments/escrow/{id}/release/",
  "POST /payments/intents/create/",
  "POST /payments/payment-methods/create/",
  "POST /payments/withdrawals/create/",
]);
