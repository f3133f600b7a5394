CREATE TYPE "public"."totals_basis" AS ENUM('paid', 'settled');--> statement-breakpoint
CREATE TABLE "transaction_payment_totals" (
	"mode" "gateway_mode" NOT NULL,
	"basis" "totals_basis" NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"state" "transaction_state" NOT NULL,
	"channel" "transaction_channel" NOT NULL,
	"bank" text,
	"payment_channel" text,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"fee" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "transaction_payment_totals_key" UNIQUE NULLS NOT DISTINCT("mode","basis","slot","state","channel","bank","payment_channel")
);
--> statement-breakpoint
CREATE TABLE "transaction_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"state" "transaction_state" NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"fee" numeric(20, 4),
	"document" text NOT NULL
);
--> statement-breakpoint
-- transaction_payment_totals moves in the same statement as every write to transactions,
-- as transaction_slot_totals does (0008), and these triggers are named to fire after the
-- change-marker ones: writers of one mode reach these rows one at a time, in key order.
-- A row counts under 'paid' in the slot of its paid time when it has one, and under
-- 'settled' in the slot of its settled time when it has one.
CREATE FUNCTION "payment_totals_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel", "count", "amount", "fee")
  SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel", sum("n"), sum("amount"), sum("fee") FROM (
      SELECT "mode", 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", "state", "channel", "bank", "payment_channel",
             1 AS "n", "amount", coalesce("fee", 0) AS "fee"
        FROM "changed_rows" WHERE "paid_at" IS NOT NULL
      UNION ALL
      SELECT "mode", 'settled', totals_slot("settled_at"), "state", "channel", "bank", "payment_channel", 1, "amount", coalesce("fee", 0)
        FROM "changed_rows" WHERE "settled_at" IS NOT NULL
    ) d GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee";
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An update adds the new rows and takes away the old ones; keys whose sums do not move
-- (the update changed nothing these totals hold) are not written.
CREATE FUNCTION "payment_totals_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  -- A key left with nothing is removed, so reads only meet keys that hold rows.
  WITH moved AS (
    INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel", "count", "amount", "fee")
    SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel", sum("n"), sum("amount"), sum("fee") FROM (
        SELECT "mode", 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", "state", "channel", "bank", "payment_channel",
               1 AS "n", "amount", coalesce("fee", 0) AS "fee"
          FROM "new_rows" WHERE "paid_at" IS NOT NULL
        UNION ALL
        SELECT "mode", 'settled', totals_slot("settled_at"), "state", "channel", "bank", "payment_channel", 1, "amount", coalesce("fee", 0)
          FROM "new_rows" WHERE "settled_at" IS NOT NULL
        UNION ALL
        SELECT "mode", 'paid', totals_slot("paid_at"), "state", "channel", "bank", "payment_channel", -1, -"amount", -coalesce("fee", 0)
          FROM "old_rows" WHERE "paid_at" IS NOT NULL
        UNION ALL
        SELECT "mode", 'settled', totals_slot("settled_at"), "state", "channel", "bank", "payment_channel", -1, -"amount", -coalesce("fee", 0)
          FROM "old_rows" WHERE "settled_at" IS NOT NULL
      ) d GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum("n") <> 0 OR sum("amount") <> 0 OR sum("fee") <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_payment_totals" WHERE ctid = ANY (emptied) AND "count" = 0 AND "amount" = 0 AND "fee" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "payment_totals_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  -- A key left with nothing is removed, so reads only meet keys that hold rows.
  WITH moved AS (
    INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel", "count", "amount", "fee")
    SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel", -sum("n"), -sum("amount"), -sum("fee") FROM (
        SELECT "mode", 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", "state", "channel", "bank", "payment_channel",
               1 AS "n", "amount", coalesce("fee", 0) AS "fee"
          FROM "changed_rows" WHERE "paid_at" IS NOT NULL
        UNION ALL
        SELECT "mode", 'settled', totals_slot("settled_at"), "state", "channel", "bank", "payment_channel", 1, "amount", coalesce("fee", 0)
          FROM "changed_rows" WHERE "settled_at" IS NOT NULL
      ) d GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_payment_totals" WHERE ctid = ANY (emptied) AND "count" = 0 AND "amount" = 0 AND "fee" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transactions_payment_totals_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_totals_after_insert"();--> statement-breakpoint
CREATE TRIGGER "transactions_payment_totals_update" AFTER UPDATE ON "transactions"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_totals_after_update"();--> statement-breakpoint
CREATE TRIGGER "transactions_payment_totals_delete" AFTER DELETE ON "transactions"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "payment_totals_after_delete"();--> statement-breakpoint
-- The rows that exist already.
INSERT INTO "transaction_payment_totals" ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel", "count", "amount", "fee")
SELECT "mode", 'paid'::totals_basis, totals_slot("paid_at"), "state", "channel", "bank", "payment_channel", count(*), sum("amount"), sum(coalesce("fee", 0))
  FROM "transactions" WHERE "paid_at" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT "mode", 'settled'::totals_basis, totals_slot("settled_at"), "state", "channel", "bank", "payment_channel", count(*), sum("amount"), sum(coalesce("fee", 0))
  FROM "transactions" WHERE "settled_at" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
