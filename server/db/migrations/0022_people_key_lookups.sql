CREATE INDEX "people_district_email_lower_idx" ON "people" USING btree ("district_id",lower("email"));--> statement-breakpoint
CREATE INDEX "people_district_identifier_lower_idx" ON "people" USING btree ("district_id",lower("identifier"));--> statement-breakpoint
CREATE INDEX "people_district_sourced_id_lower_idx" ON "people" USING btree ("district_id",lower("sourced_id"));