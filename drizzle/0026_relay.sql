CREATE TYPE "public"."relay_delivery_state" AS ENUM('pending', 'sending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."relay_pause_reason" AS ENUM('admin', 'failing');--> statement-breakpoint
CREATE TABLE "relay_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "relay_deliveries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"endpoint_id" uuid NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"event_type" text NOT NULL,
	"event_key" text NOT NULL,
	"transaction_id" uuid,
	"payload" jsonb NOT NULL,
	"state" "relay_delivery_state" DEFAULT 'pending' NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"give_up_at" timestamp with time zone NOT NULL,
	"last_status" integer,
	"last_answer" text,
	"last_latency_ms" integer,
	"last_tried_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relay_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"secret_sealed" text NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_reason" "relay_pause_reason",
	"failing_since" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relay_deliveries" ADD CONSTRAINT "relay_deliveries_endpoint_id_relay_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."relay_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_deliveries" ADD CONSTRAINT "relay_deliveries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_endpoints" ADD CONSTRAINT "relay_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "relay_deliveries_event_key" ON "relay_deliveries" USING btree ("endpoint_id","event_key");--> statement-breakpoint
CREATE INDEX "relay_deliveries_endpoint_idx" ON "relay_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "relay_deliveries_order_idx" ON "relay_deliveries" USING btree ("endpoint_id","transaction_id","seq");--> statement-breakpoint
CREATE INDEX "relay_deliveries_transaction_idx" ON "relay_deliveries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "relay_deliveries_due_idx" ON "relay_deliveries" USING btree ("next_attempt_at") WHERE "relay_deliveries"."state" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "relay_endpoints_mode_idx" ON "relay_endpoints" USING btree ("mode","created_at");--> statement-breakpoint
CREATE INDEX "relay_endpoints_created_by_idx" ON "relay_endpoints" USING btree ("created_by");