/**
 * Freelancers' portfolios: owners manage their items; everyone signed in reads a user's list.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Skill } from '../catalog/catalog.entities.ts';
import type * as S from '../contract/schemas.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import { requireHttpsUrls } from '../lib/validation.ts';
import { PortfolioItem, User } from './auth.entities.ts';
import { toPortfolioItem } from './auth.serializers.ts';
import { findUserByUsername } from './auth.service.ts';

const MAX_ITEMS = 50;

/** The skills of the given ids, in that order; an unknown id is a 400 naming `skills.<index>`. */
async function skillsByIds(em: EntityManager, ids: number[]): Promise<Skill[]> {
  const found = await em.find(Skill, { id: { $in: ids } });
  const byId = new Map(found.map((skill) => [skill.id, skill]));
  const errors: Record<string, string[]> = {};
  ids.forEach((id, index) => {
    if (!byId.has(id)) errors[`skills.${index}`] = [`There is no skill ${id}.`];
  });
  if (Object.keys(errors).length) throw problems.validation(errors);
  return ids.map((id) => byId.get(id)!);
}

function checkCompletedOn(value: string | null | undefined, today: Date): void {
  if (value && value > today.toISOString().slice(0, 10)) throw problems.field('completed_on', 'The work cannot be completed in the future.');
}

async function listFor(em: EntityManager, owner: User, query: PageQuery) {
  const { limit, offset } = pageWindow(query);
  const [items, count] = await em.findAndCount(
    PortfolioItem,
    { owner },
    { populate: ['skills'], orderBy: [{ completedOn: 'desc nulls last' }, { id: 'desc' }], limit, offset },
  );
  return { count, results: items.map(toPortfolioItem) };
}

async function ownedItem(em: EntityManager, owner: User, id: number): Promise<PortfolioItem> {
  const item = await em.findOne(PortfolioItem, { id, owner }, { populate: ['skills'] });
  if (!item) throw problems.notFound(`You have no portfolio item ${id}.`);
  return item;
}

async function write(em: EntityManager, item: PortfolioItem, input: S.PortfolioItemRequest, today: Date, allowHttpUrls: boolean) {
  checkCompletedOn(input.completed_on, today);
  requireHttpsUrls({ url: input.url, image_url: input.image_url }, allowHttpUrls);
  const skills = await skillsByIds(em, input.skills ?? []);
  em.assign(item, {
    title: input.title,
    description: input.description,
    url: input.url ?? null,
    imageUrl: input.image_url ?? null,
    completedOn: input.completed_on ?? null,
  });
  item.skills.set(skills);
}

/** `allowHttpUrls`: development servers take `http://` links too (see requireHttpsUrls). */
export function createPortfolioService(now: () => Date, allowHttpUrls: boolean) {
  return {
    listMine: (em: EntityManager, owner: User, query: PageQuery) => listFor(em, owner, query),

    async listOf(em: EntityManager, username: string, query: PageQuery) {
      const owner = await findUserByUsername(em, username);
      if (!owner) throw problems.notFound(`No user is called ${username}.`);
      return listFor(em, owner, query);
    },

    async get(em: EntityManager, owner: User, id: number): Promise<S.PortfolioItem> {
      return toPortfolioItem(await ownedItem(em, owner, id));
    },

    async create(em: EntityManager, owner: User, input: S.PortfolioItemRequest): Promise<S.PortfolioItem> {
      if (!owner.isFreelancer) throw problems.forbidden('Only freelancers have a portfolio.');
      return em.transactional(async (tx) => {
        // Lock the owner so that two concurrent creates cannot both pass the limit.
        await tx.findOneOrFail(User, owner.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if ((await tx.count(PortfolioItem, { owner })) >= MAX_ITEMS) {
          throw problems.invalidState(`A portfolio holds at most ${MAX_ITEMS} items; delete one first.`);
        }
        const item = tx.create(PortfolioItem, { owner, title: input.title, description: input.description });
        await write(tx, item, input, now(), allowHttpUrls);
        await tx.flush();
        return toPortfolioItem(item);
      });
    },

    async update(em: EntityManager, owner: User, id: number, input: S.PortfolioItemRequest): Promise<S.PortfolioItem> {
      const item = await ownedItem(em, owner, id);
      await write(em, item, input, now(), allowHttpUrls);
      await em.flush();
      return toPortfolioItem(item);
    },

    async remove(em: EntityManager, owner: User, id: number): Promise<void> {
      const deleted = await em.nativeDelete(PortfolioItem, { id, owner });
      if (!deleted) throw problems.notFound(`You have no portfolio item ${id}.`);
    },
  };
}
