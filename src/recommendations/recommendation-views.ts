/**
 * The rankings' rows as the contract's shapes, with their reasons: shared by the service and the
 * benchmark's baseline, so both build the same JSON.
 */
import type * as S from '../contract/schemas.ts';
import { taskSummaryFromJson, userSummaryFromJson } from '../tasks/task-views.ts';
import type { RankedFreelancerRow } from './freelancer-ranking.ts';
import { freelancerReason, taskReason } from './reasons.ts';
import type { RankedTaskRow } from './task-ranking.ts';

const twoDecimals = (score: number) => Math.round(score * 100) / 100;

export function recommendedTaskFromRow(row: RankedTaskRow, now: Date): S.RecommendedTask {
  return {
    task_id: row.task_id,
    match_score: twoDecimals(row.score),
    reason: taskReason(row, now),
    matched_skills: row.matched_skills.map((skill) => skill.slug),
    task: taskSummaryFromJson(row.task),
  };
}

export function recommendedFreelancerFromRow(row: RankedFreelancerRow, categoryName: string | null): S.RecommendedFreelancer {
  return {
    freelancer: userSummaryFromJson(row.freelancer),
    match_score: twoDecimals(row.score),
    reason: freelancerReason(row, categoryName),
    matched_skills: row.matched_skills.map((skill) => skill.slug),
    has_applied: row.has_applied,
  };
}
