/**
 * The token of a notification mail's unsubscribe link: a JWT (HS256, the service's secret) that
 * names one account and only unsubscribes. It does not expire, as a link in an old mail must
 * still work; it can do nothing but turn notification mails off.
 */
import { SignJWT, jwtVerify } from 'jose';
import { problems } from '../lib/problem.ts';

const AUDIENCE = 'taskmarket:unsubscribe';

export type UnsubscribeTokens = {
  sign: (userId: number) => Promise<string>;
  /** The account a token names; 422 invalid_token for anything else. */
  verify: (token: string) => Promise<number>;
};

export function createUnsubscribeTokens(secret: string): UnsubscribeTokens {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (userId) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(String(userId)).setAudience(AUDIENCE).setIssuedAt().sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'] });
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId)) throw new Error('no account');
        return userId;
      } catch {
        throw problems.invalidToken('This unsubscribe link is not valid.');
      }
    },
  };
}
