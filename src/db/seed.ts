/**
 * The demo world of the spec's examples (openapi/README.md), for `npm run db:seed` and
 * `SEED_DEMO=1 npm start`. Loaded only into an empty database. Password: StrongPass123.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { PortfolioItem, User } from '../auth/auth.entities.ts';
import { hashPassword } from '../auth/passwords.ts';
import { Skill } from '../catalog/catalog.entities.ts';
import { UserSkill } from '../recommendations/recommendations.entities.ts';

export const DEMO_PASSWORD = 'StrongPass123';

const USERS = [
  { id: 1, username: 'sara', email: 'sara@example.com', firstName: 'Sara', lastName: 'Ahmed', isClient: true, isFreelancer: true, location: 'Amman, Jordan', bio: 'Product lead at a logistics startup.', hourlyRateMinor: 4500 },
  { id: 2, username: 'freelancer_user', email: 'freelancer@example.com', firstName: 'Lina', lastName: 'Haddad', isClient: false, isFreelancer: true, location: 'Beirut, Lebanon', bio: 'Integration engineer and Arabic translator.', hourlyRateMinor: 4000 },
  { id: 3, username: 'omar', email: 'omar@example.com', firstName: 'Omar', lastName: 'Khalil', isClient: true, isFreelancer: false, location: 'Cairo, Egypt', bio: '', hourlyRateMinor: null },
  { id: 4, username: 'dev_maria', email: 'maria@example.com', firstName: 'Maria', lastName: 'Lopez', isClient: false, isFreelancer: true, location: 'Valencia, Spain', bio: 'Product designer.', hourlyRateMinor: 5500 },
];

export async function seedDemoIfEmpty(orm: MikroORM, logger: Logger): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(User, {})) > 0) {
    logger.info('demo data not loaded: the database already has users');
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const verifiedAt = new Date('2026-01-05T08:30:00Z');
    const users = USERS.map((user) => tx.create(User, { ...user, passwordHash, emailVerifiedAt: verifiedAt }));
    await tx.flush();
    const [sara, lina, , maria] = users as [User, User, User, User];
    const skill = (id: number) => tx.getReference(Skill, id);
    tx.create(UserSkill, { user: lina, skill: skill(11), level: 'expert', yearsExperience: 6 });
    tx.create(UserSkill, { user: lina, skill: skill(17), level: 'expert', yearsExperience: 5 });
    tx.create(UserSkill, { user: sara, skill: skill(16), level: 'intermediate', yearsExperience: 3 });
    tx.create(UserSkill, { user: maria, skill: skill(15), level: 'expert', yearsExperience: 7 });
    const item = tx.create(PortfolioItem, {
      id: 7,
      owner: lina,
      title: 'CRM sync service for a logistics startup',
      description: 'Two-way sync between HubSpot and an in-house order system, with retries and an audit log.',
      url: 'https://example.com/case-studies/crm-sync',
      imageUrl: 'https://cdn.taskmarket.example/portfolio/7.png',
      completedOn: '2025-11-30',
    });
    item.skills.set([skill(11), skill(17)]);
    await tx.flush();
    // Explicit ids above: move the sequences past them.
    await tx.execute(`select setval('app_user_id_seq', greatest((select max(id) from app_user), 100)), setval('portfolio_item_id_seq', greatest((select max(id) from portfolio_item), 100))`);
  });
  logger.info('loaded the demo data (users sara, freelancer_user, omar, dev_maria; password StrongPass123)');
  return true;
}
