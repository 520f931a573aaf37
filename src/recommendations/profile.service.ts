/**
 * What a user tells recommendations about themself: skills, preferences, and onboarding (roles,
 * interests, skills, level and rate in one transaction), with the status a frontend resumes from.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/auth.entities.ts';
import { Skill } from '../catalog/catalog.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { fromMinor, toMinor } from '../lib/money.ts';
import { problems, type FieldErrors } from '../lib/problem.ts';
import { CATEGORY_JSON, SKILL_JSON } from '../catalog/catalog-views.ts';
import { Onboarding, RecommendationPreference, ServiceOffering, UserSkill, type SKILL_LEVELS } from './recommendations.entities.ts';

const MAX_MONEY_MINOR = 100_000_000;

/** The onboarding's experience level, as the level of each skill it names. */
const SKILL_LEVEL_OF: Record<S.OnboardingRequest['experience_level'], (typeof SKILL_LEVELS)[number]> = {
  entry: 'beginner',
  intermediate: 'intermediate',
  expert: 'expert',
};

export type RoleChangeCheck = (em: EntityManager, user: User, roles: { is_client: boolean; is_freelancer: boolean }) => Promise<void>;

/** Adds an error for every id of `ids` not in the catalogue's `table`, named `<field>.<index><suffix>`. */
async function checkCatalogueIds(em: EntityManager, table: 'category' | 'skill', ids: number[], field: string, errors: FieldErrors, suffix = '') {
  if (ids.length === 0) return;
  const rows = await querySql<{ id: number }>(em, { text: `select id from ${table} where id = any($1::int[])`, values: [ids] });
  const found = new Set(rows.map((row) => row.id));
  ids.forEach((id, index) => {
    if (!found.has(id)) errors[`${field}.${index}${suffix}`] = [`There is no ${table} ${id}.`];
  });
}

function budgetMinor(amount: string | null, field: string, errors: FieldErrors): number | null {
  if (amount == null) return null;
  const minor = toMinor(amount);
  if (minor > MAX_MONEY_MINOR) errors[field] = ['Must be at most 1000000.00.'];
  return minor;
}

/** Account deletion: what the user offered and told recommendations goes with the account. */
export async function forgetRecommendationProfile(tx: EntityManager, user: User): Promise<void> {
  await tx.nativeDelete(ServiceOffering, { freelancer: user });
  await tx.nativeDelete(RecommendationPreference, { user });
  await tx.nativeDelete(Onboarding, { user });
}

