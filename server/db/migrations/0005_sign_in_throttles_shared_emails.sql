CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" double precision NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sign_in_failures" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "sign_in_failures" CASCADE;--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
CREATE INDEX "sign_in_throttles_last_idx" ON "sign_in_throttles" USING btree ("last_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_password_uq" ON "users" USING btree ("email") WHERE password_hash is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_district_email_uq" ON "users" USING btree ("district_id","email");