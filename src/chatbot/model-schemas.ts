/**
 * The JSON the model is asked for (structured output): zod schemas, sent to the model as JSON
 * Schema (`response_format: json_schema`, strict) and used to validate its answer. Catalogue
 * entries travel as slugs, which the model reads in the prompt; the service maps them to ids.
 */
import { z } from 'zod';

export const DRAFT_FIELDS = ['title', 'description', 'category', 'skills', 'budget', 'deadline', 'location'] as const;

export const ModelTaskDraft = z.object({
  title: z.string().max(120),
  description: z.string().max(10_000),
  category: z.string().nullable(),
  skills: z.array(z.string()).max(10),
  budget: z.string().regex(/^\d{1,10}\.\d{2}$/).nullable(),
  currency: z.enum(['usd', 'eur', 'gbp']).nullable(),
  deadline: z.string().nullable(),
  remote: z.boolean(),
  location: z.string().max(120).nullable(),
  missing_fields: z.array(z.enum(DRAFT_FIELDS)),
  confidence: z.number().min(0).max(1),
});
export type ModelTaskDraft = z.infer<typeof ModelTaskDraft>;

export const ModelCategorySuggestions = z.object({
  suggestions: z.array(z.object({ category: z.string(), confidence: z.number().min(0).max(1) })).max(3),
});
export type ModelCategorySuggestions = z.infer<typeof ModelCategorySuggestions>;

/** The names the schemas go by in `response_format`; the offline model answers by them. */
export const TASK_DRAFT_SCHEMA_NAME = 'task_draft';
export const CATEGORY_SUGGESTIONS_SCHEMA_NAME = 'category_suggestions';
