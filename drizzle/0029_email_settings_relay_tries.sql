CREATE TYPE "public"."smtp_tls_mode" AS ENUM('implicit', 'starttls', 'none');--> statement-breakpoint
CREATE TABLE "relay_tries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" integer,
	"answer" text NOT NULL,
	"latency_ms" integer
);
--> statement-breakpoint
CREATE TABLE "smtp_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"tls" "smtp_tls_mode" NOT NULL,
	"username" text,
	"password_sealed" text,
	"from_name" text,
	"from_address" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smtp_settings_single_row" CHECK ("smtp_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "relay_endpoints" ADD COLUMN "previous_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "relay_endpoints" ADD COLUMN "previous_secret_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relay_tries" ADD CONSTRAINT "relay_tries_delivery_id_relay_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."relay_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smtp_settings" ADD CONSTRAINT "smtp_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relay_tries_delivery_idx" ON "relay_tries" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "smtp_settings_updated_by_idx" ON "smtp_settings" USING btree ("updated_by");