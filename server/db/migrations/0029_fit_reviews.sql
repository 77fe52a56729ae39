CREATE TABLE "fit_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'program' NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"administration_id" uuid NOT NULL,
	"recommendation" text,
	"rationale" text DEFAULT '' NOT NULL,
	"recommended_by" uuid,
	"recommended_at" timestamp with time zone,
	"initiative_id" uuid,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fit_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"team_id" uuid,
	"instrument_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_review_id_fit_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."fit_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_administration_id_assessment_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."assessment_administrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_recommended_by_users_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_candidates" ADD CONSTRAINT "fit_candidates_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_instrument_id_assessment_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."assessment_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_version_id_assessment_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."assessment_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_reviews" ADD CONSTRAINT "fit_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fit_candidates_position_uq" ON "fit_candidates" USING btree ("review_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "fit_candidates_administration_uq" ON "fit_candidates" USING btree ("administration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fit_candidates_initiative_uq" ON "fit_candidates" USING btree ("initiative_id") WHERE initiative_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "fit_reviews_district_idx" ON "fit_reviews" USING btree ("district_id","created_at");--> statement-breakpoint
CREATE INDEX "fit_reviews_team_idx" ON "fit_reviews" USING btree ("team_id");--> statement-breakpoint
SELECT trellis_tenant_table('fit_reviews');
--> statement-breakpoint
SELECT trellis_tenant_table('fit_candidates');
