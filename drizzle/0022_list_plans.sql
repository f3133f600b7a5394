-- Custom SQL migration file, put your code below! --
-- Totals of a created-time window that the summary tables cannot answer (a bank, an
-- amount range, as in the list's combined filters) from this index alone, the window's
-- newest rows side by side; it serves the overview's success rate as
-- transactions_mode_created_at_state_idx (0010) did, which it replaces.
DROP INDEX IF EXISTS "transactions_mode_created_at_state_idx";--> statement-breakpoint
CREATE INDEX "transactions_mode_created_at_cover_idx" ON "transactions" USING btree ("mode", "created_at")
  INCLUDE ("state", "channel", "amount", "fee", "bank", "payment_channel");--> statement-breakpoint
-- The list's bank= compares each spelling folded (`bankCondition`, db/queries/transaction-
-- filter.ts, the same expressions): statistics on the folded values let the planner count
-- the rows a bank matches. Without them it guesses 0.5 %, and a page of a windowed filter
-- with a bank reads a bitmap of every row above the minimum amount instead of the newest rows.
CREATE STATISTICS "transactions_payment_method_key_stats" ON
  (upper(regexp_replace("bank", '[^a-zA-Z0-9]', '', 'g'))),
  (upper(regexp_replace("payment_channel", '[^a-zA-Z0-9]', '', 'g')))
  FROM "transactions";
--> statement-breakpoint
-- The totals of an amount range (min=/max=) from the amount sort's index alone: amounts
-- lie in no order of time, so reading each row's state and fee from the table costs a
-- random page per row (20,000 rows, 640 ms at a million); carried in the index, none.
DROP INDEX IF EXISTS "transactions_mode_amount_id_idx";--> statement-breakpoint
CREATE INDEX "transactions_mode_amount_id_idx" ON "transactions" USING btree ("mode", "amount", "id")
  INCLUDE ("state", "fee");
