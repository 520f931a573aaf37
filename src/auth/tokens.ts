/**
 * JWTs signed with jose (HS256): short-lived access tokens, and refresh tokens that each carry
 * their `jti` and token family so that rotation and reuse detection work (see auth.service).
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { problems } from '../lib/problem.ts';

const ISSUER = 'taskmarket';
const AUDIENCE = 'taskmarket-api';

export type IssuedToken = { token: string; expiresAt: Date };
/** `sessionId` is the refresh-token family of the sign-in that issued the token. */
export type AccessClaims = { userId: number; version: number; sessionId: string };
export type RefreshClaims = { userId: number; jti: string; familyId: string };

export type TokenSigner = ReturnType<typeof createTokenSigner>;

export function createTokenSigner(options: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number; now: () => Date }) {
  const key = new TextEncoder().encode(options.secret);

  async function sign(claims: Record<string, unknown>, subject: number, ttlSeconds: number, jti: string): Promise<IssuedToken> {
    const issuedAt = Math.floor(options.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(subject))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setJti(jti)
      .sign(key);
    return { token, expiresAt };
  }

  async function verify(token: string, type: 'access' | 'refresh') {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: options.now(),
      });
      if (payload.typ !== type || !payload.sub || !/^\d+$/.test(payload.sub)) throw new Error('wrong token type');
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw problems.tokenExpired(`The ${type} token has expired.`);
      throw problems.tokenInvalid(`The ${type} token is not valid.`);
    }
  }

  return {
    access: (userId: number, version: number, sessionId: string) =>
      sign({ typ: 'access', ver: version, sid: sessionId }, userId, options.accessTtlSeconds, randomUUID()),
    refresh: (userId: number, jti: string, familyId: string) =>
      sign({ typ: 'refresh', fam: familyId }, userId, options.refreshTtlSeconds, jti),
    async verifyAccess(token: string): Promise<AccessClaims> {
      const payload = await verify(token, 'access');
      if (typeof payload.sid !== 'string') throw problems.tokenInvalid('The access token is not valid.');
      return { userId: Number(payload.sub), version: Number(payload.ver), sessionId: payload.sid };
    },
    async verifyRefresh(token: string): Promise<RefreshClaims> {
      const payload = await verify(token, 'refresh');
      if (typeof payload.jti !== 'string' || typeof payload.fam !== 'string') throw problems.tokenInvalid('The refresh token is not valid.');
      return { userId: Number(payload.sub), jti: payload.jti, familyId: payload.fam };
    },
  };
}
