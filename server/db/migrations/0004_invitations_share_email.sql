ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_password_uq" ON "users" USING btree ("email") WHERE password_hash is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_district_email_uq" ON "users" USING btree ("district_id","email");