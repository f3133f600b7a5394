CREATE INDEX "transactions_mode_amount_id_idx" ON "transactions" USING btree ("mode","amount","id");--> statement-breakpoint
CREATE INDEX "transactions_mode_paid_at_idx" ON "transactions" USING btree ("mode","paid_at");--> statement-breakpoint
CREATE INDEX "transactions_mode_settled_at_idx" ON "transactions" USING btree ("mode","settled_at");--> statement-breakpoint
CREATE INDEX "transactions_va_number_idx" ON "transactions" USING btree ("va_number") WHERE "transactions"."va_number" is not null;--> statement-breakpoint
CREATE INDEX "transactions_payment_code_idx" ON "transactions" USING btree ("payment_code") WHERE "transactions"."payment_code" is not null;--> statement-breakpoint
CREATE INDEX "transactions_customer_phone_idx" ON "transactions" USING btree ("customer_phone") WHERE "transactions"."customer_phone" is not null;--> statement-breakpoint
-- Word search over title, description, customer name, email, phone and our reference:
-- one trigram index on the same expression db/queries/transaction-list.ts searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "transactions_search_trgm_idx" ON "transactions" USING gin (
  (coalesce("title", '') || ' ' || coalesce("description", '') || ' ' || coalesce("customer_name", '') || ' ' || coalesce("customer_email", '') || ' ' || coalesce("customer_phone", '') || ' ' || coalesce("external_id", '')) gin_trgm_ops
);--> statement-breakpoint
-- Sort by paid time, unpaid rows last in both directions: the keyset is one row comparison.
CREATE INDEX "transactions_mode_paid_desc_idx" ON "transactions" USING btree ("mode", (coalesce("paid_at", '-infinity'::timestamptz)), "id");--> statement-breakpoint
CREATE INDEX "transactions_mode_paid_asc_idx" ON "transactions" USING btree ("mode", (coalesce("paid_at", 'infinity'::timestamptz)), "id");
