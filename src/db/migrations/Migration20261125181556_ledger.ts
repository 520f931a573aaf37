import { Migration } from '@mikro-orm/migrations';

export class Migration20261125181556_ledger extends Migration {

  override name = 'Migration20261125181556_ledger';

  override up(): void | Promise<void> {
    this.addSql(`create table "journal_entry" ("id" bigserial primary key, "kind" text not null, "reference" varchar(255) null, "task_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "journal_entry_task_id_index" on "journal_entry" ("task_id");`);

    this.addSql(`create table "journal_line" ("id" bigserial primary key, "entry_id" bigint not null, "account_id" int not null, "currency" text not null, "amount_minor" bigint not null);`);
    this.addSql(`create index "journal_line_entry_id_index" on "journal_line" ("entry_id");`);
    this.addSql(`create index "journal_line_account_id_index" on "journal_line" ("account_id");`);

    this.addSql(`create table "ledger_account" ("id" serial primary key, "kind" text not null, "user_id" int null, "task_id" int null, "currency" text not null, "balance_minor" bigint not null default '0', "created_at" timestamptz not null default now());`);

    this.addSql(`alter table "journal_entry" add constraint "journal_entry_kind_check" check ("kind" in ('funding', 'release', 'refund', 'withdrawal', 'payout', 'withdrawal_reversal'));`);

    this.addSql(`alter table "journal_line" add constraint "journal_line_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);

    this.addSql(`alter table "ledger_account" add constraint "ledger_account_kind_check" check ("kind" in ('client_funding', 'escrow', 'freelancer_available', 'freelancer_pending_withdrawal', 'platform_fees', 'payouts', 'refunds'));`);
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);

    // Written by hand: the rules PostgreSQL keeps whatever the code does.
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "journal_line" add constraint "journal_line_entry_id_foreign" foreign key ("entry_id") references "journal_entry" ("id");`);
    this.addSql(`alter table "journal_line" add constraint "journal_line_account_id_foreign" foreign key ("account_id") references "ledger_account" ("id");`);
    // One account per kind, owner, task and currency (no owner or task counts as one value).
    this.addSql(`create unique index "ledger_account_identity" on "ledger_account" ("kind", coalesce("user_id", 0), coalesce("task_id", 0), "currency");`);
    // An external event (a PaymentIntent, a payout) moves money once.
    this.addSql(`create unique index "journal_entry_reference" on "journal_entry" ("kind", "reference") where "reference" is not null;`);
    this.addSql(`alter table "journal_line" add constraint "journal_line_amount_not_zero" check ("amount_minor" <> 0);`);
    // Only the outside world's funding account goes below zero.
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_not_negative" check ("kind" = 'client_funding' or "balance_minor" >= 0);`);

    // A line moves its account's balance in the same statement, in the account's own currency.
    this.addSql(`create function "journal_line_apply"() returns trigger language plpgsql as $$
      begin
        update "ledger_account" set "balance_minor" = "balance_minor" + new."amount_minor"
         where "id" = new."account_id" and "currency" = new."currency";
        if not found then
          raise exception 'journal line in % for ledger account % of another currency or none', new."currency", new."account_id" using errcode = '23514';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "journal_line_apply" before insert on "journal_line" for each row execute function "journal_line_apply"();`);

    // An entry balances per currency, checked at commit, once all its lines are in.
    this.addSql(`create function "journal_entry_balanced"() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from "journal_line" where "entry_id" = new."entry_id" group by "currency" having sum("amount_minor") <> 0) then
          raise exception 'journal entry % does not balance', new."entry_id" using errcode = '23514';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "journal_entry_balanced" after insert on "journal_line" deferrable initially deferred for each row execute function "journal_entry_balanced"();`);

    // What is written stays written: corrections are new entries. Balances move only with lines.
    this.addSql(`create function "ledger_immutable"() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = '42501';
      end $$;`);
    this.addSql(`create trigger "journal_line_immutable" before update or delete on "journal_line" for each row execute function "ledger_immutable"();`);
    this.addSql(`create trigger "journal_entry_immutable" before update or delete on "journal_entry" for each row execute function "ledger_immutable"();`);
    this.addSql(`create function "ledger_account_guard"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or new."balance_minor" is distinct from old."balance_minor" and pg_trigger_depth() < 2
           or (new."kind", new."user_id", new."task_id", new."currency") is distinct from (old."kind", old."user_id", old."task_id", old."currency") then
          raise exception 'ledger accounts change only through journal lines' using errcode = '42501';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "ledger_account_guard" before update or delete on "ledger_account" for each row execute function "ledger_account_guard"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "journal_line" cascade;`);
    this.addSql(`drop table if exists "journal_entry" cascade;`);
    this.addSql(`drop table if exists "ledger_account" cascade;`);
    this.addSql(`drop function if exists "journal_line_apply", "journal_entry_balanced", "ledger_immutable", "ledger_account_guard";`);
  }

}
