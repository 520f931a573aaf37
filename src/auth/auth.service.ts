/**
 * The rules of identity and sessions: registration, login, refresh-token rotation with reuse
 * detection, email verification and password reset by mailed single-use tokens, Google login,
 * profile changes and account deletion.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { problems } from '../lib/problem.ts';
import type { RateLimit } from '../lib/rate-limit.ts';
import { requireHttpsUrls } from '../lib/validation.ts';
import { toMinor } from '../lib/money.ts';
import { queueMail } from '../mail/outbox.ts';
import { passwordResetMail, verificationMail } from '../mail/templates.ts';
import { UserSkill } from '../recommendations/recommendations.entities.ts';
import { EmailToken, PortfolioItem, RefreshToken, User, type EmailTokenPurpose } from './auth.entities.ts';
import type { GoogleVerifier } from './google.ts';
import { burnPasswordCheck, hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { authenticateStatement } from './authenticate-statement.ts';
import type { TokenSigner } from './tokens.ts';

const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000;
const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export type AuthServiceDeps = {
  queue: JobQueue;
  /**
   * Wrong passwords, counted per account (whichever address they come from) and per address
   * (whichever account they aim at); either one out of points locks sign-in and password checks.
   */
  passwordFailures: { perAccount: RateLimit; perAddress: RateLimit };
  signer: TokenSigner;
  verifyGoogleToken: GoogleVerifier;
  now: () => Date;
  publicAppUrl: string;
  /** Development servers take `http://` links in profiles too (see requireHttpsUrls). */
  allowHttpUrls: boolean;
  /** What the other domains do when an account is deleted (see AccountDeletionHook). */
  onAccountDeletion?: AccountDeletionHook[];
};

export type TokenPair = S.TokenPair;

/** Jobs of the mailed-link requests, run by `startAuthJobs` (auth.jobs.ts). */
export const AUTH_JOBS = { passwordReset: 'auth.password-reset', resendVerification: 'auth.resend-verification' } as const;
export type MailRequest = { email: string };

/** Run inside an account deletion's transaction; throws a ProblemError to refuse it. */
export type AccountDeletionHook = (em: EntityManager, user: User) => Promise<void>;

/**
 * The username a deleted account keeps: `~` is outside the alphabet of registrable usernames
 * (letters, digits, `_`, `.`, `-`), so it can never be taken first and deletion cannot fail on it.
 */
const deletedUsername = (id: number) => `~deleted-${id}`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function findUserByUsername(em: EntityManager, username: string) {
  return em.findOne(User, { [raw('lower(username)')]: username.toLowerCase(), deletedAt: null });
}

export function findUserByEmail(em: EntityManager, email: string) {
  return em.findOne(User, { [raw('lower(email)')]: email.toLowerCase(), deletedAt: null });
}

