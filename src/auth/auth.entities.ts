/**
 * Accounts and what hangs off them: sessions (refresh tokens), mailed tokens, portfolio items.
 */
import { OptionalProps, defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../db/base-properties.ts';
import { Skill } from '../catalog/catalog.entities.ts';

export const CURRENCIES = ['usd', 'eur', 'gbp'] as const;

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    ...baseProperties,
    // Unique ignoring case: enforced by unique indexes on lower(...) in the migration.
    username: p.string().length(30),
    email: p.string().length(254).nullable(),
    passwordHash: p.text().nullable().lazy(),
    googleSubject: p.string().length(255).nullable().unique(),
    firstName: p.string().length(60).default(''),
    lastName: p.string().length(60).default(''),
    bio: p.text().default(''),
    avatarUrl: p.string().length(500).nullable(),
    location: p.string().length(120).default(''),
    hourlyRateMinor: p.bigint('number').nullable(),
    currency: p.enum(CURRENCIES).default('usd'),
    isClient: p.boolean().default(false),
    isFreelancer: p.boolean().default(false),
    emailVerifiedAt: p.datetime().nullable(),
    // Sum and count of review ratings received; the average is derived.
    ratingSum: p.integer().default(0),
    reviewsCount: p.integer().default(0),
    // Raised to invalidate every access token issued before (password change, reset, deletion).
    authVersion: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
  },
  // Usernames and emails are unique ignoring case.
  uniques: [
    { name: 'app_user_username_lower_unique', expression: 'create unique index "app_user_username_lower_unique" on "app_user" (lower("username"))' },
    { name: 'app_user_email_lower_unique', expression: 'create unique index "app_user_email_lower_unique" on "app_user" (lower("email")) where "email" is not null' },
  ],
});
export class User extends UserSchema.class {
  // Derived, never written: em.create() must not ask for them.
  declare [OptionalProps]?: 'displayName' | 'isDeleted';

  get displayName(): string {
    const name = `${this.firstName} ${this.lastName}`.trim();
    return name || this.username;
  }

  get isDeleted(): boolean {
    return this.deletedAt != null;
  }
}
UserSchema.setClass(User);

const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  properties: {
    // The token's `jti`.
    id: p.uuid().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    // Every token descended from one login shares a family; reuse revokes the family.
    familyId: p.uuid().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    // Pruning looks them up by expiry and revocation (auth.jobs.ts).
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable().index(),
  },
});
export class RefreshToken extends RefreshTokenSchema.class {}
RefreshTokenSchema.setClass(RefreshToken);

export const EMAIL_TOKEN_PURPOSES = ['verify_email', 'password_reset'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

const EmailTokenSchema = defineEntity({
  name: 'EmailToken',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    purpose: p.enum(EMAIL_TOKEN_PURPOSES),
    // SHA-256 of the token: the token itself exists only in the mail.
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    // Pruning looks them up by expiry and use (auth.jobs.ts).
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable().index(),
  },
});
export class EmailToken extends EmailTokenSchema.class {}
EmailTokenSchema.setClass(EmailToken);

const PortfolioItemSchema = defineEntity({
  name: 'PortfolioItem',
  properties: {
    ...baseProperties,
    owner: () => p.manyToOne(User).deleteRule('cascade').index(),
    title: p.string().length(120),
    description: p.text().default(''),
    url: p.string().length(500).nullable(),
    imageUrl: p.string().length(500).nullable(),
    completedOn: p.string().columnType('date').nullable(),
    skills: () => p.manyToMany(Skill),
  },
});
export class PortfolioItem extends PortfolioItemSchema.class {}
PortfolioItemSchema.setClass(PortfolioItem);

export const authEntities = [UserSchema, RefreshTokenSchema, EmailTokenSchema, PortfolioItemSchema];
