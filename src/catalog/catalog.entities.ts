/**
 * The platform's curated catalogue: task categories and skills. Seeded by migration.
 */
import { defineEntity, p } from '@mikro-orm/core';

const CategorySchema = defineEntity({
  name: 'Category',
  properties: {
    id: p.integer().primary(),
    slug: p.string().length(60).unique(),
    name: p.string().length(120),
    description: p.text(),
    position: p.integer(),
  },
});
export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category);

const SkillSchema = defineEntity({
  name: 'Skill',
  properties: {
    id: p.integer().primary(),
    slug: p.string().length(60).unique(),
    name: p.string().length(120),
    category: () => p.manyToOne(Category).nullable(),
  },
});
export class Skill extends SkillSchema.class {}
SkillSchema.setClass(Skill);

export const catalogEntities = [CategorySchema, SkillSchema];
