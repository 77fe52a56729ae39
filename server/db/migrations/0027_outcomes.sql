CREATE TABLE "dashboard_initiative_summaries" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"figures" jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_measures" (
	"district_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "initiative_measures_initiative_id_measure_id_pk" PRIMARY KEY("initiative_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "outcome_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"min_count" integer DEFAULT 10 NOT NULL,
	"per_teacher_allowed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_settings_min_count_ck" CHECK ("outcome_settings"."min_count" >= 5)
);
--> statement-breakpoint
CREATE TABLE "outcome_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"measure_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"person_id" uuid,
	"value" numeric NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "outcome_values_cell_uq" UNIQUE NULLS NOT DISTINCT("measure_id","period_id","org_unit_id","person_id"),
	CONSTRAINT "outcome_values_count_ck" CHECK ("outcome_values"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dashboard_initiative_summaries" ADD CONSTRAINT "dashboard_initiative_summaries_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_initiative_summaries" ADD CONSTRAINT "dashboard_initiative_summaries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_measures" ADD CONSTRAINT "initiative_measures_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_measures" ADD CONSTRAINT "initiative_measures_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_measures" ADD CONSTRAINT "initiative_measures_measure_id_outcome_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."outcome_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_periods" ADD CONSTRAINT "outcome_periods_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_settings" ADD CONSTRAINT "outcome_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_measure_id_outcome_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."outcome_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_period_id_outcome_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."outcome_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_measures_measure_idx" ON "initiative_measures" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_measures_key_uq" ON "outcome_measures" USING btree ("district_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_periods_label_uq" ON "outcome_periods" USING btree ("district_id","label");--> statement-breakpoint
CREATE INDEX "outcome_values_school_idx" ON "outcome_values" USING btree ("district_id","org_unit_id","measure_id");--> statement-breakpoint
SELECT trellis_tenant_table('outcome_settings');
--> statement-breakpoint
SELECT trellis_tenant_table('outcome_measures');
--> statement-breakpoint
SELECT trellis_tenant_table('outcome_periods');
--> statement-breakpoint
SELECT trellis_tenant_table('outcome_values');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_measures');
--> statement-breakpoint
SELECT trellis_tenant_table('dashboard_initiative_summaries');
