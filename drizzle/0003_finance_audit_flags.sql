CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"mode" "gateway_mode",
	"target_type" text,
	"target_id" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_markers" (
	"mode" "gateway_mode" PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "mode" "gateway_mode";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "verified_with" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "replay_of" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_flags_idx" ON "transactions" USING gin ("flags") WHERE "transactions"."flags" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "webhook_deliveries_mode_received_at_idx" ON "webhook_deliveries" USING btree ("mode","received_at");--> statement-breakpoint
INSERT INTO "change_markers" ("mode") VALUES ('local'), ('sandbox'), ('production') ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The change marker moves in the same transaction as any write to a mode's transactions,
-- so "nothing changed since version N" is exact. Statement-level, so a bulk insert bumps once.
CREATE FUNCTION "bump_change_markers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "change_markers" SET "version" = "version" + 1, "changed_at" = now()
   WHERE "mode" IN (SELECT DISTINCT "mode" FROM "changed_rows");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transactions_change_marker_insert" AFTER INSERT ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_markers"();--> statement-breakpoint
CREATE TRIGGER "transactions_change_marker_update" AFTER UPDATE ON "transactions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_change_markers"();--> statement-breakpoint
-- The audit log is append-only: no update, delete or truncate, from the app or anyone using its role.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
