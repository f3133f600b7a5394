CREATE TABLE "callback_rejection_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"method" text NOT NULL,
	"headers" jsonb NOT NULL,
	"body_start" "bytea" NOT NULL,
	"body_bytes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_rejections" (
	"minute" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_rejections_minute_reason_pk" PRIMARY KEY("minute","reason")
);
--> statement-breakpoint
DROP INDEX "webhook_deliveries_processed_key";--> statement-breakpoint
CREATE INDEX "callback_rejection_samples_reason_at_idx" ON "callback_rejection_samples" USING btree ("reason","at");--> statement-breakpoint
-- Hand-written, before the new unique index. A delivery id is handled once per mode
-- when its outcome is one of these; compared as text, because migrations run in one
-- transaction with 0002, whose new enum values cannot be named there.
CREATE FUNCTION "delivery_is_handled"("outcome" "delivery_outcome") RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT "outcome"::text IN ('applied', 'stale', 'unmatched', 'needs_review') $$;--> statement-breakpoint
-- Signed deliveries stored before 0003 have no mode: their transaction's mode is theirs.
UPDATE "webhook_deliveries" AS d SET "mode" = t."mode" FROM "transactions" AS t
 WHERE d."mode" IS NULL AND d."signature_valid" AND d."transaction_id" = t."id";--> statement-breakpoint
-- A second held copy of one delivery id (possible only through the old error path)
-- becomes the duplicate it was.
UPDATE "webhook_deliveries" AS d SET "outcome" = 'duplicate',
       "reason" = concat_ws('; ', d."reason", 'marked duplicate by migration 0005 (an earlier copy was handled)')
 WHERE delivery_is_handled(d."outcome") AND d."delivery_id" IS NOT NULL AND d."replay_of" IS NULL
   AND EXISTS (SELECT 1 FROM "webhook_deliveries" AS e
                WHERE e."delivery_id" = d."delivery_id" AND e."mode" IS NOT DISTINCT FROM d."mode"
                  AND delivery_is_handled(e."outcome") AND e."replay_of" IS NULL
                  AND (e."received_at", e."id") < (d."received_at", d."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_handled_key" ON "webhook_deliveries" USING btree ("mode","delivery_id") WHERE delivery_is_handled("webhook_deliveries"."outcome") and "webhook_deliveries"."replay_of" is null;