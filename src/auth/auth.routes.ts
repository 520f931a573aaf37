/**
 * The Auth operations of the contract: thin handlers over the auth, users and portfolio services.
 */
import type { Context } from 'hono';
import { routes } from '../contract/routes.ts';
import type { AppEnv } from '../app/env.ts';
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import { clientIp } from '../lib/client-ip.ts';
import { toPage } from '../lib/pagination.ts';
import type { RateLimit } from '../lib/rate-limit.ts';
import { toUser } from './auth.serializers.ts';
import type { AuthService } from './auth.service.ts';
import type { createPortfolioService } from './portfolio.service.ts';
import { getPublicUser, listUsers } from './users.service.ts';

export type AuthRouteDeps = {
  auth: AuthService;
  portfolio: ReturnType<typeof createPortfolioService>;
  /** Sign-in, registration and mailed-link requests. */
  authLimit: RateLimit;
  /** Availability checks. */
  checkLimit: RateLimit;
  trustProxy: boolean;
};

export function registerAuthRoutes(router: AppRouter, deps: AuthRouteDeps): void {
  const { auth, portfolio } = deps;
  const ip = (c: Context<AppEnv>) => clientIp(c, deps.trustProxy);
  // Answers carrying tokens must never sit in a browser's or a proxy's cache.
  const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');
  // Throttled per address and account, before any password is hashed or checked.
  const throttle = (c: Context<AppEnv>, email?: string) => deps.authLimit.consume(`${ip(c)}|${email?.toLowerCase() ?? ''}`);

  mount(router, routes.registerUser, async (c) => {
    const input = c.req.valid('json');
    await throttle(c);
    const { user, tokens } = await auth.register(c.get('em'), input);
    noStore(c);
    return c.json({ access: tokens.access, refresh: tokens.refresh, user: toUser(user) }, 201);
  });

  mount(router, routes.loginUser, async (c) => {
    const { email, password } = c.req.valid('json');
    await throttle(c, email);
    const { user, tokens } = await auth.login(c.get('em'), email, password, ip(c));
    noStore(c);
    return c.json({ access: tokens.access, refresh: tokens.refresh, user: toUser(user) }, 200);
  });

  mount(router, routes.obtainTokenPair, async (c) => {
    const { email, password } = c.req.valid('json');
    await throttle(c, email);
    const { tokens } = await auth.login(c.get('em'), email, password, ip(c));
    noStore(c);
    return c.json(tokens, 200);
  });

  mount(router, routes.refreshToken, async (c) => {
    const tokens = await auth.refresh(c.get('em'), c.req.valid('json').refresh);
    noStore(c);
    return c.json(tokens, 200);
  });

  mount(router, routes.logoutUser, async (c) => {
    await auth.logout(c.get('em'), currentUser(c), c.req.valid('json').refresh);
    return c.body(null, 204);
  });

  mount(router, routes.getProfile, (c) => c.json(toUser(currentUser(c)), 200));

  mount(router, routes.updateProfile, async (c) => {
    const user = await auth.updateProfile(c.get('em'), currentUser(c), c.req.valid('json'));
    return c.json(toUser(user), 200);
  });

  mount(router, routes.changePassword, async (c) => {
    const tokens = await auth.changePassword(c.get('em'), currentUser(c), c.req.valid('json'));
    noStore(c);
    return c.json(tokens, 200);
  });

  mount(router, routes.checkUsername, async (c) => {
    await deps.checkLimit.consume(ip(c));
    return c.json(await auth.usernameAvailability(c.get('em'), c.req.valid('query').username), 200);
  });

  mount(router, routes.checkEmail, async (c) => {
    await deps.checkLimit.consume(ip(c));
    return c.json(await auth.emailAvailability(c.get('em'), c.req.valid('query').email), 200);
  });

  mount(router, routes.resendVerification, async (c) => {
    const { email } = c.req.valid('json');
    await throttle(c, email);
    await auth.resendVerification(c.get('em'), email);
    return c.json({ detail: 'If an unverified account exists for this address, a verification email is on its way.' }, 202);
  });

  mount(router, routes.verifyEmail, async (c) => {
    await auth.verifyEmail(c.get('em'), c.req.valid('json').token);
    return c.json({ detail: 'Your email address is verified.' }, 200);
  });

  mount(router, routes.requestPasswordReset, async (c) => {
    const { email } = c.req.valid('json');
    await throttle(c, email);
    await auth.requestPasswordReset(c.get('em'), email);
    return c.json({ detail: 'If an account exists for this address, a password reset email is on its way.' }, 202);
  });

  mount(router, routes.confirmPasswordReset, async (c) => {
    await throttle(c);
    await auth.confirmPasswordReset(c.get('em'), c.req.valid('json'));
    return c.json({ detail: 'Your password was changed. Please sign in again.' }, 200);
  });

  mount(router, routes.deleteAccount, async (c) => {
    await auth.deleteAccount(c.get('em'), currentUser(c), c.req.valid('json').password);
    return c.body(null, 204);
  });

  mount(router, routes.loginWithGoogle, async (c) => {
    const input = c.req.valid('json');
    await throttle(c);
    const { user, tokens, created } = await auth.loginWithGoogle(c.get('em'), input);
    noStore(c);
    return c.json({ access: tokens.access, refresh: tokens.refresh, user: toUser(user), created }, 200);
  });

  mount(router, routes.listUsers, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await listUsers(c.get('em'), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.getUser, async (c) => c.json(await getPublicUser(c.get('em'), c.req.valid('param').username), 200));

  mount(router, routes.listUserPortfolioItems, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await portfolio.listOf(c.get('em'), c.req.valid('param').username, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.listMyPortfolioItems, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await portfolio.listMine(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.createPortfolioItem, async (c) => {
    return c.json(await portfolio.create(c.get('em'), currentUser(c), c.req.valid('json')), 201);
  });

  mount(router, routes.getPortfolioItem, async (c) => {
    return c.json(await portfolio.get(c.get('em'), currentUser(c), c.req.valid('param').id), 200);
  });

  mount(router, routes.updatePortfolioItem, async (c) => {
    return c.json(await portfolio.update(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200);
  });

  mount(router, routes.deletePortfolioItem, async (c) => {
    await portfolio.remove(c.get('em'), currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
