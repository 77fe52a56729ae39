CREATE TABLE "action_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"problem" text NOT NULL,
	"source_kind" text DEFAULT 'manual' NOT NULL,
	"source_id" uuid,
	"root_causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"strategy" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"measure" text NOT NULL,
	"review_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"action_item_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"note" text NOT NULL,
	"meeting_id" uuid,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team_id" uuid NOT NULL,
	"initiative_id" uuid,
	"title" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "barriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"initiative_id" uuid NOT NULL,
	"item_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"description" text NOT NULL,
	"raised_by_person_id" uuid NOT NULL,
	"routed_team_id" uuid NOT NULL,
	"first_team_id" uuid NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_action_item_id_implementation_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."implementation_action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_reviews" ADD CONSTRAINT "action_plan_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_reviews" ADD CONSTRAINT "action_plan_reviews_item_id_action_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."action_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_reviews" ADD CONSTRAINT "action_plan_reviews_meeting_id_implementation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."implementation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_reviews" ADD CONSTRAINT "action_plan_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_raised_by_person_id_people_id_fk" FOREIGN KEY ("raised_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_routed_team_id_implementation_teams_id_fk" FOREIGN KEY ("routed_team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_first_team_id_implementation_teams_id_fk" FOREIGN KEY ("first_team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_items_plan_idx" ON "action_plan_items" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE INDEX "action_plan_items_review_idx" ON "action_plan_items" USING btree ("district_id","team_id","review_on");--> statement-breakpoint
CREATE INDEX "action_plan_items_owner_idx" ON "action_plan_items" USING btree ("owner_person_id","due_on");--> statement-breakpoint
CREATE INDEX "action_plan_reviews_item_idx" ON "action_plan_reviews" USING btree ("item_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "action_plan_reviews_meeting_idx" ON "action_plan_reviews" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_plans_team_idx" ON "action_plans" USING btree ("district_id","team_id");--> statement-breakpoint
CREATE INDEX "barriers_routed_idx" ON "barriers" USING btree ("district_id","routed_team_id","status");--> statement-breakpoint
CREATE INDEX "barriers_first_team_idx" ON "barriers" USING btree ("district_id","first_team_id");--> statement-breakpoint
CREATE INDEX "barriers_raiser_idx" ON "barriers" USING btree ("district_id","raised_by_person_id","created_at");--> statement-breakpoint
SELECT trellis_tenant_table('action_plans');
--> statement-breakpoint
SELECT trellis_tenant_table('action_plan_items');
--> statement-breakpoint
SELECT trellis_tenant_table('action_plan_reviews');
--> statement-breakpoint
SELECT trellis_tenant_table('barriers');
