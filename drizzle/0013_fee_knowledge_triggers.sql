-- A fee Purwantara has not reported yet (fee IS NULL) is unknown, not zero: the summary
-- tables count such payments in "unknown_fee_count" and sum the amounts of the others in
-- "known_fee_amount" (0012), so totals can say how many fees are unknown and give net over
-- the known part. The triggers of 0008 and 0010 are replaced by ones that keep both. Each
-- statement's rows become signed moves (+1 for a new row, -1 for an old one); a key whose
-- sums do not move is not written, and a key left with nothing is removed, as before.
CREATE OR REPLACE FUNCTION "slot_totals_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee",
      "unknown_fee_count", "known_fee_amount")
  SELECT "mode", totals_slot("created_at"), "channel", "state", count(*), sum("amount"), sum(coalesce("fee", 0)),
         count(*) FILTER (WHERE "fee" IS NULL), coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
    FROM "changed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
        "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
        "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "slot_totals_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH "moves" AS (
    SELECT 1 AS "sign", "mode", "created_at", "channel", "state", "amount", "fee" FROM "new_rows"
    UNION ALL
    SELECT -1, "mode", "created_at", "channel", "state", "amount", "fee" FROM "old_rows"
  ), "sums" AS (
    SELECT "mode", totals_slot("created_at") AS "slot", "channel", "state",
           sum("sign") AS "count", sum("sign" * "amount") AS "amount", sum("sign" * coalesce("fee", 0)) AS "fee",
           sum(CASE WHEN "fee" IS NULL THEN "sign" ELSE 0 END) AS "unknown_fee_count",
           sum(CASE WHEN "fee" IS NULL THEN 0 ELSE "sign" * "amount" END) AS "known_fee_amount"
      FROM "moves" GROUP BY 1, 2, 3, 4
  ), "moved" AS (
    INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee",
        "unknown_fee_count", "known_fee_amount")
    SELECT * FROM "sums"
     WHERE "count" <> 0 OR "amount" <> 0 OR "fee" <> 0 OR "unknown_fee_count" <> 0 OR "known_fee_amount" <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
          "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
          "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee", s."unknown_fee_count", s."known_fee_amount")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0
                                   AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0) INTO emptied FROM "moved";
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_slot_totals" WHERE ctid = ANY (emptied)
       AND "count" = 0 AND "amount" = 0 AND "fee" = 0 AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "slot_totals_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH "moved" AS (
    INSERT INTO "transaction_slot_totals" AS s ("mode", "slot", "channel", "state", "count", "amount", "fee",
        "unknown_fee_count", "known_fee_amount")
    SELECT "mode", totals_slot("created_at"), "channel", "state", -count(*), -sum("amount"), -sum(coalesce("fee", 0)),
           -count(*) FILTER (WHERE "fee" IS NULL), -coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
      FROM "changed_rows" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("mode", "slot", "channel", "state") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
          "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
          "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee", s."unknown_fee_count", s."known_fee_amount")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0
                                   AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0) INTO emptied FROM "moved";
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_slot_totals" WHERE ctid = ANY (emptied)
       AND "count" = 0 AND "amount" = 0 AND "fee" = 0 AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- transaction_payment_totals: a row counts under 'paid' in the slot of its paid time when
