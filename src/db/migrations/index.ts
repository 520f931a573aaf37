/**
 * Every committed migration, oldest first. `npm run db:migration:create` writes a new file;
 * add its class here.
 */
import { Migration20261124215835_initial } from './Migration20261124215835_initial.ts';

export const migrationsList = [Migration20261124215835_initial];
