-- transaction_method_totals (0023) moves in the same statement as every write to
-- transactions, as transaction_slot_totals and transaction_payment_totals do (0013):
-- each statement's rows become signed moves (+1 for a new row, -1 for an old one), keys
-- are written in key order (writers of one mode meet them one at a time), a key whose
-- sums do not move is not written, and a key left with nothing is removed.
CREATE TYPE "method_move" AS ("sign" integer, "mode" "gateway_mode", "state" "transaction_state",
  "channel" "transaction_channel", "bank" text, "payment_channel" text, "amount" numeric, "fee" numeric);--> statement-breakpoint
CREATE FUNCTION "method_totals_write"("moves" "method_move"[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH "sums" AS (
    SELECT "mode", "state", "channel", "bank", "payment_channel",
           sum("sign") AS "count", sum("sign" * "amount") AS "amount", sum("sign" * coalesce("fee", 0)) AS "fee",
           sum(CASE WHEN "fee" IS NULL THEN "sign" ELSE 0 END) AS "unknown_fee_count",
           sum(CASE WHEN "fee" IS NULL THEN 0 ELSE "sign" * "amount" END) AS "known_fee_amount"
      FROM unnest("moves") GROUP BY 1, 2, 3, 4, 5
  ), "moved" AS (
    INSERT INTO "transaction_method_totals" AS s ("mode", "state", "channel", "bank", "payment_channel",
        "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
    SELECT * FROM "sums"
     WHERE "count" <> 0 OR "amount" <> 0 OR "fee" <> 0 OR "unknown_fee_count" <> 0 OR "known_fee_amount" <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("mode", "state", "channel", "bank", "payment_channel") DO UPDATE
      SET "count" = s."count" + excluded."count", "amount" = s."amount" + excluded."amount", "fee" = s."fee" + excluded."fee",
          "unknown_fee_count" = s."unknown_fee_count" + excluded."unknown_fee_count",
          "known_fee_amount" = s."known_fee_amount" + excluded."known_fee_amount"
    RETURNING s.ctid AS "at", s."count", s."amount", s."fee", s."unknown_fee_count", s."known_fee_amount")
  SELECT array_agg("at") FILTER (WHERE "count" = 0 AND "amount" = 0 AND "fee" = 0
                                   AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0) INTO emptied FROM "moved";
  IF emptied IS NOT NULL THEN
    DELETE FROM "transaction_method_totals" WHERE ctid = ANY (emptied)
       AND "count" = 0 AND "amount" = 0 AND "fee" = 0 AND "unknown_fee_count" = 0 AND "known_fee_amount" = 0;
  END IF;
END
$$;--> statement-breakpoint
-- A statement's moves: its new rows (insert, update) count +1, its old rows (update,
-- delete) -1. Each trigger names the transition tables its operation has.
CREATE FUNCTION "method_totals_after_write"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moves "method_move"[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    moves := moves || ARRAY(SELECT ROW(1, "mode", "state", "channel", "bank", "payment_channel", "amount", "fee")::"method_move"
                              FROM "method_new_rows");
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    moves := moves || ARRAY(SELECT ROW(-1, "mode", "state", "channel", "bank", "payment_channel", "amount", "fee")::"method_move"
                              FROM "method_old_rows");
  END IF;
  PERFORM method_totals_write(moves);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transactions_method_totals_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "method_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "method_totals_after_write"();--> statement-breakpoint
CREATE TRIGGER "transactions_method_totals_update" AFTER UPDATE ON "transactions"
  REFERENCING OLD TABLE AS "method_old_rows" NEW TABLE AS "method_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "method_totals_after_write"();--> statement-breakpoint
CREATE TRIGGER "transactions_method_totals_delete" AFTER DELETE ON "transactions"
  REFERENCING OLD TABLE AS "method_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "method_totals_after_write"();--> statement-breakpoint
-- The rows that exist already. Writes to transactions wait meanwhile: one that committed
-- between the count and the new triggers would be counted by neither.
LOCK TABLE "transactions" IN SHARE MODE;--> statement-breakpoint
INSERT INTO "transaction_method_totals" ("mode", "state", "channel", "bank", "payment_channel",
    "count", "amount", "fee", "unknown_fee_count", "known_fee_amount")
SELECT "mode", "state", "channel", "bank", "payment_channel", count(*), sum("amount"), sum(coalesce("fee", 0)),
       count(*) FILTER (WHERE "fee" IS NULL), coalesce(sum("amount") FILTER (WHERE "fee" IS NOT NULL), 0)
  FROM "transactions" GROUP BY 1, 2, 3, 4, 5;
