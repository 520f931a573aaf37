/**
 * The demo world of the spec's examples (openapi/README.md), for `npm run db:seed` and
 * `SEED_DEMO=1 npm start`. Loaded only into an empty database. Password: StrongPass123.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { PortfolioItem, User } from '../auth/auth.entities.ts';
import { hashPassword } from '../auth/passwords.ts';
import { Onboarding, RecommendationPreference, ServiceOffering, UserSkill } from '../recommendations/recommendations.entities.ts';
import { refreshRecommendationFigures } from '../recommendations/recommendations.jobs.ts';
import { Category, Skill } from '../catalog/catalog.entities.ts';
import { Application, Review, Task } from '../tasks/tasks.entities.ts';

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
    const [sara, lina, omar, maria] = users as [User, User, User, User];
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

    const category = (id: number) => tx.getReference(Category, id);
    const task = (data: { id: number; client: User; title: string; description: string; category: number; budgetMinor: number; skills: number[]; createdAt: string; deadline: string | null }) => {
      const created = tx.create(Task, {
        ...data,
        category: category(data.category),
        currency: 'usd',
        deadline: data.deadline ? new Date(data.deadline) : null,
        createdAt: new Date(data.createdAt),
        updatedAt: new Date(data.createdAt),
      });
      created.skills.set(data.skills.map(skill));
      return created;
    };
    const crm = task({ id: 42, client: sara, title: 'Integrate our CRM with a REST API', description: 'Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.', category: 3, budgetMinor: 20000, skills: [11, 17], createdAt: '2026-02-08T09:15:00Z', deadline: '2036-03-01T00:00:00Z' });
    task({ id: 56, client: omar, title: 'Python scraper for competitor prices', description: 'A daily scraper for the prices of five competitor shops, stored in PostgreSQL with a CSV export.', category: 5, budgetMinor: 35000, skills: [11, 14], createdAt: '2026-02-09T14:20:00Z', deadline: '2036-03-15T00:00:00Z' });
    const landing = task({ id: 57, client: omar, title: 'Landing page design in Figma', description: 'Design a responsive landing page for our price tracker in Figma, with a style guide.', category: 1, budgetMinor: 45000, skills: [15], createdAt: '2026-02-01T08:00:00Z', deadline: '2036-02-28T00:00:00Z' });
    const emails = task({ id: 31, client: sara, title: 'Translate onboarding emails to Arabic', description: 'Translate our six onboarding emails from English to Arabic, keeping the tone friendly.', category: 2, budgetMinor: 8000, skills: [16], createdAt: '2026-01-20T10:00:00Z', deadline: null });
    const apply = (id: number, onTask: Task, freelancer: User, bidMinor: number, proposal: string, status: 'pending' | 'accepted', at: string) =>
      tx.create(Application, { id, task: onTask, freelancer, bidMinor, currency: 'usd', proposal, status, createdAt: new Date(at), updatedAt: new Date(at), decidedAt: status === 'accepted' ? new Date(at) : null });
    apply(308, crm, lina, 12000, 'I can deliver in 3 days', 'pending', '2026-02-09T11:00:00Z');
    apply(309, crm, maria, 18000, 'I have shipped four CRM integrations this year and can start tomorrow.', 'pending', '2026-02-09T13:30:00Z');
    apply(301, emails, lina, 8000, 'Native Arabic speaker, I translate product copy every week.', 'accepted', '2026-01-21T09:00:00Z');
    apply(305, landing, maria, 45000, 'Figma is my daily tool; style guide included.', 'accepted', '2026-02-02T09:00:00Z');
    tx.assign(landing, { status: 'in_progress', freelancer: maria, acceptedApplicationId: 305 });
    tx.assign(emails, { status: 'completed', freelancer: lina, acceptedApplicationId: 301, completedAt: new Date('2026-01-29T17:00:00Z') });
    tx.create(Review, { id: 61, task: emails, reviewer: sara, reviewee: lina, role: 'client_to_freelancer', rating: 5, comment: 'Fast, careful translation.', createdAt: new Date('2026-01-30T10:00:00Z') });
    tx.create(Review, { id: 62, task: emails, reviewer: lina, reviewee: sara, role: 'freelancer_to_client', rating: 5, comment: 'Clear brief and quick payment.', createdAt: new Date('2026-01-30T12:00:00Z') });
    const offering = (data: { id: number; freelancer: User; title: string; description: string; category: number; skills: number[]; priceFromMinor: number; deliveryDays: number; createdAt: string }) =>
      tx.create(ServiceOffering, { ...data, category: category(data.category), currency: 'usd', createdAt: new Date(data.createdAt), updatedAt: new Date(data.createdAt) }).skills.set(data.skills.map(skill));
    offering({ id: 21, freelancer: lina, title: 'REST API integrations', description: 'I connect your CRM, billing and internal tools through their REST APIs.', category: 3, skills: [11, 17], priceFromMinor: 15000, deliveryDays: 5, createdAt: '2026-01-10T09:00:00Z' });
    offering({ id: 22, freelancer: lina, title: 'English to Arabic translation', description: 'Product copy, onboarding emails and help articles translated by a native speaker.', category: 2, skills: [16, 27], priceFromMinor: 6000, deliveryDays: 3, createdAt: '2026-01-12T09:00:00Z' });
    offering({ id: 23, freelancer: maria, title: 'Landing page design in Figma', description: 'A responsive landing page designed in Figma, with a style guide your developers can follow.', category: 1, skills: [15, 19], priceFromMinor: 30000, deliveryDays: 7, createdAt: '2026-01-15T09:00:00Z' });
    tx.create(Onboarding, { user: lina, role: 'freelancer', categoryIds: [3, 5], experienceLevel: 'expert', completedAt: new Date('2026-01-07T12:10:00Z') });
    tx.create(RecommendationPreference, { user: lina, preferredCategoryIds: [3, 5], preferredSkillIds: [11, 17], minBudgetMinor: 10000, maxBudgetMinor: null, currency: 'usd', remoteOnly: true, emailDigest: 'weekly', createdAt: new Date('2026-01-07T12:10:00Z'), updatedAt: new Date('2026-02-01T10:00:00Z') });
    tx.assign(lina, { ratingSum: 5, reviewsCount: 1 });
    tx.assign(sara, { ratingSum: 5, reviewsCount: 1 });
    await tx.flush();
    // Explicit ids above: move the sequences past them.
    await tx.execute(
      `select setval('app_user_id_seq', 100), setval('portfolio_item_id_seq', 100), setval('task_id_seq', 100),
        setval('task_application_id_seq', 400), setval('review_id_seq', 100), setval('service_offering_id_seq', 100)`,
    );
  });
  await refreshRecommendationFigures(orm);
  logger.info('loaded the demo data (users sara, freelancer_user, omar, dev_maria, password StrongPass123; tasks 42, 56, 57, 31; service offerings 21–23)');
  return true;
}
