ALTER TYPE "public"."delivery_outcome" ADD VALUE 'needs_review';--> statement-breakpoint
ALTER TYPE "public"."delivery_outcome" ADD VALUE 'conflict';