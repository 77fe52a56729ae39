CREATE TABLE "record_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"subject_person_id" uuid NOT NULL,
	"reader_user_id" uuid NOT NULL,
	"reader_person_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"window" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_reads" ADD CONSTRAINT "record_reads_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reads" ADD CONSTRAINT "record_reads_subject_person_id_people_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reads" ADD CONSTRAINT "record_reads_reader_user_id_users_id_fk" FOREIGN KEY ("reader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reads" ADD CONSTRAINT "record_reads_reader_person_id_people_id_fk" FOREIGN KEY ("reader_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "record_reads_once_idx" ON "record_reads" USING btree ("reader_user_id","entity_type","entity_id","subject_person_id","window");--> statement-breakpoint
CREATE INDEX "record_reads_subject_idx" ON "record_reads" USING btree ("district_id","subject_person_id","at","id");