import { Migration } from '@mikro-orm/migrations';

export class Migration20261125170453_prune_indexes extends Migration {

  override name = 'Migration20261125170453_prune_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "domain_event_processed_at_index" on "domain_event" ("processed_at");`);

    this.addSql(`create index "refresh_token_expires_at_index" on "refresh_token" ("expires_at");`);
    this.addSql(`create index "refresh_token_revoked_at_index" on "refresh_token" ("revoked_at");`);

    this.addSql(`create index "email_token_expires_at_index" on "email_token" ("expires_at");`);
    this.addSql(`create index "email_token_used_at_index" on "email_token" ("used_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "domain_event_processed_at_index";`);

    this.addSql(`drop index "email_token_expires_at_index";`);
    this.addSql(`drop index "email_token_used_at_index";`);

    this.addSql(`drop index "refresh_token_expires_at_index";`);
    this.addSql(`drop index "refresh_token_revoked_at_index";`);
  }

}
