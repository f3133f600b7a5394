CREATE TYPE "public"."refund_method" AS ENUM('bank_transfer', 'cash', 'ewallet', 'other');--> statement-breakpoint
CREATE TYPE "public"."refund_reason" AS ENUM('cancelled_order', 'paid_twice', 'wrong_amount', 'goods_returned', 'other');--> statement-breakpoint
CREATE TYPE "public"."refund_state" AS ENUM('requested', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"transaction_id" uuid NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"reason" "refund_reason" NOT NULL,
	"note" text,
	"method" "refund_method" NOT NULL,
	"bank" text,
	"account" text,
	"refunded_on" date NOT NULL,
	"state" "refund_state" DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_decider_not_requester" CHECK ("refunds"."decided_by" <> "refunds"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_transaction_id_idx" ON "refunds" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "refunds_requested_by_idx" ON "refunds" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "refunds_decided_by_idx" ON "refunds" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "refunds_mode_day_state_idx" ON "refunds" USING btree ("mode","refunded_on","state");