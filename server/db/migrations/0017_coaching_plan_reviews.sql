CREATE TABLE "coaching_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"planned_sessions" numeric(6, 1) NOT NULL,
	"delivered_sessions" integer NOT NULL,
	"followed" text NOT NULL,
	"data_notes" text DEFAULT '' NOT NULL,
	"decision" text NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"acknowledged_by_person_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"coachee_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coaching_plan_reviews" ADD CONSTRAINT "coaching_plan_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_reviews" ADD CONSTRAINT "coaching_plan_reviews_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_reviews" ADD CONSTRAINT "coaching_plan_reviews_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_reviews" ADD CONSTRAINT "coaching_plan_reviews_acknowledged_by_person_id_people_id_fk" FOREIGN KEY ("acknowledged_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plan_reviews_uq" ON "coaching_plan_reviews" USING btree ("plan_id","review_date");--> statement-breakpoint
CREATE INDEX "coaching_plan_reviews_district_idx" ON "coaching_plan_reviews" USING btree ("district_id","plan_id");--> statement-breakpoint
-- Row-level security: a district reads and writes only its own rows (0010_row_level_security).
SELECT trellis_tenant_table('coaching_plan_reviews');