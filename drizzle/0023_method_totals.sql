CREATE TABLE "transaction_method_totals" (
	"mode" "gateway_mode" NOT NULL,
	"state" "transaction_state" NOT NULL,
	"channel" "transaction_channel" NOT NULL,
	"bank" text,
	"payment_channel" text,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"fee" numeric(24, 4) DEFAULT '0' NOT NULL,
	"unknown_fee_count" bigint DEFAULT 0 NOT NULL,
	"known_fee_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "transaction_method_totals_key" UNIQUE NULLS NOT DISTINCT("mode","state","channel","bank","payment_channel")
);
