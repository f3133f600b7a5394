CREATE TABLE "transaction_slot_totals" (
	"mode" "gateway_mode" NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"channel" "transaction_channel" NOT NULL,
	"state" "transaction_state" NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"fee" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "transaction_slot_totals_mode_slot_channel_state_pk" PRIMARY KEY("mode","slot","channel","state")
);
--> statement-breakpoint
CREATE INDEX "transactions_mode_amount_id_idx" ON "transactions" USING btree ("mode","amount","id");--> statement-breakpoint
CREATE INDEX "transactions_va_number_idx" ON "transactions" USING btree ("va_number") WHERE "transactions"."va_number" is not null;--> statement-breakpoint
CREATE INDEX "transactions_payment_code_idx" ON "transactions" USING btree ("payment_code") WHERE "transactions"."payment_code" is not null;--> statement-breakpoint
CREATE INDEX "transactions_customer_phone_idx" ON "transactions" USING btree ("customer_phone") WHERE "transactions"."customer_phone" is not null;
--> statement-breakpoint
-- Word search over title, description, customer name, email, phone and our reference:
-- one trigram index on the same expression db/queries/transaction-list.ts searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "transactions_search_trgm_idx" ON "transactions" USING gin (
  (coalesce("title", '') || ' ' || coalesce("description", '') || ' ' || coalesce("customer_name", '') || ' ' || coalesce("customer_email", '') || ' ' || coalesce("customer_phone", '') || ' ' || coalesce("external_id", '')) gin_trgm_ops
);--> statement-breakpoint
-- Sort by paid time, unpaid rows last in both directions: the keyset is one row comparison.
CREATE INDEX "transactions_mode_paid_desc_idx" ON "transactions" USING btree ("mode", (coalesce("paid_at", '-infinity'::timestamptz)), "id");--> statement-breakpoint
CREATE INDEX "transactions_mode_paid_asc_idx" ON "transactions" USING btree ("mode", (coalesce("paid_at", 'infinity'::timestamptz)), "id");--> statement-breakpoint
-- The slot a time falls in: slots start at 15:00, 16:00 and 17:00 UTC (midnight in WIT,
-- WITA and WIB), so any day in those zones is three whole slots.
CREATE FUNCTION "totals_slot"(ts timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE
    WHEN extract(hour FROM ts AT TIME ZONE 'UTC') >= 17 THEN date_trunc('day', ts AT TIME ZONE 'UTC') + interval '17 hours'
    WHEN extract(hour FROM ts AT TIME ZONE 'UTC') >= 16 THEN date_trunc('day', ts AT TIME ZONE 'UTC') + interval '16 hours'
    WHEN extract(hour FROM ts AT TIME ZONE 'UTC') >= 15 THEN date_trunc('day', ts AT TIME ZONE 'UTC') + interval '15 hours'
    ELSE date_trunc('day', ts AT TIME ZONE 'UTC') - interval '7 hours'
  END) AT TIME ZONE 'UTC'
$$;--> statement-breakpoint
-- transaction_slot_totals moves in the same statement as every write to transactions.
-- The change-marker trigger (named earlier, so fired first) already holds the mode's
-- marker row, so writers of one mode reach these rows one at a time: no deadlock.
CREATE FUNCTION "slot_totals_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee")
  SELECT "mode", totals_slot("created_at"), "channel", "state", count(*), sum("amount"), sum(coalesce("fee", 0))
    FROM "changed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "slot_totals_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee")
  SELECT "mode", "slot", "channel", "state", sum("n"), sum("amount"), sum("fee") FROM (
      SELECT "mode", totals_slot("created_at") AS "slot", "channel", "state", 1 AS "n", "amount", coalesce("fee", 0) AS "fee" FROM "new_rows"
      UNION ALL
      SELECT "mode", totals_slot("created_at"), "channel", "state", -1, -"amount", -coalesce("fee", 0) FROM "old_rows"
    ) d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "slot_totals_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee")
  SELECT "mode", totals_slot("created_at"), "channel", "state", -count(*), -sum("amount"), -sum(coalesce("fee", 0))
    FROM "changed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transactions_slot_totals_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "slot_totals_after_insert"();--> statement-breakpoint
CREATE TRIGGER "transactions_slot_totals_update" AFTER UPDATE ON "transactions"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "slot_totals_after_update"();--> statement-breakpoint
CREATE TRIGGER "transactions_slot_totals_delete" AFTER DELETE ON "transactions"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "slot_totals_after_delete"();--> statement-breakpoint
-- The rows that exist already.
INSERT INTO "transaction_slot_totals" ("mode", "slot", "channel", "state", "count", "amount", "fee")
SELECT "mode", totals_slot("created_at"), "channel", "state", count(*), sum("amount"), sum(coalesce("fee", 0))
  FROM "transactions" GROUP BY 1, 2, 3, 4;