export function createAuthService(deps: AuthServiceDeps) {
  const { signer, now } = deps;

  /** A new refresh token in `familyId` and an access token, signed; the row is the caller's to store. */
  async function signSession(user: User, familyId: string) {
    const jti = randomUUID();
    const refresh = await signer.refresh(user.id, jti, familyId);
    const access = await signer.access(user.id, user.authVersion, familyId);
    const row = { id: jti, familyId, expiresAt: refresh.expiresAt };
    const tokens: TokenPair = {
      access: access.token,
      refresh: refresh.token,
      access_expires_at: access.expiresAt.toISOString(),
      refresh_expires_at: refresh.expiresAt.toISOString(),
      token_type: 'Bearer',
    };
    return { row, tokens };
  }

  /** A new session in `familyId`, its refresh token's row written with `em`'s unit of work. */
  async function issueSession(em: EntityManager, user: User, familyId: string = randomUUID()): Promise<TokenPair> {
    const { row, tokens } = await signSession(user, familyId);
    em.create(RefreshToken, { ...row, user });
    return tokens;
  }

  async function revokeAllSessions(em: EntityManager, user: User): Promise<void> {
    await em.nativeUpdate(RefreshToken, { user, revokedAt: null }, { revokedAt: now() });
  }

  /** Creates a mailed token (only its hash is stored) and returns the token itself. */
  async function createEmailToken(em: EntityManager, user: User, purpose: EmailTokenPurpose, ttlMs: number): Promise<string> {
    // A new link makes the earlier ones of the same purpose useless.
    await em.nativeUpdate(EmailToken, { user, purpose, usedAt: null }, { usedAt: now() });
    const token = randomBytes(32).toString('base64url');
    em.create(EmailToken, { user, purpose, tokenHash: sha256(token), expiresAt: new Date(now().getTime() + ttlMs) });
    return token;
  }

  async function queueVerificationMail(em: EntityManager, user: User): Promise<void> {
    if (!user.email) return;
    const token = await createEmailToken(em, user, 'verify_email', VERIFY_EMAIL_TTL_MS);
    const link = `${deps.publicAppUrl}/verify-email?token=${token}`;
    await queueMail(deps.queue, em, verificationMail(user.email, user.displayName, link));
  }

  /** The live token of `purpose`, or 422 invalid_token. */
  async function findLiveEmailToken(em: EntityManager, token: string, purpose: EmailTokenPurpose): Promise<EmailToken> {
    const found = await em.findOne(EmailToken, { tokenHash: sha256(token), purpose }, { populate: ['user'] });
    if (!found || found.usedAt || found.expiresAt <= now() || found.user.isDeleted) {
      throw problems.invalidToken('This link is invalid, was already used or has expired. Ask for a new one.');
    }
    return found;
  }

  /** Marks the token used; false when a concurrent request used it first. */
  async function consumeEmailToken(em: EntityManager, token: EmailToken): Promise<boolean> {
    const changed = await em.nativeUpdate(EmailToken, { id: token.id, usedAt: null }, { usedAt: now() });
    return changed === 1;
  }

  async function requirePolicy(field: string, password: string, personal: string[]): Promise<void> {
    const reasons = await passwordProblems(password, personal);
    if (reasons.length) throw problems.validation({ [field]: reasons });
  }

  /**
   * Signs in with email and password from `address`. Refused while the account or the address is
   * locked out; the refusal is the same whether the account exists or not.
   */
  async function checkCredentials(em: EntityManager, email: string, password: string, address: string): Promise<User> {
    const { perAccount, perAddress } = deps.passwordFailures;
    const account = `email:${email.toLowerCase()}`;
    await perAccount.check(account);
    await perAddress.check(address);
    const user = await findUserByEmail(em, email);
    const hash = user ? await passwordHashOf(em, user.id) : null;
    // Without an account the password is still checked (against a decoy) so both take as long.
    const matches = hash ? await verifyPassword(hash, password) : await burnPasswordCheck(password);
    if (!user || !matches) {
      await perAccount.fail(account);
      await perAddress.fail(address);
      throw problems.invalidCredentials();
    }
    await perAccount.reset(account);
    return user;
  }

  /** Checks a signed-in user's password again (`field` names it in the 422); wrong ones count. */
  async function recheckPassword(em: EntityManager, user: User, password: string, field: string): Promise<void> {
    const account = `user:${user.id}`;
    await deps.passwordFailures.perAccount.check(account);
    const hash = await passwordHashOf(em, user.id);
    if (!hash || !(await verifyPassword(hash, password))) {
      await deps.passwordFailures.perAccount.fail(account);
      throw problems.businessRule('The password is wrong.', { [field]: ['The password is wrong.'] });
    }
  }

  /** The account's password hash (unloaded everywhere else); null for accounts without one. */
  async function passwordHashOf(em: EntityManager, userId: number): Promise<string | null> {
    return (await em.findOne(User, userId, { fields: ['passwordHash'] }))?.passwordHash ?? null;
  }

  async function uniqueUsernameFrom(em: EntityManager, email: string): Promise<string> {
    const base = email.split('@')[0]!.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 24).padEnd(3, '_') || 'user';
    for (let attempt = 0; ; attempt += 1) {
      const candidate = attempt === 0 ? base : `${base}${attempt + 1}`;
      if (!(await em.findOne(User, { [raw('lower(username)')]: candidate.toLowerCase() }))) return candidate;
    }
  }

  /**
   * Refuses (422) a change of roles that would leave no role, or drop one that open work needs.
   * Profile edits and onboarding both change roles.
   */
  async function checkRoleChange(em: EntityManager, user: User, input: { is_client: boolean; is_freelancer: boolean }): Promise<void> {
    if (!input.is_client && !input.is_freelancer) {
      throw problems.businessRule('An account keeps at least one role: is_client or is_freelancer.', {
        is_client: ['At least one of is_client and is_freelancer must be true.'],
      });
    }
    const [inUse] = await querySql<{ client_tasks: number; freelancer_work: number }>(em, {
      text: `select
          (select count(*)::int from task where client_id = $1 and status in ('open', 'in_progress') and deleted_at is null) as client_tasks,
          (select count(*)::int from task_application a join task t on t.id = a.task_id
            where a.freelancer_id = $1 and a.status in ('pending', 'accepted') and t.status in ('open', 'in_progress') and t.deleted_at is null) as freelancer_work`,
      values: [user.id],
    });
    if (user.isClient && !input.is_client && inUse!.client_tasks > 0) {
      throw problems.businessRule('You have open or in-progress tasks: finish or cancel them before dropping the client role.', {
        is_client: ['Your open or in-progress tasks need the client role.'],
      });
    }
    if (user.isFreelancer && !input.is_freelancer && inUse!.freelancer_work > 0) {
      throw problems.businessRule('You have pending or accepted applications on unfinished tasks: they need the freelancer role.', {
        is_freelancer: ['Your pending or accepted applications need the freelancer role.'],
      });
    }
  }

  return {
    async register(em: EntityManager, input: S.RegisterRequest): Promise<{ user: User; tokens: TokenPair }> {
      if (!input.is_client && !input.is_freelancer) {
        throw problems.field('is_client', 'Choose at least one role: is_client or is_freelancer.');
      }
      await requirePolicy('password', input.password, [input.username, input.email, input.first_name ?? '', input.last_name ?? '']);
      const passwordHash = await hashPassword(input.password);
      try {
        return await em.transactional(async (tx) => {
          const taken: Record<string, string[]> = {};
          if (await tx.findOne(User, { [raw('lower(username)')]: input.username.toLowerCase() })) taken.username = ['This username is taken.'];
          if (await tx.findOne(User, { [raw('lower(email)')]: input.email.toLowerCase() })) taken.email = ['An account with this email already exists.'];
          if (Object.keys(taken).length) throw problems.alreadyExists('The username or email is already in use.', taken);
          const user = tx.create(User, {
            username: input.username,
            email: input.email,
            passwordHash,
            firstName: input.first_name ?? '',
            lastName: input.last_name ?? '',
            isClient: input.is_client,
            isFreelancer: input.is_freelancer,
          });
          await tx.flush();
          const tokens = await issueSession(tx, user);
          await queueVerificationMail(tx, user);
          return { user, tokens };
        });
      } catch (error) {
        // Two registrations racing for the same name: the unique index decides.
        if (error instanceof UniqueConstraintViolationException) throw problems.alreadyExists('The username or email is already in use.');
        throw error;
      }
    },

    async login(em: EntityManager, email: string, password: string, address: string): Promise<{ user: User; tokens: TokenPair }> {
      const user = await checkCredentials(em, email, password, address);
      // Signed first, then one INSERT: no transaction held open around the signing.
      const { row, tokens } = await signSession(user, randomUUID());
      await em.insert(RefreshToken, { ...row, user: user.id, createdAt: now() });
      return { user, tokens };
    },

    async refresh(em: EntityManager, refreshToken: string): Promise<TokenPair> {
      const claims = await signer.verifyRefresh(refreshToken);
      type Outcome = { refused: string } | { tokens: TokenPair };
      const outcome = await em.transactional<Outcome>(async (tx) => {
        const stored = await tx.findOne(RefreshToken, claims.jti, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] });
        if (!stored || stored.familyId !== claims.familyId) return { refused: 'The refresh token is not valid.' };
        if (stored.usedAt || stored.revokedAt) {
          // A used token presented again: someone else may hold the family. End all of it.
          await tx.nativeUpdate(RefreshToken, { familyId: stored.familyId, revokedAt: null }, { revokedAt: now() });
          return { refused: 'The refresh token was already used; every session of this login is now signed out.' };
        }
        if (stored.expiresAt <= now() || stored.user.isDeleted) return { refused: 'The refresh token has expired.' };
        stored.usedAt = now();
        return { tokens: await issueSession(tx, stored.user, stored.familyId) };
      });
      if ('refused' in outcome) throw problems.tokenInvalid(outcome.refused);
      return outcome.tokens;
    },

    async logout(em: EntityManager, user: User, refreshToken: string): Promise<void> {
      let claims;
      try {
        claims = await signer.verifyRefresh(refreshToken);
      } catch {
        return; // Nothing of the caller's to revoke.
      }
      if (claims.userId !== user.id) return;
      await em.nativeUpdate(RefreshToken, { familyId: claims.familyId, user, revokedAt: null }, { revokedAt: now() });
    },

    checkRoleChange,

    async updateProfile(em: EntityManager, user: User, input: S.UpdateProfileRequest): Promise<User> {
      await checkRoleChange(em, user, input);
      requireHttpsUrls({ avatar_url: input.avatar_url }, deps.allowHttpUrls);
      em.assign(user, {
        firstName: input.first_name,
        lastName: input.last_name,
        bio: input.bio,
        avatarUrl: input.avatar_url,
        location: input.location,
        hourlyRateMinor: input.hourly_rate == null ? null : toMinor(input.hourly_rate),
        currency: input.currency,
        isClient: input.is_client,
        isFreelancer: input.is_freelancer,
      });
      await em.flush();
      return user;
    },

    async changePassword(em: EntityManager, user: User, input: S.ChangePasswordRequest): Promise<TokenPair> {
      await recheckPassword(em, user, input.current_password, 'current_password');
      if (input.new_password === input.current_password) throw problems.field('new_password', 'Choose a password different from the current one.');
      await requirePolicy('new_password', input.new_password, [user.username, user.email ?? '', user.firstName, user.lastName]);
      const passwordHash = await hashPassword(input.new_password);
      return em.transactional(async (tx) => {
        const current = tx.merge(user);
        current.passwordHash = passwordHash;
        current.authVersion += 1;
        await revokeAllSessions(tx, current);
        return issueSession(tx, current);
      });
    },

    async usernameAvailability(em: EntityManager, username: string): Promise<S.UsernameAvailability> {
      if (!/^[A-Za-z0-9_.-]{3,30}$/.test(username)) return { username, available: false, reason: 'invalid' };
      const taken = await em.count(User, { [raw('lower(username)')]: username.toLowerCase() });
      return { username, available: taken === 0, reason: taken ? 'taken' : null };
    },

    async emailAvailability(em: EntityManager, email: string): Promise<S.EmailAvailability> {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return { email, available: false, reason: 'invalid' };
      const taken = await em.count(User, { [raw('lower(email)')]: email.toLowerCase() });
      return { email, available: taken === 0, reason: taken ? 'taken' : null };
    },

    /**
     * Asks for a new verification mail. Only queued here, whether an account exists or not, so
     * that the answer (and its timing) tells nothing; `sendVerificationMail` does the rest.
     */
    async resendVerification(em: EntityManager, email: string): Promise<void> {
      await em.transactional((tx) => deps.queue.enqueue(tx, AUTH_JOBS.resendVerification, { email }));
    },

    async sendVerificationMail(em: EntityManager, { email }: MailRequest): Promise<void> {
      await em.transactional(async (tx) => {
        const user = await findUserByEmail(tx, email);
        if (user && !user.emailVerifiedAt) await queueVerificationMail(tx, user);
      });
    },

    async verifyEmail(em: EntityManager, token: string): Promise<void> {
      await em.transactional(async (tx) => {
        const found = await findLiveEmailToken(tx, token, 'verify_email');
        if (!(await consumeEmailToken(tx, found))) throw problems.invalidToken('This link was already used.');
        found.user.emailVerifiedAt ??= now();
      });
    },

    /** Asks for a password-reset mail; queued for the same reason as `resendVerification`. */
    async requestPasswordReset(em: EntityManager, email: string): Promise<void> {
      await em.transactional((tx) => deps.queue.enqueue(tx, AUTH_JOBS.passwordReset, { email }));
    },

    async sendPasswordResetMail(em: EntityManager, { email }: MailRequest): Promise<void> {
      await em.transactional(async (tx) => {
        const user = await findUserByEmail(tx, email);
        if (!user?.email) return;
        const token = await createEmailToken(tx, user, 'password_reset', PASSWORD_RESET_TTL_MS);
        const link = `${deps.publicAppUrl}/reset-password?token=${token}`;
        await queueMail(deps.queue, tx, passwordResetMail(user.email, user.displayName, link));
      });
    },

    async confirmPasswordReset(em: EntityManager, input: S.ConfirmPasswordResetRequest): Promise<void> {
      const found = await findLiveEmailToken(em, input.token, 'password_reset');
      const user = found.user;
      await requirePolicy('new_password', input.new_password, [user.username, user.email ?? '', user.firstName, user.lastName]);
      const passwordHash = await hashPassword(input.new_password);
      await em.transactional(async (tx) => {
        if (!(await consumeEmailToken(tx, found))) throw problems.invalidToken('This link was already used.');
        const current = tx.merge(user);
        current.passwordHash = passwordHash;
        current.authVersion += 1;
        // The mail reached its owner: the address is proven.
        current.emailVerifiedAt ??= now();
        await revokeAllSessions(tx, current);
      });
    },

    async deleteAccount(em: EntityManager, user: User, password: string): Promise<void> {
      await recheckPassword(em, user, password, 'password');
      await em.transactional(async (tx) => {
        // Locked: requests of this user that are already running finish first, or wait and fail.
        const current = await tx.findOneOrFail(User, user.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        // Other domains refuse (409) while the account is needed, or let go of what it owns.
        for (const release of deps.onAccountDeletion ?? []) await release(tx, current);
        // Personal data goes; the row stays so that reviews, messages and money history others
        // rely on keep pointing at it, under a name no one can register (see deletedUsername).
        tx.assign(current, {
          username: deletedUsername(current.id),
          email: null,
          passwordHash: null,
          googleSubject: null,
          firstName: '',
          lastName: '',
          bio: '',
          avatarUrl: null,
          location: '',
          hourlyRateMinor: null,
          deletedAt: now(),
          authVersion: current.authVersion + 1,
        });
        await revokeAllSessions(tx, current);
        await tx.nativeDelete(EmailToken, { user: current });
        await tx.nativeDelete(PortfolioItem, { owner: current });
        await tx.nativeDelete(UserSkill, { user: current });
      });
    },

    async loginWithGoogle(em: EntityManager, input: S.GoogleLoginRequest): Promise<{ user: User; tokens: TokenPair; created: boolean }> {
      const identity = await deps.verifyGoogleToken(input.id_token);
      try {
        return await em.transactional(async (tx) => {
          let user = await tx.findOne(User, { googleSubject: identity.subject, deletedAt: null });
          let created = false;
          if (!user) {
            user = await findUserByEmail(tx, identity.email);
            if (user) {
              user.googleSubject = identity.subject;
              user.emailVerifiedAt ??= now();
            } else {
              user = tx.create(User, {
                username: await uniqueUsernameFrom(tx, identity.email),
                email: identity.email,
                googleSubject: identity.subject,
                firstName: identity.firstName,
                lastName: identity.lastName,
                avatarUrl: identity.picture,
                isClient: input.is_client ?? true,
                isFreelancer: input.is_freelancer ?? false,
                emailVerifiedAt: now(),
              });
              if (!user.isClient && !user.isFreelancer) user.isClient = true;
              created = true;
            }
            await tx.flush();
          }
          return { user, tokens: await issueSession(tx, user), created };
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw problems.alreadyExists('This Google account was linked at the same moment; sign in again.');
        throw error;
      }
    },

    /** The user an access token belongs to, if the token is still good. */
    async authenticate(em: EntityManager, accessToken: string): Promise<User> {
      const [row] = await querySql<Record<string, unknown>>(em, authenticateStatement(await signer.verifyAccess(accessToken)));
      if (!row) throw problems.tokenInvalid('The access token was revoked. Sign in again.');
      // The password hash stays unloaded, as everywhere it is not checked.
      const { password_hash: _unloaded, ...columns } = row;
      return em.map(User, columns);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
