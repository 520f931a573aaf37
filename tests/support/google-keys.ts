/**
 * A local stand-in for Google's key set: an HTTP server publishing a JWKS, and a signer for ID
 * tokens with the matching private key. The service verifies them with its real verifier.
 */
import { createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const GOOGLE_CLIENT_ID = 'taskmarket-test.apps.googleusercontent.com';

/** `now` is the service's clock, so tokens are fresh for it even after a test moved it. */
export async function startGoogleKeys(now: () => Date) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };

  return {
    jwksUrl: `http://127.0.0.1:${port}/certs`,
    /** An ID token as Google would issue it; `claims` overrides any field. */
    idToken: (claims: Record<string, unknown>, options: { audience?: string; lifetimeSeconds?: number } = {}) => {
      const issuedAt = Math.floor(now().getTime() / 1000);
      return new SignJWT({ email_verified: true, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer('https://accounts.google.com')
        .setAudience(options.audience ?? GOOGLE_CLIENT_ID)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 3600))
        .sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
