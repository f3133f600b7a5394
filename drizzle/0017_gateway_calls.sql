CREATE TABLE "gateway_calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gateway_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mode" "gateway_mode" NOT NULL,
	"called_at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"endpoint" text NOT NULL,
	"path" text NOT NULL,
	"http_status" integer,
	"outcome" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"trigger" text NOT NULL,
	"transaction_id" uuid,
	"request" jsonb,
	"response" jsonb
);
--> statement-breakpoint
ALTER TABLE "gateway_calls" ADD CONSTRAINT "gateway_calls_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_calls_called_at_idx" ON "gateway_calls" USING btree ("called_at");--> statement-breakpoint
CREATE INDEX "gateway_calls_transaction_id_idx" ON "gateway_calls" USING btree ("transaction_id","called_at");--> statement-breakpoint
CREATE INDEX "gateway_calls_endpoint_idx" ON "gateway_calls" USING btree ("endpoint","called_at");--> statement-breakpoint
CREATE INDEX "gateway_calls_outcome_idx" ON "gateway_calls" USING btree ("outcome","called_at");