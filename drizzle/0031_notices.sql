ALTER TYPE "public"."email_template" ADD VALUE 'notice';--> statement-breakpoint
ALTER TYPE "public"."email_template" ADD VALUE 'notice_digest';--> statement-breakpoint
ALTER TYPE "public"."email_template" ADD VALUE 'daily_recap';--> statement-breakpoint
ALTER TYPE "public"."email_template" ADD VALUE 'monthly_statement';--> statement-breakpoint
ALTER TYPE "public"."email_template" ADD VALUE 'receipt';--> statement-breakpoint
CREATE TABLE "notice_cursors" (
	"source" text PRIMARY KEY NOT NULL,
	"scanned_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_digest_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" "gateway_mode",
	"kind" text NOT NULL,
	"event_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"digested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notice_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"preferences" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "merchant_settings" ADD COLUMN "email_receipts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "merchant_settings" ADD COLUMN "receipt_locale" "user_locale" DEFAULT 'id' NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "email_receipt" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notice_digest_items" ADD CONSTRAINT "notice_digest_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_digest_items_event_key" ON "notice_digest_items" USING btree ("user_id","event_key");--> statement-breakpoint
CREATE INDEX "notice_digest_items_waiting_idx" ON "notice_digest_items" USING btree ("user_id","created_at") WHERE "notice_digest_items"."digested_at" is null;--> statement-breakpoint
CREATE INDEX "transaction_events_notice_idx" ON "transaction_events" USING btree ("created_at") WHERE "transaction_events"."to_state" in ('paid', 'expired');