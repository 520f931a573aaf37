/**
 * This file was auto-generated from openapi/ by `npm run generate`.
 * Do not edit it by hand: change the spec and regenerate.
 */

import { createRoute, z } from '@hono/zod-openapi';
import * as S from './schemas.ts';

export const registerUser = createRoute({
  method: "post",
  path: "/auth/register/",
  operationId: "registerUser",
  tags: ["Auth"],
  summary: "Create an account",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.RegisterRequest } } } },
  responses: { 201: { description: "The account was created and signed in.", content: { "application/json": { schema: S.AuthSession } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const loginUser = createRoute({
  method: "post",
  path: "/auth/login/",
  operationId: "loginUser",
  tags: ["Auth"],
  summary: "Sign in with email and password",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.LoginRequest } } } },
  responses: { 200: { description: "Signed in.", content: { "application/json": { schema: S.AuthSession } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const obtainTokenPair = createRoute({
  method: "post",
  path: "/auth/token/",
  operationId: "obtainTokenPair",
  tags: ["Auth"],
  summary: "Obtain a token pair with email and password",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.LoginRequest } } } },
  responses: { 200: { description: "A new token pair.", content: { "application/json": { schema: S.TokenPair } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const refreshToken = createRoute({
  method: "post",
  path: "/auth/token/refresh/",
  operationId: "refreshToken",
  tags: ["Auth"],
  summary: "Exchange a refresh token for a new token pair",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.RefreshTokenRequest } } } },
  responses: { 200: { description: "A new token pair; the old refresh token no longer works.", content: { "application/json": { schema: S.TokenPair } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const logoutUser = createRoute({
  method: "post",
  path: "/auth/logout/",
  operationId: "logoutUser",
  tags: ["Auth"],
  summary: "Sign out",
  request: { body: { required: true, content: { "application/json": { schema: S.RefreshTokenRequest } } } },
  responses: { 204: { description: "Signed out." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getProfile = createRoute({
  method: "get",
  path: "/auth/profile/",
  operationId: "getProfile",
  tags: ["Auth"],
  summary: "Read my profile",
  responses: { 200: { description: "The caller's profile.", content: { "application/json": { schema: S.User } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updateProfile = createRoute({
  method: "put",
  path: "/auth/profile/",
  operationId: "updateProfile",
  tags: ["Auth"],
  summary: "Update my profile",
  request: { body: { required: true, content: { "application/json": { schema: S.UpdateProfileRequest } } } },
  responses: { 200: { description: "The updated profile.", content: { "application/json": { schema: S.User } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const changePassword = createRoute({
  method: "post",
  path: "/auth/profile/change-password/",
  operationId: "changePassword",
  tags: ["Auth"],
  summary: "Change my password",
  request: { body: { required: true, content: { "application/json": { schema: S.ChangePasswordRequest } } } },
  responses: { 200: { description: "Password changed; a new token pair for this client.", content: { "application/json": { schema: S.TokenPair } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listUsers = createRoute({
  method: "get",
  path: "/auth/users/",
  operationId: "listUsers",
  tags: ["Auth"],
  summary: "List users",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "search": z.string().max(100).optional(), "is_freelancer": z.stringbool({ truthy: ["true"], falsy: ["false"] }).optional(), "is_client": z.stringbool({ truthy: ["true"], falsy: ["false"] }).optional(), "skill": z.string().max(50).optional(), "ordering": z.enum(["username","-rating","-date_joined"]).default("username") }) },
  responses: { 200: { description: "A page of public profiles.", content: { "application/json": { schema: S.PaginatedPublicUserList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getUser = createRoute({
  method: "get",
  path: "/auth/users/{username}/",
  operationId: "getUser",
  tags: ["Auth"],
  summary: "Read a user's public profile",
  request: { params: z.object({ "username": z.string().min(3).max(30).regex(new RegExp("^[A-Za-z0-9_.-]+$")) }) },
  responses: { 200: { description: "The public profile.", content: { "application/json": { schema: S.PublicUser } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listUserPortfolioItems = createRoute({
  method: "get",
  path: "/auth/users/{username}/portfolio/",
  operationId: "listUserPortfolioItems",
  tags: ["Auth"],
  summary: "List a user's portfolio",
  request: { params: z.object({ "username": z.string().min(3).max(30).regex(new RegExp("^[A-Za-z0-9_.-]+$")) }), query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20) }) },
  responses: { 200: { description: "A page of the user's portfolio items.", content: { "application/json": { schema: S.PaginatedPortfolioItemList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const checkUsername = createRoute({
  method: "get",
  path: "/auth/check-username/",
  operationId: "checkUsername",
  tags: ["Auth"],
  summary: "Check whether a username is available",
  security: [],
  request: { query: z.object({ "username": z.string().min(1).max(150) }) },
  responses: { 200: { description: "Whether the username is available.", content: { "application/json": { schema: S.UsernameAvailability } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const checkEmail = createRoute({
  method: "get",
  path: "/auth/check-email/",
  operationId: "checkEmail",
  tags: ["Auth"],
  summary: "Check whether an email address is available",
  security: [],
  request: { query: z.object({ "email": z.string().min(1).max(254) }) },
  responses: { 200: { description: "Whether the email address is available.", content: { "application/json": { schema: S.EmailAvailability } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const resendVerification = createRoute({
  method: "post",
  path: "/auth/resend-verification/",
  operationId: "resendVerification",
  tags: ["Auth"],
  summary: "Send the email verification link again",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.EmailRequest } } } },
  responses: { 202: { description: "Accepted; a mail is on its way if an unverified account has this address.", content: { "application/json": { schema: S.Detail } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const verifyEmail = createRoute({
  method: "post",
  path: "/auth/verify-email/",
  operationId: "verifyEmail",
  tags: ["Auth"],
  summary: "Confirm an email address",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.TokenRequest } } } },
  responses: { 200: { description: "The email address is verified.", content: { "application/json": { schema: S.Detail } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const requestPasswordReset = createRoute({
  method: "post",
  path: "/auth/password-reset/",
  operationId: "requestPasswordReset",
  tags: ["Auth"],
  summary: "Ask for a password reset link",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.EmailRequest } } } },
  responses: { 202: { description: "Accepted; a mail is on its way if an account has this address.", content: { "application/json": { schema: S.Detail } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const confirmPasswordReset = createRoute({
  method: "post",
  path: "/auth/password-reset/confirm/",
  operationId: "confirmPasswordReset",
  tags: ["Auth"],
  summary: "Set a new password with a reset token",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.ConfirmPasswordResetRequest } } } },
  responses: { 200: { description: "The password was changed.", content: { "application/json": { schema: S.Detail } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const deleteAccount = createRoute({
  method: "delete",
  path: "/auth/delete-account/",
  operationId: "deleteAccount",
  tags: ["Auth"],
  summary: "Delete my account",
  request: { body: { required: true, content: { "application/json": { schema: S.DeleteAccountRequest } } } },
  responses: { 204: { description: "The account is deleted." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const loginWithGoogle = createRoute({
  method: "post",
  path: "/auth/google/login/",
  operationId: "loginWithGoogle",
  tags: ["Auth"],
  summary: "Sign in with a Google ID token",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.GoogleLoginRequest } } } },
  responses: { 200: { description: "Signed in.", content: { "application/json": { schema: S.GoogleLoginResponse } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listMyPortfolioItems = createRoute({
  method: "get",
  path: "/auth/portfolio/",
  operationId: "listMyPortfolioItems",
  tags: ["Auth"],
  summary: "List my portfolio",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20) }) },
  responses: { 200: { description: "A page of the caller's portfolio items.", content: { "application/json": { schema: S.PaginatedPortfolioItemList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createPortfolioItem = createRoute({
  method: "post",
  path: "/auth/portfolio/",
  operationId: "createPortfolioItem",
  tags: ["Auth"],
  summary: "Add a portfolio item",
  request: { body: { required: true, content: { "application/json": { schema: S.PortfolioItemRequest } } } },
  responses: { 201: { description: "The new portfolio item.", content: { "application/json": { schema: S.PortfolioItem } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getPortfolioItem = createRoute({
  method: "get",
  path: "/auth/portfolio/{id}/",
  operationId: "getPortfolioItem",
  tags: ["Auth"],
  summary: "Read one of my portfolio items",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The portfolio item.", content: { "application/json": { schema: S.PortfolioItem } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updatePortfolioItem = createRoute({
  method: "put",
  path: "/auth/portfolio/{id}/",
  operationId: "updatePortfolioItem",
  tags: ["Auth"],
  summary: "Replace one of my portfolio items",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.PortfolioItemRequest } } } },
  responses: { 200: { description: "The updated portfolio item.", content: { "application/json": { schema: S.PortfolioItem } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const deletePortfolioItem = createRoute({
  method: "delete",
  path: "/auth/portfolio/{id}/",
  operationId: "deletePortfolioItem",
  tags: ["Auth"],
  summary: "Delete one of my portfolio items",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 204: { description: "The item is deleted." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listTasks = createRoute({
  method: "get",
  path: "/tasks/",
  operationId: "listTasks",
  tags: ["Tasks"],
  summary: "Browse tasks",
  security: [],
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "search": z.string().max(200).optional(), "category": z.coerce.number().int().gte(1).lte(2147483647).optional(), "status": S.TaskStatus.optional(), "currency": S.Currency.optional(), "min_budget": S.Money.optional(), "max_budget": S.Money.optional(), "skills": z.string().max(500).regex(new RegExp("^[a-z0-9-]+(,[a-z0-9-]+){0,9}$")).optional(), "remote": z.stringbool({ truthy: ["true"], falsy: ["false"] }).optional(), "client": z.string().max(30).optional(), "ordering": z.enum(["-created_at","created_at","-budget","budget","deadline","-deadline"]).optional() }) },
  responses: { 200: { description: "A page of tasks.", content: { "application/json": { schema: S.PaginatedTaskList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createTask = createRoute({
  method: "post",
  path: "/tasks/create/",
  operationId: "createTask",
  tags: ["Tasks"],
  summary: "Post a task",
  request: { body: { required: true, content: { "application/json": { schema: S.CreateTaskRequest } } } },
  responses: { 201: { description: "The new task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listTaskCategories = createRoute({
  method: "get",
  path: "/tasks/categories/",
  operationId: "listTaskCategories",
  tags: ["Tasks"],
  summary: "List task categories",
  security: [],
  responses: { 200: { description: "All categories.", content: { "application/json": { schema: S.TaskCategoryList } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listMyTasks = createRoute({
  method: "get",
  path: "/tasks/my-tasks/",
  operationId: "listMyTasks",
  tags: ["Tasks"],
  summary: "List the tasks I posted",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "status": S.TaskStatus.optional(), "ordering": z.enum(["-created_at","created_at","-budget","budget","deadline","-deadline"]).default("-created_at") }) },
  responses: { 200: { description: "A page of the caller's tasks.", content: { "application/json": { schema: S.PaginatedTaskList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listMyApplications = createRoute({
  method: "get",
  path: "/tasks/my-applications/",
  operationId: "listMyApplications",
  tags: ["Tasks"],
  summary: "List my applications",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "status": S.ApplicationStatus.optional() }) },
  responses: { 200: { description: "A page of the caller's applications.", content: { "application/json": { schema: S.PaginatedApplicationList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getTaskStatistics = createRoute({
  method: "get",
  path: "/tasks/statistics/",
  operationId: "getTaskStatistics",
  tags: ["Tasks"],
  summary: "Platform task statistics",
  security: [],
  responses: { 200: { description: "The statistics.", content: { "application/json": { schema: S.TaskStatistics } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getMyTaskStatistics = createRoute({
  method: "get",
  path: "/tasks/my-statistics/",
  operationId: "getMyTaskStatistics",
  tags: ["Tasks"],
  summary: "My task statistics",
  responses: { 200: { description: "The caller's statistics.", content: { "application/json": { schema: S.MyTaskStatistics } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listSavedTasks = createRoute({
  method: "get",
  path: "/tasks/saved/",
  operationId: "listSavedTasks",
  tags: ["Tasks"],
  summary: "List my saved tasks",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20) }) },
  responses: { 200: { description: "A page of saved tasks.", content: { "application/json": { schema: S.PaginatedSavedTaskList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const unsaveTask = createRoute({
  method: "delete",
  path: "/tasks/saved/{id}/",
  operationId: "unsaveTask",
  tags: ["Tasks"],
  summary: "Remove a task from my saved tasks",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 204: { description: "The task is no longer saved." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getTask = createRoute({
  method: "get",
  path: "/tasks/{id}/",
  operationId: "getTask",
  tags: ["Tasks"],
  summary: "Read a task",
  security: [],
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updateTask = createRoute({
  method: "put",
  path: "/tasks/{id}/update/",
  operationId: "updateTask",
  tags: ["Tasks"],
  summary: "Replace a task's details",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.UpdateTaskRequest } } } },
  responses: { 200: { description: "The updated task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const partialUpdateTask = createRoute({
  method: "patch",
  path: "/tasks/{id}/update/",
  operationId: "partialUpdateTask",
  tags: ["Tasks"],
  summary: "Change some of a task's details",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.PartialUpdateTaskRequest } } } },
  responses: { 200: { description: "The updated task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const deleteTask = createRoute({
  method: "delete",
  path: "/tasks/{id}/delete/",
  operationId: "deleteTask",
  tags: ["Tasks"],
  summary: "Delete a task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 204: { description: "The task is deleted." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const cancelTask = createRoute({
  method: "post",
  path: "/tasks/{id}/cancel/",
  operationId: "cancelTask",
  tags: ["Tasks"],
  summary: "Cancel a task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: false, content: { "application/json": { schema: S.CancelTaskRequest } } } },
  responses: { 200: { description: "The cancelled task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const completeTask = createRoute({
  method: "post",
  path: "/tasks/{id}/complete/",
  operationId: "completeTask",
  tags: ["Tasks"],
  summary: "Mark a task as completed",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The completed task.", content: { "application/json": { schema: S.Task } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const applyToTask = createRoute({
  method: "post",
  path: "/tasks/{id}/apply/",
  operationId: "applyToTask",
  tags: ["Tasks"],
  summary: "Apply to a task with a proposal and a bid",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.ApplyToTaskRequest } } } },
  responses: { 201: { description: "The application was created and is pending.", content: { "application/json": { schema: S.ApplyToTaskResponse } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listTaskApplications = createRoute({
  method: "get",
  path: "/tasks/{id}/applications/",
  operationId: "listTaskApplications",
  tags: ["Tasks"],
  summary: "List the applications to my task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "status": S.ApplicationStatus.optional(), "ordering": z.enum(["created_at","-created_at","bid_amount","-bid_amount"]).default("created_at") }) },
  responses: { 200: { description: "A page of the task's applications.", content: { "application/json": { schema: S.PaginatedApplicationList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createReview = createRoute({
  method: "post",
  path: "/tasks/{id}/review/",
  operationId: "createReview",
  tags: ["Tasks"],
  summary: "Review the other side of a completed task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.CreateReviewRequest } } } },
  responses: { 201: { description: "The review.", content: { "application/json": { schema: S.Review } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listTaskReviews = createRoute({
  method: "get",
  path: "/tasks/{id}/reviews/",
  operationId: "listTaskReviews",
  tags: ["Tasks"],
  summary: "List a task's reviews",
  security: [],
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20) }) },
  responses: { 200: { description: "A page of the task's reviews.", content: { "application/json": { schema: S.PaginatedReviewList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const saveTask = createRoute({
  method: "post",
  path: "/tasks/{id}/save/",
  operationId: "saveTask",
  tags: ["Tasks"],
  summary: "Save a task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The task was already saved.", content: { "application/json": { schema: S.SavedTask } } }, 201: { description: "The task is now saved.", content: { "application/json": { schema: S.SavedTask } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getTaskSavedStatus = createRoute({
  method: "get",
  path: "/tasks/{id}/saved/",
  operationId: "getTaskSavedStatus",
  tags: ["Tasks"],
  summary: "Check whether I saved a task",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The saved status.", content: { "application/json": { schema: S.TaskSavedStatus } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const acceptApplication = createRoute({
  method: "post",
  path: "/tasks/applications/{id}/accept/",
  operationId: "acceptApplication",
  tags: ["Tasks"],
  summary: "Accept an application and hire the freelancer",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The accepted application.", content: { "application/json": { schema: S.Application } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const rejectApplication = createRoute({
  method: "post",
  path: "/tasks/applications/{id}/reject/",
  operationId: "rejectApplication",
  tags: ["Tasks"],
  summary: "Reject an application",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: false, content: { "application/json": { schema: S.RejectApplicationRequest } } } },
  responses: { 200: { description: "The rejected application.", content: { "application/json": { schema: S.Application } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listUserReviews = createRoute({
  method: "get",
  path: "/tasks/users/{username}/reviews/",
  operationId: "listUserReviews",
  tags: ["Tasks"],
  summary: "List the reviews a user received",
  security: [],
  request: { params: z.object({ "username": z.string().min(3).max(30).regex(new RegExp("^[A-Za-z0-9_.-]+$")) }), query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "role": z.enum(["as_client","as_freelancer"]).optional() }) },
  responses: { 200: { description: "A page of reviews received.", content: { "application/json": { schema: S.PaginatedReviewList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listConversations = createRoute({
  method: "get",
  path: "/messaging/conversations/",
  operationId: "listConversations",
  tags: ["Messaging"],
  summary: "List my conversations",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "task": z.coerce.number().int().gte(1).lte(2147483647).optional(), "unread": z.stringbool({ truthy: ["true"], falsy: ["false"] }).optional(), "search": z.string().max(100).optional() }) },
  responses: { 200: { description: "A page of conversations.", content: { "application/json": { schema: S.PaginatedConversationList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createConversation = createRoute({
  method: "post",
  path: "/messaging/conversations/create/",
  operationId: "createConversation",
  tags: ["Messaging"],
  summary: "Start a conversation",
  request: { body: { required: true, content: { "application/json": { schema: S.CreateConversationRequest } } } },
  responses: { 200: { description: "The conversation already existed.", content: { "application/json": { schema: S.Conversation } } }, 201: { description: "The new conversation.", content: { "application/json": { schema: S.Conversation } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getConversation = createRoute({
  method: "get",
  path: "/messaging/conversations/{id}/",
  operationId: "getConversation",
  tags: ["Messaging"],
  summary: "Read a conversation",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The conversation.", content: { "application/json": { schema: S.Conversation } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listMessages = createRoute({
  method: "get",
  path: "/messaging/conversations/{id}/messages/",
  operationId: "listMessages",
  tags: ["Messaging"],
  summary: "List a conversation's messages",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "since": z.iso.datetime({ offset: true }).optional(), "until_id": z.coerce.number().int().gte(1).lte(2147483647).optional() }) },
  responses: { 200: { description: "A page of messages.", content: { "application/json": { schema: S.PaginatedMessageList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const sendMessage = createRoute({
  method: "post",
  path: "/messaging/conversations/{id}/messages/send/",
  operationId: "sendMessage",
  tags: ["Messaging"],
  summary: "Send a message",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.SendMessageRequest } } } },
  responses: { 201: { description: "The message was sent.", content: { "application/json": { schema: S.SentMessage } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const markConversationRead = createRoute({
  method: "post",
  path: "/messaging/conversations/{id}/mark-read/",
  operationId: "markConversationRead",
  tags: ["Messaging"],
  summary: "Mark a conversation as read",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "How many messages changed.", content: { "application/json": { schema: S.ConversationReadReceipt } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getMessagingStatistics = createRoute({
  method: "get",
  path: "/messaging/statistics/",
  operationId: "getMessagingStatistics",
  tags: ["Messaging"],
  summary: "My messaging statistics",
  responses: { 200: { description: "The caller's messaging statistics.", content: { "application/json": { schema: S.MessagingStatistics } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createConnectAccount = createRoute({
  method: "post",
  path: "/payments/connect/create/",
  operationId: "createConnectAccount",
  tags: ["Payments"],
  summary: "Create my Stripe Connect account",
  request: { body: { required: true, content: { "application/json": { schema: S.CreateConnectAccountRequest } } } },
  responses: { 201: { description: "The account was created; onboarding is pending.", content: { "application/json": { schema: S.ConnectAccount } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createOnboardingLink = createRoute({
  method: "post",
  path: "/payments/connect/onboarding/",
  operationId: "createOnboardingLink",
  tags: ["Payments"],
  summary: "Get a Stripe onboarding link",
  request: { body: { required: true, content: { "application/json": { schema: S.CreateOnboardingLinkRequest } } } },
  responses: { 201: { description: "The onboarding link.", content: { "application/json": { schema: S.OnboardingLink } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getConnectStatus = createRoute({
  method: "get",
  path: "/payments/connect/status/",
  operationId: "getConnectStatus",
  tags: ["Payments"],
  summary: "Read my Stripe Connect status",
  responses: { 200: { description: "The Connect account status.", content: { "application/json": { schema: S.ConnectAccount } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createPaymentIntent = createRoute({
  method: "post",
  path: "/payments/intents/create/",
  operationId: "createPaymentIntent",
  tags: ["Payments"],
  summary: "Fund a task's escrow",
  request: { headers: z.object({ "idempotency-key": z.string().min(1).max(255).regex(new RegExp("^[\\x21-\\x7E]+$")).optional() }), body: { required: true, content: { "application/json": { schema: S.CreatePaymentIntentRequest } } } },
  responses: { 201: { description: "The PaymentIntent to confirm with Stripe.js.", content: { "application/json": { schema: S.PaymentIntent } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "Stripe refused the call or did not answer in time. Nothing was changed here; retry with the same `Idempotency-Key` to complete the request.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getEscrow = createRoute({
  method: "get",
  path: "/payments/escrow/{id}/",
  operationId: "getEscrow",
  tags: ["Payments"],
  summary: "Read an escrow",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The escrow.", content: { "application/json": { schema: S.Escrow } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const releaseEscrow = createRoute({
  method: "post",
  path: "/payments/escrow/{id}/release/",
  operationId: "releaseEscrow",
  tags: ["Payments"],
  summary: "Pay the freelancer from escrow",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), headers: z.object({ "idempotency-key": z.string().min(1).max(255).regex(new RegExp("^[\\x21-\\x7E]+$")).optional() }) },
  responses: { 200: { description: "The released escrow.", content: { "application/json": { schema: S.Escrow } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const refundEscrow = createRoute({
  method: "post",
  path: "/payments/escrow/{id}/refund/",
  operationId: "refundEscrow",
  tags: ["Payments"],
  summary: "Refund an escrow to the client",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), headers: z.object({ "idempotency-key": z.string().min(1).max(255).regex(new RegExp("^[\\x21-\\x7E]+$")).optional() }), body: { required: false, content: { "application/json": { schema: S.RefundEscrowRequest } } } },
  responses: { 200: { description: "The refunded escrow.", content: { "application/json": { schema: S.Escrow } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "Stripe refused the call or did not answer in time. Nothing was changed here; retry with the same `Idempotency-Key` to complete the request.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getWallet = createRoute({
  method: "get",
  path: "/payments/wallet/",
  operationId: "getWallet",
  tags: ["Payments"],
  summary: "Read my wallet",
  responses: { 200: { description: "The caller's wallet.", content: { "application/json": { schema: S.Wallet } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listWalletTransactions = createRoute({
  method: "get",
  path: "/payments/wallet/transactions/",
  operationId: "listWalletTransactions",
  tags: ["Payments"],
  summary: "List my wallet transactions",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "type": S.WalletTransactionType.optional(), "created_after": z.iso.datetime({ offset: true }).optional(), "created_before": z.iso.datetime({ offset: true }).optional() }) },
  responses: { 200: { description: "A page of ledger entries.", content: { "application/json": { schema: S.PaginatedWalletTransactionList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listWithdrawals = createRoute({
  method: "get",
  path: "/payments/withdrawals/",
  operationId: "listWithdrawals",
  tags: ["Payments"],
  summary: "List my withdrawals",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "status": S.WithdrawalStatus.optional() }) },
  responses: { 200: { description: "A page of withdrawals.", content: { "application/json": { schema: S.PaginatedWithdrawalList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createWithdrawal = createRoute({
  method: "post",
  path: "/payments/withdrawals/create/",
  operationId: "createWithdrawal",
  tags: ["Payments"],
  summary: "Withdraw from my wallet",
  request: { headers: z.object({ "idempotency-key": z.string().min(1).max(255).regex(new RegExp("^[\\x21-\\x7E]+$")).optional() }), body: { required: true, content: { "application/json": { schema: S.CreateWithdrawalRequest } } } },
  responses: { 201: { description: "The withdrawal, pending.", content: { "application/json": { schema: S.Withdrawal } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listPaymentMethods = createRoute({
  method: "get",
  path: "/payments/payment-methods/",
  operationId: "listPaymentMethods",
  tags: ["Payments"],
  summary: "List my payment methods",
  responses: { 200: { description: "The caller's payment methods.", content: { "application/json": { schema: S.PaymentMethodList } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createPaymentMethod = createRoute({
  method: "post",
  path: "/payments/payment-methods/create/",
  operationId: "createPaymentMethod",
  tags: ["Payments"],
  summary: "Save a payment method",
  request: { headers: z.object({ "idempotency-key": z.string().min(1).max(255).regex(new RegExp("^[\\x21-\\x7E]+$")).optional() }), body: { required: true, content: { "application/json": { schema: S.CreatePaymentMethodRequest } } } },
  responses: { 201: { description: "The saved payment method.", content: { "application/json": { schema: S.PaymentMethod } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "Stripe refused the call or did not answer in time. Nothing was changed here; retry with the same `Idempotency-Key` to complete the request.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const deletePaymentMethod = createRoute({
  method: "delete",
  path: "/payments/payment-methods/{id}/delete/",
  operationId: "deletePaymentMethod",
  tags: ["Payments"],
  summary: "Remove a payment method",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 204: { description: "The payment method is removed." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const setDefaultPaymentMethod = createRoute({
  method: "post",
  path: "/payments/payment-methods/{id}/set-default/",
  operationId: "setDefaultPaymentMethod",
  tags: ["Payments"],
  summary: "Make a payment method the default",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The new default payment method.", content: { "application/json": { schema: S.PaymentMethod } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const handleStripeWebhook = createRoute({
  method: "post",
  path: "/payments/webhooks/stripe/",
  operationId: "handleStripeWebhook",
  tags: ["Payments"],
  summary: "Receive Stripe events",
  security: [],
  request: { headers: z.object({ "stripe-signature": z.string().max(1000) }), body: { required: true, content: { "application/json": { schema: S.StripeEvent } } } },
  responses: { 200: { description: "The event was received (processed now or before, or ignored).", content: { "application/json": { schema: S.WebhookReceipt } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listRecommendedTasks = createRoute({
  method: "get",
  path: "/recommendations/tasks/",
  operationId: "listRecommendedTasks",
  tags: ["Recommendations"],
  summary: "Tasks recommended for me",
  request: { query: z.object({ "limit": z.coerce.number().int().gte(1).lte(50).default(10), "category": z.coerce.number().int().gte(1).lte(2147483647).optional() }) },
  responses: { 200: { description: "Recommended tasks, best first.", content: { "application/json": { schema: S.RecommendedTaskList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listRecommendedFreelancers = createRoute({
  method: "get",
  path: "/recommendations/freelancers/",
  operationId: "listRecommendedFreelancers",
  tags: ["Recommendations"],
  summary: "Freelancers recommended for me",
  request: { query: z.object({ "category": z.coerce.number().int().gte(1).lte(2147483647).optional(), "skills": z.string().max(500).regex(new RegExp("^[a-z0-9-]+(,[a-z0-9-]+){0,9}$")).optional(), "limit": z.coerce.number().int().gte(1).lte(50).default(10) }) },
  responses: { 200: { description: "Recommended freelancers, best first.", content: { "application/json": { schema: S.RecommendedFreelancerList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listFreelancersForTask = createRoute({
  method: "get",
  path: "/recommendations/freelancers/{task_id}/",
  operationId: "listFreelancersForTask",
  tags: ["Recommendations"],
  summary: "Freelancers recommended for my task",
  request: { params: z.object({ "task_id": z.coerce.number().int().gte(1).lte(2147483647) }), query: z.object({ "limit": z.coerce.number().int().gte(1).lte(50).default(10) }) },
  responses: { 200: { description: "Recommended freelancers, best first.", content: { "application/json": { schema: S.RecommendedFreelancerList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 403: { description: "Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getRecommendationPreferences = createRoute({
  method: "get",
  path: "/recommendations/preferences/",
  operationId: "getRecommendationPreferences",
  tags: ["Recommendations"],
  summary: "Read my recommendation preferences",
  responses: { 200: { description: "The caller's preferences.", content: { "application/json": { schema: S.RecommendationPreferences } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updateRecommendationPreferences = createRoute({
  method: "put",
  path: "/recommendations/preferences/",
  operationId: "updateRecommendationPreferences",
  tags: ["Recommendations"],
  summary: "Replace my recommendation preferences",
  request: { body: { required: true, content: { "application/json": { schema: S.RecommendationPreferencesRequest } } } },
  responses: { 200: { description: "The updated preferences.", content: { "application/json": { schema: S.RecommendationPreferences } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const completeOnboarding = createRoute({
  method: "post",
  path: "/recommendations/onboarding/",
  operationId: "completeOnboarding",
  tags: ["Recommendations"],
  summary: "Complete onboarding",
  request: { body: { required: true, content: { "application/json": { schema: S.OnboardingRequest } } } },
  responses: { 200: { description: "The onboarding status after this step.", content: { "application/json": { schema: S.OnboardingStatus } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getOnboardingStatus = createRoute({
  method: "get",
  path: "/recommendations/onboarding/status/",
  operationId: "getOnboardingStatus",
  tags: ["Recommendations"],
  summary: "Read my onboarding status",
  responses: { 200: { description: "The caller's onboarding status.", content: { "application/json": { schema: S.OnboardingStatus } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listServiceOfferings = createRoute({
  method: "get",
  path: "/recommendations/service-offerings/",
  operationId: "listServiceOfferings",
  tags: ["Recommendations"],
  summary: "Browse service offerings",
  security: [],
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "category": z.coerce.number().int().gte(1).lte(2147483647).optional(), "skill": z.string().max(50).optional(), "freelancer": z.string().max(30).optional(), "min_price": S.Money.optional(), "max_price": S.Money.optional(), "search": z.string().max(100).optional(), "ordering": z.enum(["-created_at","price","-price","-rating"]).default("-created_at") }), headers: z.object({ "if-none-match": z.string().max(500).optional() }) },
  responses: { 200: { description: "A page of service offerings.", content: { "application/json": { schema: S.PaginatedServiceOfferingList } } }, 304: { description: "The caller's copy (`If-None-Match`) is still current; no body." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listSkills = createRoute({
  method: "get",
  path: "/recommendations/skills/",
  operationId: "listSkills",
  tags: ["Recommendations"],
  summary: "List the skill catalogue",
  security: [],
  request: { query: z.object({ "category": z.coerce.number().int().gte(1).lte(2147483647).optional(), "search": z.string().max(50).optional() }), headers: z.object({ "if-none-match": z.string().max(500).optional() }) },
  responses: { 200: { description: "The matching skills.", content: { "application/json": { schema: S.SkillList } } }, 304: { description: "The caller's copy (`If-None-Match`) is still current; no body." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listMySkills = createRoute({
  method: "get",
  path: "/recommendations/skills/my/",
  operationId: "listMySkills",
  tags: ["Recommendations"],
  summary: "List my skills",
  responses: { 200: { description: "The caller's skills.", content: { "application/json": { schema: S.MySkillList } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updateMySkills = createRoute({
  method: "post",
  path: "/recommendations/skills/update/",
  operationId: "updateMySkills",
  tags: ["Recommendations"],
  summary: "Replace my skills",
  request: { body: { required: true, content: { "application/json": { schema: S.UpdateMySkillsRequest } } } },
  responses: { 200: { description: "The caller's new skills.", content: { "application/json": { schema: S.MySkillList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listRecommendationCategories = createRoute({
  method: "get",
  path: "/recommendations/categories/",
  operationId: "listRecommendationCategories",
  tags: ["Recommendations"],
  summary: "Browse categories with discovery figures",
  security: [],
  request: { headers: z.object({ "if-none-match": z.string().max(500).optional() }) },
  responses: { 200: { description: "Every category with its figures.", content: { "application/json": { schema: S.CategoryOverviewList } } }, 304: { description: "The caller's copy (`If-None-Match`) is still current; no body." }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const chatWithAssistant = createRoute({
  method: "post",
  path: "/chatbot/chat/",
  operationId: "chatWithAssistant",
  tags: ["Chatbot"],
  summary: "Talk to the assistant",
  request: { body: { required: true, content: { "application/json": { schema: S.ChatRequest } } } },
  responses: { 200: { description: "The assistant's reply.", content: { "application/json": { schema: S.ChatResponse }, "text/event-stream": { schema: S.ChatEventStream } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "The assistant's model failed: it answered with an error, refused, or gave nothing usable. Your message is kept in the session and the session stays usable; send the next message or try again.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The assistant's model is busy or did not answer in time, or the database cannot be reached. Your message (if the database took it) is kept; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listChatSessions = createRoute({
  method: "get",
  path: "/chatbot/sessions/",
  operationId: "listChatSessions",
  tags: ["Chatbot"],
  summary: "List my assistant sessions",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "status": S.ChatSessionStatus.optional() }) },
  responses: { 200: { description: "A page of sessions.", content: { "application/json": { schema: S.PaginatedChatSessionSummaryList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getChatSession = createRoute({
  method: "get",
  path: "/chatbot/sessions/{id}/",
  operationId: "getChatSession",
  tags: ["Chatbot"],
  summary: "Read an assistant session",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The session.", content: { "application/json": { schema: S.ChatSession } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const endChatSession = createRoute({
  method: "post",
  path: "/chatbot/sessions/{id}/end/",
  operationId: "endChatSession",
  tags: ["Chatbot"],
  summary: "End an assistant session",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The ended session.", content: { "application/json": { schema: S.ChatSession } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 409: { description: "The resource's current state forbids the operation (for example the task is no longer open, or the record already exists).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const extractTaskFromChatSession = createRoute({
  method: "post",
  path: "/chatbot/sessions/{id}/extract-task/",
  operationId: "extractTaskFromChatSession",
  tags: ["Chatbot"],
  summary: "Extract a task draft from a session",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The task draft.", content: { "application/json": { schema: S.TaskDraft } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "The assistant's model failed: it answered with an error, refused, or gave nothing usable. Your message is kept in the session and the session stays usable; send the next message or try again.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The assistant's model is busy or did not answer in time, or the database cannot be reached. Your message (if the database took it) is kept; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const suggestCategory = createRoute({
  method: "post",
  path: "/chatbot/suggest-category/",
  operationId: "suggestCategory",
  tags: ["Chatbot"],
  summary: "Suggest categories for a task",
  request: { body: { required: true, content: { "application/json": { schema: S.SuggestCategoryRequest } } } },
  responses: { 200: { description: "Suggested categories.", content: { "application/json": { schema: S.CategorySuggestionList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 502: { description: "The assistant's model failed: it answered with an error, refused, or gave nothing usable. Your message is kept in the session and the session stays usable; send the next message or try again.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The assistant's model is busy or did not answer in time, or the database cannot be reached. Your message (if the database took it) is kept; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const rateChatMessage = createRoute({
  method: "post",
  path: "/chatbot/messages/{id}/rate/",
  operationId: "rateChatMessage",
  tags: ["Chatbot"],
  summary: "Rate an assistant reply",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }), body: { required: true, content: { "application/json": { schema: S.RateChatMessageRequest } } } },
  responses: { 200: { description: "The rated message.", content: { "application/json": { schema: S.ChatMessage } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getChatbotStatus = createRoute({
  method: "get",
  path: "/chatbot/status/",
  operationId: "getChatbotStatus",
  tags: ["Chatbot"],
  summary: "Which assistant is active",
  security: [],
  responses: { 200: { description: "The assistant's status.", content: { "application/json": { schema: S.ChatbotStatus } } }, 429: { description: "Rate limit exceeded. Wait for the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getChatbotStatistics = createRoute({
  method: "get",
  path: "/chatbot/statistics/",
  operationId: "getChatbotStatistics",
  tags: ["Chatbot"],
  summary: "My assistant statistics",
  responses: { 200: { description: "The caller's statistics.", content: { "application/json": { schema: S.ChatbotStatistics } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const listNotifications = createRoute({
  method: "get",
  path: "/notifications/",
  operationId: "listNotifications",
  tags: ["Notifications"],
  summary: "List my notifications",
  request: { query: z.object({ "page": z.coerce.number().int().gte(1).lte(2147483647).default(1), "page_size": z.coerce.number().int().gte(1).lte(100).default(20), "is_read": z.stringbool({ truthy: ["true"], falsy: ["false"] }).optional(), "type": S.NotificationType.optional() }) },
  responses: { 200: { description: "A page of the caller's notifications.", content: { "application/json": { schema: S.PaginatedNotificationList } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getUnreadNotificationCount = createRoute({
  method: "get",
  path: "/notifications/unread-count/",
  operationId: "getUnreadNotificationCount",
  tags: ["Notifications"],
  summary: "Count my unread notifications",
  responses: { 200: { description: "The unread count.", content: { "application/json": { schema: S.UnreadNotificationCount } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const markAllNotificationsRead = createRoute({
  method: "post",
  path: "/notifications/mark-all-read/",
  operationId: "markAllNotificationsRead",
  tags: ["Notifications"],
  summary: "Mark all my notifications as read",
  responses: { 200: { description: "How many notifications were marked read.", content: { "application/json": { schema: S.NotificationsUpdated } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const clearAllNotifications = createRoute({
  method: "delete",
  path: "/notifications/clear-all/",
  operationId: "clearAllNotifications",
  tags: ["Notifications"],
  summary: "Delete all my notifications",
  responses: { 204: { description: "The inbox is empty." }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getNotificationPreferences = createRoute({
  method: "get",
  path: "/notifications/preferences/",
  operationId: "getNotificationPreferences",
  tags: ["Notifications"],
  summary: "Read my notification preferences",
  responses: { 200: { description: "The caller's preferences.", content: { "application/json": { schema: S.NotificationPreferences } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const updateNotificationPreferences = createRoute({
  method: "put",
  path: "/notifications/preferences/",
  operationId: "updateNotificationPreferences",
  tags: ["Notifications"],
  summary: "Replace my notification preferences",
  request: { body: { required: true, content: { "application/json": { schema: S.NotificationPreferences } } } },
  responses: { 200: { description: "The updated preferences.", content: { "application/json": { schema: S.NotificationPreferences } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const unsubscribeFromNotificationMails = createRoute({
  method: "post",
  path: "/notifications/unsubscribe/",
  operationId: "unsubscribeFromNotificationMails",
  tags: ["Notifications"],
  summary: "Stop notification mails",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: S.TokenRequest } } } },
  responses: { 200: { description: "Notification mails are off.", content: { "application/json": { schema: S.Detail } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 413: { description: "The request body is larger than the server accepts (1 MiB by default).", content: { "application/problem+json": { schema: S.Problem } } }, 422: { description: "The request is well-formed but breaks a business rule that is not a state conflict.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const getEventStream = createRoute({
  method: "get",
  path: "/stream/",
  operationId: "getEventStream",
  tags: ["Notifications"],
  summary: "Receive my events live",
  security: [{"bearerAuth":[]},{}],
  request: { query: z.object({ "ticket": z.string().max(100).optional() }), headers: z.object({ "last-event-id": z.string().regex(new RegExp("^\\d{1,18}$")).optional() }) },
  responses: { 200: { description: "The stream of events; it stays open.", content: { "text/event-stream": { schema: S.EventStream } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const createStreamTicket = createRoute({
  method: "post",
  path: "/stream/ticket/",
  operationId: "createStreamTicket",
  tags: ["Notifications"],
  summary: "Get a ticket for the event stream",
  responses: { 201: { description: "The ticket.", content: { "application/json": { schema: S.StreamTicket } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const markNotificationRead = createRoute({
  method: "post",
  path: "/notifications/{id}/read/",
  operationId: "markNotificationRead",
  tags: ["Notifications"],
  summary: "Mark a notification as read",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 200: { description: "The notification, now read.", content: { "application/json": { schema: S.Notification } } }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

export const deleteNotification = createRoute({
  method: "delete",
  path: "/notifications/{id}/delete/",
  operationId: "deleteNotification",
  tags: ["Notifications"],
  summary: "Delete a notification",
  request: { params: z.object({ "id": z.coerce.number().int().gte(1).lte(2147483647) }) },
  responses: { 204: { description: "The notification is deleted." }, 400: { description: "The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field.", content: { "application/problem+json": { schema: S.Problem } } }, 401: { description: "No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once.", content: { "application/problem+json": { schema: S.Problem } } }, 404: { description: "The resource does not exist or is not visible to the caller.", content: { "application/problem+json": { schema: S.Problem } } }, 503: { description: "The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`.", content: { "application/problem+json": { schema: S.Problem } } } },
});

/** Every operation of the contract, by operationId. */
export const routes = { registerUser, loginUser, obtainTokenPair, refreshToken, logoutUser, getProfile, updateProfile, changePassword, listUsers, getUser, listUserPortfolioItems, checkUsername, checkEmail, resendVerification, verifyEmail, requestPasswordReset, confirmPasswordReset, deleteAccount, loginWithGoogle, listMyPortfolioItems, createPortfolioItem, getPortfolioItem, updatePortfolioItem, deletePortfolioItem, listTasks, createTask, listTaskCategories, listMyTasks, listMyApplications, getTaskStatistics, getMyTaskStatistics, listSavedTasks, unsaveTask, getTask, updateTask, partialUpdateTask, deleteTask, cancelTask, completeTask, applyToTask, listTaskApplications, createReview, listTaskReviews, saveTask, getTaskSavedStatus, acceptApplication, rejectApplication, listUserReviews, listConversations, createConversation, getConversation, listMessages, sendMessage, markConversationRead, getMessagingStatistics, createConnectAccount, createOnboardingLink, getConnectStatus, createPaymentIntent, getEscrow, releaseEscrow, refundEscrow, getWallet, listWalletTransactions, listWithdrawals, createWithdrawal, listPaymentMethods, createPaymentMethod, deletePaymentMethod, setDefaultPaymentMethod, handleStripeWebhook, listRecommendedTasks, listRecommendedFreelancers, listFreelancersForTask, getRecommendationPreferences, updateRecommendationPreferences, completeOnboarding, getOnboardingStatus, listServiceOfferings, listSkills, listMySkills, updateMySkills, listRecommendationCategories, chatWithAssistant, listChatSessions, getChatSession, endChatSession, extractTaskFromChatSession, suggestCategory, rateChatMessage, getChatbotStatus, getChatbotStatistics, listNotifications, getUnreadNotificationCount, markAllNotificationsRead, clearAllNotifications, getNotificationPreferences, updateNotificationPreferences, unsubscribeFromNotificationMails, getEventStream, createStreamTicket, markNotificationRead, deleteNotification } as const;
