/**
 * What a user can do: skills with level and experience (shown on public profiles, used to rank).
 */
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/auth.entities.ts';
import { Skill } from '../catalog/catalog.entities.ts';

export const SKILL_LEVELS = ['beginner', 'intermediate', 'expert'] as const;

const UserSkillSchema = defineEntity({
  name: 'UserSkill',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    skill: () => p.manyToOne(Skill).primary().deleteRule('cascade').index(),
    level: p.enum(SKILL_LEVELS),
    yearsExperience: p.integer(),
  },
});
export class UserSkill extends UserSkillSchema.class {}
UserSkillSchema.setClass(UserSkill);

export const recommendationsEntities = [UserSkillSchema];