-- it has one, and under 'settled' in the slot of its settled time when it has one.
CREATE OR REPLACE FUNCTION "payment_totals_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH "keyed" AS (
    SELECT 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", r.* FROM "changed_rows" r WHERE "paid_at" IS NOT NULL
    UNION ALL
    SELECT 'settled', totals_slot("settled_at"), r.* FROM "changed_rows" r WHERE "settled_at" IS NOT NULL
  )
  INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
      "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
  SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
         count(*), sum("amount"), sum(coalesce("fee", 0)),
         count(*) FILTER (WHERE "fee" IS NULL), coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
    FROM "keyed" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
    SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
        "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
        "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "payment_totals_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH "moves" AS (
    SELECT 1 AS "sign", "mode", "state", "channel", "bank", "payment_channel", "paid_at", "settled_at", "amount", "fee" FROM "new_rows"
    UNION ALL
    SELECT -1, "mode", "state", "channel", "bank", "payment_channel", "paid_at", "settled_at", "amount", "fee" FROM "old_rows"
  ), "keyed" AS (
    SELECT 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", m.* FROM "moves" m WHERE "paid_at" IS NOT NULL
    UNION ALL
    SELECT 'settled', totals_slot("settled_at"), m.* FROM "moves" m WHERE "settled_at" IS NOT NULL
  ), "sums" AS (
    SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
           sum("sign") AS "count", sum("sign" * "amount") AS "amount", sum("sign" * coalesce("fee", 0)) AS "fee",
           sum(CASE WHEN "fee" IS NULL THEN "sign" ELSE 0 END) AS "unknown_fee_count",
           sum(CASE WHEN "fee" IS NULL THEN 0 ELSE "sign" * "amount" END) AS "known_fee_amount"
      FROM "keyed" GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), "moved" AS (
    INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
        "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
    SELECT * FROM "sums"
     WHERE "count" <> 0 OR "amount" <> 0 OR "fee" <> 0 OR "unknown_fee_count" <> 0 OR "known_fee_amount" <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
          "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
          "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee", s."unknown_fee_count", s."known_fee_amount")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0
                                   AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0) INTO emptied FROM "moved";
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_payment_totals" WHERE ctid = ANY (emptied)
       AND "count" = 0 AND "amount" = 0 AND "fee" = 0 AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "payment_totals_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH "keyed" AS (
    SELECT 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", r.* FROM "changed_rows" r WHERE "paid_at" IS NOT NULL
    UNION ALL
    SELECT 'settled', totals_slot("settled_at"), r.* FROM "changed_rows" r WHERE "settled_at" IS NOT NULL
  ), "moved" AS (
    INSERT INTO "transaction_payment_totals" AS s ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
        "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
    SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
           -count(*), -sum("amount"), -sum(coalesce("fee", 0)),
           -count(*) FILTER (WHERE "fee" IS NULL), -coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
      FROM "keyed" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
          "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
          "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee", s."unknown_fee_count", s."known_fee_amount")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0
                                   AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0) INTO emptied FROM "moved";
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_payment_totals" WHERE ctid = ANY (emptied)
       AND "count" = 0 AND "amount" = 0 AND "fee" = 0 AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The rows that exist already, counted again with their fees' knowledge. Writes to
-- transactions wait meanwhile: one that committed between the recount and the new
-- triggers would be counted by neither.
LOCK TABLE "transactions" IN SHARE MODE;--> statement-breakpoint
DELETE FROM "transaction_slot_totals";--> statement-breakpoint
INSERT INTO "transaction_slot_totals" ("mode", "slot", "channel", "state", "count", "amount", "fee",
    "unknown_fee_count", "known_fee_amount")
SELECT "mode", totals_slot("created_at"), "channel", "state", count(*), sum("amount"), sum(coalesce("fee", 0)),
       count(*) FILTER (WHERE "fee" IS NULL), coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
  FROM "transactions" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DELETE FROM "transaction_payment_totals";--> statement-breakpoint
INSERT INTO "transaction_payment_totals" ("mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
    "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
SELECT "mode", "basis", "slot", "state", "channel", "bank", "payment_channel",
       count(*), sum("amount"), sum(coalesce("fee", 0)),
       count(*) FILTER (WHERE "fee" IS NULL), coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
  FROM (SELECT 'paid'::totals_basis AS "basis", totals_slot("paid_at") AS "slot", t.* FROM "transactions" t WHERE "paid_at" IS NOT NULL
        UNION ALL
        SELECT 'settled', totals_slot("settled_at"), t.* FROM "transactions" t WHERE "settled_at" IS NOT NULL) k
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