export function createProfileService(now: () => Date, deps: { checkRoleChange: RoleChangeCheck }) {
  async function mySkills(em: EntityManager, user: User): Promise<S.MySkillList> {
    const rows = await querySql<S.UserSkill>(em, {
      text: `select ${SKILL_JSON('s')} as skill, us.level, us.years_experience
from user_skill us join skill s on s.id = us.skill_id where us.user_id = $1 order by lower(s.name), s.id`,
      values: [user.id],
    });
    return { results: rows };
  }

  async function preferences(em: EntityManager, user: User): Promise<S.RecommendationPreferences> {
    const [row] = await querySql<{
      categories: S.Category[];
      skills: S.Skill[];
      min_budget_minor: string | null;
      max_budget_minor: string | null;
      currency: S.Currency;
      remote_only: boolean;
      email_digest: S.RecommendationPreferences['email_digest'];
      updated_at: Date | null;
    }>(em, {
      // The lists keep the order the user gave.
      text: `select
  coalesce((select json_agg(${CATEGORY_JSON('c')} order by position.n) from unnest(p.preferred_category_ids) with ordinality as position(id, n)
    join category c on c.id = position.id), '[]'::json) as categories,
  coalesce((select json_agg(${SKILL_JSON('s')} order by position.n) from unnest(p.preferred_skill_ids) with ordinality as position(id, n)
    join skill s on s.id = position.id), '[]'::json) as skills,
  p.min_budget_minor::text as min_budget_minor, p.max_budget_minor::text as max_budget_minor, p.currency, p.remote_only, p.email_digest, p.updated_at
from recommendation_preference p where p.user_id = $1`,
      values: [user.id],
    });
    if (!row) {
      return { preferred_categories: [], preferred_skills: [], min_budget: null, max_budget: null, currency: user.currency, remote_only: false, email_digest: 'off', updated_at: null };
    }
    return {
      preferred_categories: row.categories,
      preferred_skills: row.skills,
      min_budget: row.min_budget_minor == null ? null : fromMinor(Number(row.min_budget_minor)),
      max_budget: row.max_budget_minor == null ? null : fromMinor(Number(row.max_budget_minor)),
      currency: row.currency,
      remote_only: row.remote_only,
      email_digest: row.email_digest,
      updated_at: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    };
  }

  /** Replaces the user's skills; a skill given without years keeps those it already had (else 0). */
  async function replaceSkills(tx: EntityManager, user: User, skills: { skill_id: number; level: (typeof SKILL_LEVELS)[number]; years_experience?: number }[]) {
    const held = new Map((await tx.find(UserSkill, { user })).map((row) => [row.skill.id, row.yearsExperience]));
    await tx.nativeDelete(UserSkill, { user });
    for (const skill of skills) {
      tx.create(UserSkill, {
        user,
        skill: tx.getReference(Skill, skill.skill_id),
        level: skill.level,
        yearsExperience: skill.years_experience ?? held.get(skill.skill_id) ?? 0,
      });
    }
  }

  async function upsertPreferences(tx: EntityManager, user: User, values: Omit<RecommendationPreference, 'user' | 'createdAt'>) {
    const existing = await tx.findOne(RecommendationPreference, { user });
    if (existing) tx.assign(existing, values);
    else tx.create(RecommendationPreference, { user, createdAt: now(), ...values });
  }

  async function onboardingStatus(em: EntityManager, user: User): Promise<S.OnboardingStatus> {
    const [row] = await querySql<{
      completed_at: Date | null;
      has_skills: boolean;
      has_preferences: boolean;
      connect_account: boolean;
      payment_method: boolean;
    }>(em, {
      text: `select
  (select completed_at from onboarding where user_id = $1) as completed_at,
  exists (select 1 from user_skill where user_id = $1) as has_skills,
  exists (select 1 from recommendation_preference where user_id = $1 and cardinality(preferred_category_ids) > 0) as has_preferences,
  exists (select 1 from connect_account where user_id = $1) as connect_account,
  exists (select 1 from payment_method where user_id = $1) as payment_method`,
      values: [user.id],
    });
    const steps = {
      // Roles, level and rate are what onboarding asks; a user who skipped it has not told them.
      profile: row!.completed_at != null,
      // Only freelancers are matched by skills.
      skills: !user.isFreelancer || row!.has_skills,
      preferences: row!.has_preferences,
      payments: (!user.isFreelancer || row!.connect_account) && (!user.isClient || row!.payment_method),
    };
    const completed = steps.profile && steps.skills && steps.preferences;
    const next = (['profile', 'skills', 'preferences', 'payments'] as const).find((step) => !steps[step]) ?? null;
    return { completed, completed_at: completed ? new Date(row!.completed_at!).toISOString() : null, steps, next_step: next };
  }

  return {
    mySkills,
    preferences,
    onboardingStatus,

    async updateSkills(em: EntityManager, user: User, input: S.UpdateMySkillsRequest): Promise<S.MySkillList> {
      const errors: FieldErrors = {};
      const ids = input.skills.map((skill) => skill.skill_id);
      await checkCatalogueIds(em, 'skill', ids, 'skills', errors, '.skill_id');
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) errors[`skills.${index}.skill_id`] = [`Skill ${id} is listed twice.`];
      });
      if (Object.keys(errors).length > 0) throw problems.validation(errors);
      await em.transactional(async (tx) => replaceSkills(tx, tx.merge(user), input.skills));
      return mySkills(em, user);
    },

    async updatePreferences(em: EntityManager, user: User, input: S.RecommendationPreferencesRequest): Promise<S.RecommendationPreferences> {
      const errors: FieldErrors = {};
      await checkCatalogueIds(em, 'category', input.preferred_categories, 'preferred_categories', errors);
      await checkCatalogueIds(em, 'skill', input.preferred_skills, 'preferred_skills', errors);
      const minBudgetMinor = budgetMinor(input.min_budget, 'min_budget', errors);
      const maxBudgetMinor = budgetMinor(input.max_budget, 'max_budget', errors);
      if (Object.keys(errors).length > 0) throw problems.validation(errors);
      if (minBudgetMinor != null && maxBudgetMinor != null && minBudgetMinor > maxBudgetMinor) {
        throw problems.businessRule('The lowest budget is above the highest.', { min_budget: [`Must be at most max_budget (${input.max_budget}).`] });
      }
      await em.transactional(async (tx) =>
        upsertPreferences(tx, tx.merge(user), {
          preferredCategoryIds: input.preferred_categories,
          preferredSkillIds: input.preferred_skills,
          minBudgetMinor,
          maxBudgetMinor,
          currency: input.currency,
          remoteOnly: input.remote_only,
          emailDigest: input.email_digest,
          updatedAt: now(),
        }),
      );
      return preferences(em, user);
    },

    async completeOnboarding(em: EntityManager, user: User, input: S.OnboardingRequest): Promise<S.OnboardingStatus> {
      const roles = { is_client: input.role !== 'freelancer', is_freelancer: input.role !== 'client' };
      const errors: FieldErrors = {};
      await checkCatalogueIds(em, 'category', input.categories, 'categories', errors);
      await checkCatalogueIds(em, 'skill', input.skills, 'skills', errors);
      if (roles.is_freelancer && input.skills.length === 0) errors.skills = ['Choose at least one skill to work as a freelancer.'];
      const hourlyRateMinor = input.hourly_rate === undefined ? undefined : budgetMinor(input.hourly_rate, 'hourly_rate', errors);
      if (Object.keys(errors).length > 0) throw problems.validation(errors);
      await em.transactional(async (tx) => {
        const current = await tx.findOneOrFail(User, user.id, { refresh: true });
        await deps.checkRoleChange(tx, current, roles);
        tx.assign(current, { isClient: roles.is_client, isFreelancer: roles.is_freelancer });
        if (hourlyRateMinor !== undefined) current.hourlyRateMinor = hourlyRateMinor;
        if (input.currency) current.currency = input.currency;
        if (input.bio !== undefined) current.bio = input.bio;
        const level = SKILL_LEVEL_OF[input.experience_level];
        await replaceSkills(tx, current, input.skills.map((id) => ({ skill_id: id, level })));
        // Preferences derived from onboarding (updated_at null); budget, remote and digest choices stay.
        const existing = await tx.findOne(RecommendationPreference, { user: current });
        await upsertPreferences(tx, current, {
          preferredCategoryIds: input.categories,
          preferredSkillIds: input.skills,
          minBudgetMinor: existing?.minBudgetMinor ?? null,
          maxBudgetMinor: existing?.maxBudgetMinor ?? null,
          currency: input.currency ?? existing?.currency ?? current.currency,
          remoteOnly: existing?.remoteOnly ?? false,
          emailDigest: existing?.emailDigest ?? 'off',
          updatedAt: null,
        });
        await tx.upsert(Onboarding, { user: current, role: input.role, categoryIds: input.categories, experienceLevel: input.experience_level, completedAt: now() });
      });
      await em.refresh(user);
      return onboardingStatus(em, user);
    },

  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
