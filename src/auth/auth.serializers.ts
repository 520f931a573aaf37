/**
 * Entities → the contract's response shapes.
 */
import type * as S from '../contract/schemas.ts';
import type { Skill } from '../catalog/catalog.entities.ts';
import { fromMinor } from '../lib/money.ts';
import type { PortfolioItem, User } from './auth.entities.ts';

/** The average rating as "4.80", or null before the first review. */
export function averageRating(user: Pick<User, 'ratingSum' | 'reviewsCount'>): string | null {
  if (user.reviewsCount === 0) return null;
  return (Math.round((user.ratingSum * 100) / user.reviewsCount) / 100).toFixed(2);
}

/** The profile fields the private and the public view share. */
function profileFields(user: User) {
  return {
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: user.displayName,
    bio: user.bio,
    avatar_url: user.avatarUrl ?? null,
    location: user.location,
    hourly_rate: user.hourlyRateMinor == null ? null : fromMinor(user.hourlyRateMinor),
    currency: user.currency,
    is_client: user.isClient,
    is_freelancer: user.isFreelancer,
    rating: averageRating(user),
    reviews_count: user.reviewsCount,
    date_joined: user.createdAt.toISOString(),
  };
}

export function toUser(user: User): S.User {
  return { ...profileFields(user), email: user.email ?? '', email_verified: user.emailVerifiedAt != null };
}

export function toUserSummary(user: User): S.UserSummary {
  const { id, username, display_name, avatar_url, is_client, is_freelancer, rating, reviews_count } = profileFields(user);
  return { id, username, display_name, avatar_url, is_client, is_freelancer, rating, reviews_count };
}

export function toSkill(skill: Skill): S.Skill {
  return { id: skill.id, slug: skill.slug, name: skill.name, category_id: skill.category?.id ?? null };
}

export function toPortfolioItem(item: PortfolioItem): S.PortfolioItem {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    url: item.url ?? null,
    image_url: item.imageUrl ?? null,
    skills: item.skills.getItems().sort((a, b) => a.id - b.id).map(toSkill),
    completed_on: item.completedOn ?? null,
    created_at: item.createdAt.toISOString(),
    updated_at: item.updatedAt.toISOString(),
  };
}