-- Overdue payments: paid-basis keys of one state, any slot up to a day.
CREATE INDEX "transaction_payment_totals_state_idx" ON "transaction_payment_totals" USING btree ("mode", "basis", "state", "slot");--> statement-breakpoint
-- transaction_slot_totals (0008) the same way: a key is removed when its rows have all
-- moved on (an expired payment leaves its 'active' key at zero), and one state over all
-- time (the open payments) is read from an index, not from every slot of the mode.
CREATE OR REPLACE FUNCTION "slot_totals_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  -- A key left with nothing is removed, so reads only meet keys that hold rows.
  WITH moved AS (
    INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee")
    SELECT "mode", "slot", "channel", "state", sum("n"), sum("amount"), sum("fee") FROM (
        SELECT "mode", totals_slot("created_at") AS "slot", "channel", "state", 1 AS "n", "amount", coalesce("fee", 0) AS "fee" FROM "new_rows"
        UNION ALL
        SELECT "mode", totals_slot("created_at"), "channel", "state", -1, -"amount", -coalesce("fee", 0) FROM "old_rows"
      ) d GROUP BY 1, 2, 3, 4
      HAVING sum("n") <> 0 OR sum("amount") <> 0 OR sum("fee") <> 0
      ORDER BY 1, 2, 3, 4
    ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_slot_totals" WHERE ctid = ANY (emptied) AND "count" = 0 AND "amount" = 0 AND "fee" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "slot_totals_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  -- A key left with nothing is removed, so reads only meet keys that hold rows.
  WITH moved AS (
    INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee")
    SELECT "mode", totals_slot("created_at"), "channel", "state", -count(*), -sum("amount"), -sum(coalesce("fee", 0))
      FROM "changed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_slot_totals" WHERE ctid = ANY (emptied) AND "count" = 0 AND "amount" = 0 AND "fee" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
DELETE FROM "transaction_slot_totals" WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0;--> statement-breakpoint
CREATE INDEX "transaction_slot_totals_state_idx" ON "transaction_slot_totals" USING btree ("mode", "state", "slot");
--> statement-breakpoint
-- The overview's median time to pay, one channel at a time: the paid rows of a channel
-- and period in paid-time order, with their created time, from the index alone.
CREATE INDEX "transactions_mode_channel_paid_idx" ON "transactions" USING btree ("mode", "channel", "paid_at")
  INCLUDE ("created_at") WHERE "state" IN ('paid', 'settled');--> statement-breakpoint
-- The word-search document of db/queries/transaction-filter.ts (`searchDocument`), folded
-- to lower case: ILIKE in a UTF-8 database is lower(text) LIKE lower(pattern), so
-- `document LIKE lower(pattern)` finds exactly the rows `searchDocument ILIKE pattern` does.
CREATE FUNCTION "transaction_search_document"(title text, description text, customer_name text,
    customer_email text, customer_phone text, external_id text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(customer_name, '') || ' ' ||
               coalesce(customer_email, '') || ' ' || coalesce(customer_phone, '') || ' ' || coalesce(external_id, ''))
$$;--> statement-breakpoint
-- transaction_search follows every write to transactions in the same statement. Room is
-- left on each page so that a state change is a HOT update (the document and its
-- trigram entries do not move).
ALTER TABLE "transaction_search" SET (fillfactor = 90);--> statement-breakpoint
CREATE FUNCTION "search_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_search" ("id", "mode", "state", "amount", "fee", "document")
  SELECT "id", "mode", "state", "amount", "fee",
         transaction_search_document("title", "description", "customer_name", "customer_email", "customer_phone", "external_id")
    FROM "changed_rows";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "search_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "transaction_search" s
     SET "id" = n."id", "mode" = n."mode", "state" = n."state", "amount" = n."amount", "fee" = n."fee",
         "document" = transaction_search_document(n."title", n."description", n."customer_name", n."customer_email", n."customer_phone", n."external_id")
    FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
   WHERE s."id" = o."id"
     AND (n."mode", n."state", n."amount", n."fee", n."title", n."description", n."customer_name", n."customer_email", n."customer_phone", n."external_id")
         IS DISTINCT FROM
         (o."mode", o."state", o."amount", o."fee", o."title", o."description", o."customer_name", o."customer_email", o."customer_phone", o."external_id");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "search_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "transaction_search" s USING "changed_rows" o WHERE s."id" = o."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transactions_search_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_after_insert"();--> statement-breakpoint
CREATE TRIGGER "transactions_search_update" AFTER UPDATE ON "transactions"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_after_update"();--> statement-breakpoint
CREATE TRIGGER "transactions_search_delete" AFTER DELETE ON "transactions"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_after_delete"();--> statement-breakpoint
-- The rows that exist already, then their trigram index (generated above the triggers by
-- drizzle-kit; built here, after the rows, at once rather than row by row).
INSERT INTO "transaction_search" ("id", "mode", "state", "amount", "fee", "document")
SELECT "id", "mode", "state", "amount", "fee",
       transaction_search_document("title", "description", "customer_name", "customer_email", "customer_phone", "external_id")
  FROM "transactions";--> statement-breakpoint
CREATE INDEX "transaction_search_document_trgm_idx" ON "transaction_search" USING gin ("document" gin_trgm_ops);
