CREATE TYPE "public"."delivery_outcome" AS ENUM('applied', 'duplicate', 'stale', 'unmatched', 'rejected', 'error');--> statement-breakpoint
CREATE TYPE "public"."event_source" AS ENUM('api', 'webhook', 'sync', 'user');--> statement-breakpoint
CREATE TYPE "public"."gateway_mode" AS ENUM('local', 'sandbox', 'production');--> statement-breakpoint
CREATE TYPE "public"."transaction_channel" AS ENUM('virtual-account', 'qris', 'ewallet-ovo', 'ewallet-shopeepay', 'payment-link', 'counter');--> statement-breakpoint
CREATE TYPE "public"."transaction_state" AS ENUM('creating', 'failed_to_create', 'unconfirmed', 'active', 'paid', 'settled', 'expired', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'operator', 'finance');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"source" "event_source" NOT NULL,
	"from_state" "transaction_state",
	"to_state" "transaction_state" NOT NULL,
	"raw_status" text,
	"delivery_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"channel" "transaction_channel" NOT NULL,
	"bank" text,
	"payment_channel" text,
	"external_id" text,
	"purwantara_uuid" text,
	"idempotency_key" text,
	"title" text,
	"description" text,
	"amount" numeric(20, 4) NOT NULL,
	"fee" numeric(20, 4),
	"total" numeric(20, 4),
	"raw_status" text,
	"state" "transaction_state" NOT NULL,
	"customer_name" text,
	"customer_email" text,
	"customer_phone" text,
	"va_number" text,
	"qr_string" text,
	"payment_link_url" text,
	"checkout_url" text,
	"payment_code" text,
	"return_url" text,
	"expires_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"created_by" uuid,
	"last_response" jsonb,
	"error_code" text,
	"error_message" text,
	"error_fields" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"headers" jsonb NOT NULL,
	"raw_body" "bytea" NOT NULL,
	"signature_valid" boolean NOT NULL,
	"outcome" "delivery_outcome" NOT NULL,
	"reason" text,
	"purwantara_uuid" text,
	"raw_status" text,
	"transaction_id" uuid
);
--> statement-breakpoint
ALTER TABLE "transaction_events" ADD CONSTRAINT "transaction_events_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_events" ADD CONSTRAINT "transaction_events_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE INDEX "transaction_events_transaction_id_idx" ON "transaction_events" USING btree ("transaction_id","created_at");--> statement-breakpoint
CREATE INDEX "transaction_events_delivery_id_idx" ON "transaction_events" USING btree ("delivery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_external_id_key" ON "transactions" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_purwantara_uuid_key" ON "transactions" USING btree ("purwantara_uuid");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_idempotency_key" ON "transactions" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "transactions_mode_created_at_id_idx" ON "transactions" USING btree ("mode","created_at","id");--> statement-breakpoint
CREATE INDEX "transactions_state_idx" ON "transactions" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "transactions_channel_idx" ON "transactions" USING btree ("channel","created_at");--> statement-breakpoint
CREATE INDEX "transactions_created_by_idx" ON "transactions" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_processed_key" ON "webhook_deliveries" USING btree ("delivery_id") WHERE "webhook_deliveries"."outcome" in ('applied', 'stale', 'unmatched');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_transaction_id_idx" ON "webhook_deliveries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_outcome_idx" ON "webhook_deliveries" USING btree ("outcome","received_at");