ALTER TYPE "public"."transaction_channel" ADD VALUE 'ewallet-other';--> statement-breakpoint
CREATE TABLE "callback_inbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"delivery_id" text,
	"body_hash" "bytea" NOT NULL,
	"headers" jsonb NOT NULL,
	"raw_body" "bytea" NOT NULL,
	"verified_with" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"outcome" "delivery_outcome",
	"delivery_row_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "callback_quarantine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivery_id" text,
	"headers" jsonb NOT NULL,
	"raw_body" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"released_at" timestamp with time zone,
	"inbox_id" uuid
);
--> statement-breakpoint
DROP INDEX "transactions_external_id_key";--> statement-breakpoint
DROP INDEX "transactions_purwantara_uuid_key";--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "bill_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_inbox_delivery_key" ON "callback_inbox" USING btree ("mode","delivery_id","body_hash") WHERE "callback_inbox"."delivery_id" is not null;--> statement-breakpoint
CREATE INDEX "callback_inbox_pending_idx" ON "callback_inbox" USING btree ("next_attempt_at","received_at") WHERE "callback_inbox"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "callback_inbox_received_at_idx" ON "callback_inbox" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "callback_quarantine_received_at_idx" ON "callback_quarantine" USING btree ("received_at");--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_bill_id_transactions_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_mode_external_id_key" ON "transactions" USING btree ("mode","external_id") WHERE "transactions"."bill_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_mode_purwantara_uuid_key" ON "transactions" USING btree ("mode","purwantara_uuid");--> statement-breakpoint
CREATE INDEX "transactions_bill_id_idx" ON "transactions" USING btree ("bill_id") WHERE "transactions"."bill_id" is not null;