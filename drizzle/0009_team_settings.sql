CREATE TYPE "public"."user_active_view" AS ENUM('test', 'live');--> statement-breakpoint
CREATE TABLE "gateway_settings" (
	"mode" "gateway_mode" PRIMARY KEY NOT NULL,
	"base_url" text,
	"token_sealed" text,
	"callback_secret_sealed" text,
	"previous_secret_sealed" text,
	"rotation_started_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" "user_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "merchant_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"business_name" text,
	"default_time_zone" "user_time_zone" DEFAULT 'Asia/Jakarta' NOT NULL,
	"settlement_delays" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"require_admin_two_factor" boolean DEFAULT false NOT NULL,
	"logo" "bytea",
	"logo_type" text,
	"logo_updated_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchant_settings_single_row" CHECK ("merchant_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "active_view" "user_active_view" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway_settings" ADD CONSTRAINT "gateway_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_settings" ADD CONSTRAINT "merchant_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_settings_updated_by_idx" ON "gateway_settings" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "invitations_accepted_user_id_idx" ON "invitations" USING btree ("accepted_user_id");--> statement-breakpoint
CREATE INDEX "invitations_revoked_by_idx" ON "invitations" USING btree ("revoked_by");--> statement-breakpoint
CREATE INDEX "invitations_created_at_idx" ON "invitations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "merchant_settings_updated_by_idx" ON "merchant_settings" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
-- The last active admin can never be disabled, demoted or deleted. The advisory lock
-- serialises every such change, and the count runs after it with a fresh snapshot
-- (READ COMMITTED), so two simultaneous demotions of two admins leave one admin.
CREATE FUNCTION "users_keep_an_active_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."role" = 'admin' AND OLD."disabled_at" IS NULL AND (
       TG_OP = 'DELETE' OR NEW."role" <> 'admin' OR NEW."disabled_at" IS NOT NULL) THEN
    PERFORM pg_advisory_xact_lock(hashtext('purwantara:active-admins'));
    IF NOT EXISTS (SELECT 1 FROM "users"
                    WHERE "role" = 'admin' AND "disabled_at" IS NULL AND "id" <> OLD."id") THEN
      RAISE EXCEPTION 'the last active admin cannot be disabled or demoted'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'users_last_active_admin';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_keep_an_active_admin" BEFORE UPDATE OF "role", "disabled_at" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_keep_an_active_admin"();
