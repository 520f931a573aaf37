/**
 * MikroORM's configuration: every entity, and the committed migrations (schema changes are never
 * synchronised at run time).
 */
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { authEntities } from '../auth/auth.entities.ts';
import { catalogEntities } from '../catalog/catalog.entities.ts';
import { chatbotEntities } from '../chatbot/chatbot.entities.ts';
import { eventsEntities } from '../events/events.entities.ts';
import { rateLimitEntities } from '../lib/rate-limit.entities.ts';
import { messagingEntities } from '../messaging/messaging.entities.ts';
import { notificationsEntities } from '../notifications/notifications.entities.ts';
import { LEDGER_TABLES } from '../payments/ledger.ts';
import { paymentsEntities } from '../payments/payments.entities.ts';
import { recommendationsEntities } from '../recommendations/recommendations.entities.ts';
import { tasksEntities } from '../tasks/tasks.entities.ts';
import { migrationsList } from './migrations/index.ts';

export const entities = [...catalogEntities, ...authEntities, ...recommendationsEntities, ...tasksEntities, ...eventsEntities, ...rateLimitEntities, ...paymentsEntities, ...messagingEntities, ...notificationsEntities, ...chatbotEntities];

export function ormConfig(clientUrl: string, poolMax = 10) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, path: 'src/db/migrations', transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Loading a relation must be asked for; nothing is fetched behind the caller's back.
    forceUndefined: false,
    pool: { min: 0, max: poolMax },
    // The ledger's tables are hand-written SQL (their triggers keep the money rules), read and
    // written by statements of its own: the schema diff leaves them alone.
    schemaGenerator: { skipTables: [...LEDGER_TABLES] },
    debug: false,
    allowGlobalContext: false,
  });
}
