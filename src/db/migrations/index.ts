/**
 * Every committed migration, oldest first. `npm run db:migration:create` writes a new file;
 * add its class here.
 */
import { Migration20261124215835_initial } from './Migration20261124215835_initial.ts';
import { Migration20261124221901_task_filters } from './Migration20261124221901_task_filters.ts';
import { Migration20261125160306_rate_limits } from './Migration20261125160306_rate_limits.ts';
import { Migration20261125161500_deleted_usernames } from './Migration20261125161500_deleted_usernames.ts';
import { Migration20261125170453_prune_indexes } from './Migration20261125170453_prune_indexes.ts';
import { Migration20261125181556_ledger } from './Migration20261125181556_ledger.ts';
import { Migration20261125190840_payments } from './Migration20261125190840_payments.ts';
import { Migration20261125193000_ledger_lookups } from './Migration20261125193000_ledger_lookups.ts';
import { Migration20261125194957_messaging } from './Migration20261125194957_messaging.ts';
import { Migration20261125195414_notifications } from './Migration20261125195414_notifications.ts';
import { Migration20261125200538_notification_digests } from './Migration20261125200538_notification_digests.ts';
import { Migration20261125203552_live_events } from './Migration20261125203552_live_events.ts';
import { Migration20261125213634_recommendations } from './Migration20261125213634_recommendations.ts';
import { Migration20261126003745_chatbot } from './Migration20261126003745_chatbot.ts';

export const migrationsList = [Migration20261124215835_initial, Migration20261124221901_task_filters, Migration20261125160306_rate_limits, Migration20261125161500_deleted_usernames, Migration20261125170453_prune_indexes, Migration20261125181556_ledger, Migration20261125190840_payments, Migration20261125193000_ledger_lookups, Migration20261125194957_messaging, Migration20261125195414_notifications, Migration20261125200538_notification_digests, Migration20261125203552_live_events, Migration20261125213634_recommendations, Migration20261126003745_chatbot];
