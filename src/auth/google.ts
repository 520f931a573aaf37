/**
 * Verifies Google ID tokens with jose against Google's published keys (GOOGLE_JWKS_URL) and our
 * client id as audience.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { problems } from '../lib/problem.ts';

export type GoogleIdentity = { subject: string; email: string; firstName: string; lastName: string; picture: string | null };
export type GoogleVerifier = (idToken: string) => Promise<GoogleIdentity>;

export function createGoogleVerifier(options: { clientId?: string; jwksUrl: string; now: () => Date }): GoogleVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl));
  return async (idToken) => {
    if (!options.clientId) throw problems.tokenInvalid('Google sign-in is not configured on this server.');
    let payload;
    try {
      ({ payload } = await jwtVerify(idToken, keys, {
        issuer: ['https://accounts.google.com', 'accounts.google.com'],
        audience: options.clientId,
        currentDate: options.now(),
      }));
    } catch {
      throw problems.tokenInvalid('The Google ID token is not valid.');
    }
    if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || payload.email_verified !== true) {
      throw problems.tokenInvalid('The Google ID token has no verified email address.');
    }
    return {
      subject: payload.sub,
      email: payload.email,
      firstName: typeof payload.given_name === 'string' ? payload.given_name.slice(0, 60) : '',
      lastName: typeof payload.family_name === 'string' ? payload.family_name.slice(0, 60) : '',
      picture: typeof payload.picture === 'string' && payload.picture.length <= 500 ? payload.picture : null,
    };
  };
}
