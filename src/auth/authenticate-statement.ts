/**
 * The user an access token speaks for, in one round trip: provided the token's version is still
 * the account's and its session (the refresh-token family) was not ended by a logout or by a
 * detected reuse. Every authenticated request runs it; so does the benchmark's bare baseline.
 */
import type { SqlQuery } from '../db/sql.ts';
import type { AccessClaims } from './tokens.ts';

export function authenticateStatement(claims: AccessClaims): SqlQuery {
  return {
    text: `select u.* from app_user u where u.id = $1 and u.deleted_at is null and u.auth_version = $2
  and not exists (select 1 from refresh_token r where r.family_id = $3 and r.revoked_at is not null)`,
    values: [claims.userId, claims.version, claims.sessionId],
  };
}

