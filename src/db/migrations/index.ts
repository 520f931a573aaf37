/**
 * Every committed migration, oldest first. `npm run db:migration:create` writes a new file;
 * add its class here.
 */
import { Migration20261124212322_initial } from './Migration20261124212322_initial.ts';
import { Migration20261124214549_tasks } from './Migration20261124214549_tasks.ts';

export const migrationsList = [Migration20261124212322_initial, Migration20261124214549_tasks];
