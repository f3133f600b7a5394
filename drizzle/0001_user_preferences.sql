CREATE TYPE "public"."user_locale" AS ENUM('id', 'en');--> statement-breakpoint
CREATE TYPE "public"."user_time_zone" AS ENUM('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "user_locale" DEFAULT 'id' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" "user_time_zone" DEFAULT 'Asia/Jakarta' NOT NULL;