ALTER TABLE "transaction_payment_totals" ADD COLUMN "unknown_fee_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_payment_totals" ADD COLUMN "known_fee_amount" numeric(24, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_slot_totals" ADD COLUMN "unknown_fee_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_slot_totals" ADD COLUMN "known_fee_amount" numeric(24, 4) DEFAULT '0' NOT NULL;