ALTER TABLE "district_settings" ADD COLUMN "digest_hour" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "district_settings" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "due_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_reminder_uq" ON "notifications" USING btree ("district_id","person_id","kind","entity_id","due_on") WHERE "notifications"."due_on" is not null;