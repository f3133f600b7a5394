CREATE TYPE "public"."reconciliation_status" AS ENUM('awaiting_approval', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "reconciliation_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"day" date NOT NULL,
	"time_zone" "user_time_zone" NOT NULL,
	"status" "reconciliation_status" NOT NULL,
	"marked_by" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mark_note" text NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reconciliation_days" ADD CONSTRAINT "reconciliation_days_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_days" ADD CONSTRAINT "reconciliation_days_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_days_mode_day_key" ON "reconciliation_days" USING btree ("mode","day");--> statement-breakpoint
CREATE INDEX "reconciliation_days_marked_by_idx" ON "reconciliation_days" USING btree ("marked_by");--> statement-breakpoint
CREATE INDEX "reconciliation_days_reviewed_by_idx" ON "reconciliation_days" USING btree ("reviewed_by");--> statement-breakpoint
-- The overview and the settlement view (db/queries/overview.ts, settlement.ts) read paid and
-- settled figures per day and channel from these covering, partial indexes alone (index-only
-- scans once vacuumed), so a month at a million rows stays well under 200 ms.
CREATE INDEX "transactions_mode_paid_at_idx" ON "transactions" USING btree ("mode", "paid_at")
  INCLUDE ("state", "channel", "amount", "fee", "created_at", "bank", "payment_channel")
  WHERE "paid_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "transactions_mode_settled_at_idx" ON "transactions" USING btree ("mode", "settled_at")
  INCLUDE ("state", "channel", "amount", "fee")
  WHERE "settled_at" IS NOT NULL;--> statement-breakpoint
-- Success rate: created per channel and state over a period, without touching the heap.
CREATE INDEX "transactions_mode_created_at_state_idx" ON "transactions" USING btree ("mode", "created_at")
  INCLUDE ("state", "channel");--> statement-breakpoint
-- Open payments: the few active rows of a mode.
CREATE INDEX "transactions_mode_active_idx" ON "transactions" USING btree ("mode", "channel")
  INCLUDE ("amount") WHERE "state" = 'active';
--> statement-breakpoint
-- Paid and not settled yet (the overdue check): few rows, answered from this index alone.
CREATE INDEX "transactions_mode_unsettled_idx" ON "transactions" USING btree ("mode", "paid_at")
  INCLUDE ("channel", "amount") WHERE "state" = 'paid';
