-- Totals of a created-time window with a channel that the summary tables cannot answer
-- (a bank with an amount range, as in the list's combined filter) from this index alone:
-- the window's rows of that one channel (a third of them for virtual accounts), not every
-- row of the window from transactions_mode_created_at_cover_idx (0022). Same key as
-- before, so the list's pages that use it keep doing so; the rows' mode and money ride
-- along (INCLUDE, which drizzle cannot say: the schema declares the key only).
-- Built online (db/migrator.ts runs a CONCURRENTLY migration outside a transaction):
-- writes to transactions go on meanwhile. Between the drop and the build, the list's
-- channel windows read the created-time cover index (0022), as before 0025.
DROP INDEX CONCURRENTLY IF EXISTS "transactions_channel_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "transactions_channel_idx" ON "transactions" USING btree ("channel", "created_at")
  INCLUDE ("mode", "state", "amount", "fee", "bank", "payment_channel");
