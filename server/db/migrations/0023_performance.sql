CREATE TABLE "performance_completion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"plans" integer DEFAULT 0 NOT NULL,
	"self_assessed" integer DEFAULT 0 NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"reviewed" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"no_rubric" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_cycle_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"step_id" uuid,
	"rubric_id" uuid,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"school_year" text NOT NULL,
	"population" jsonb NOT NULL,
	"population_key" text NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rating_method" jsonb NOT NULL,
	"check_in_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"open_job_id" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"step_id" uuid,
	"cycle_rubric_id" uuid,
	"org_unit_id" uuid,
	"evaluator_person_id" uuid,
	"template" jsonb NOT NULL,
	"reflections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'self_assessment' NOT NULL,
	"self_assessed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"next_check_in_on" date,
	"review_summary" text DEFAULT '' NOT NULL,
	"overall_score" numeric,
	"overall_label" text,
	"person_reflection" text DEFAULT '' NOT NULL,
	"acknowledgment_response" text,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"held_on" date,
	"progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"person_notes" text DEFAULT '' NOT NULL,
	"evaluator_notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_focus_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shared_with_coach" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"metric" text DEFAULT '' NOT NULL,
	"baseline" text DEFAULT '' NOT NULL,
	"baseline_on" date,
	"target" text DEFAULT '' NOT NULL,
	"due_on" date,
	"evidence" text DEFAULT '' NOT NULL,
	"aligned_goal_id" uuid,
	"shared_with_coach" boolean DEFAULT false NOT NULL,
	"rating" text,
	"rating_comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"rater" text NOT NULL,
	"scale_level_id" uuid,
	"level_score" numeric,
	"comment" text DEFAULT '' NOT NULL,
	"evidence_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"signer" text NOT NULL,
	"signer_person_id" uuid NOT NULL,
	"typed_name" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_version" integer NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"step_id" uuid,
	"title" text NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_goals" integer DEFAULT 1 NOT NULL,
	"max_goals" integer DEFAULT 3 NOT NULL,
	"min_focus_areas" integer DEFAULT 1 NOT NULL,
	"max_focus_areas" integer DEFAULT 3 NOT NULL,
	"signature_blocks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_on_ones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"member_person_id" uuid NOT NULL,
	"meets_at" timestamp with time zone NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_goal_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"goal_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "team_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"level" text NOT NULL,
	"org_unit_id" uuid,
	"team_id" uuid,
	"school_year" text NOT NULL,
	"priority_id" uuid,
	"parent_goal_id" uuid,
	"title" text NOT NULL,
	"metric" text DEFAULT '' NOT NULL,
	"baseline" text DEFAULT '' NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"due_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"composition" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_self_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reflection_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"scale_level_id" uuid,
	"level_score" numeric,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"concern_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"check_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"outcome_note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"person_response" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionalism_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"raised_by_person_id" uuid NOT NULL,
	"expectation_id" uuid NOT NULL,
	"escalation_step_id" uuid,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"person_response" text,
	"responded_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionalism_expectations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "performance_completion" ADD CONSTRAINT "performance_completion_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_completion" ADD CONSTRAINT "performance_completion_cycle_id_performance_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."performance_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_completion" ADD CONSTRAINT "performance_completion_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycle_rubrics" ADD CONSTRAINT "performance_cycle_rubrics_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycle_rubrics" ADD CONSTRAINT "performance_cycle_rubrics_cycle_id_performance_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."performance_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycle_rubrics" ADD CONSTRAINT "performance_cycle_rubrics_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycle_rubrics" ADD CONSTRAINT "performance_cycle_rubrics_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycles" ADD CONSTRAINT "performance_cycles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_cycles" ADD CONSTRAINT "performance_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_cycle_id_performance_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."performance_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_cycle_rubric_id_performance_cycle_rubrics_id_fk" FOREIGN KEY ("cycle_rubric_id") REFERENCES "public"."performance_cycle_rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_plans" ADD CONSTRAINT "performance_plans_evaluator_person_id_people_id_fk" FOREIGN KEY ("evaluator_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_ins" ADD CONSTRAINT "plan_check_ins_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_ins" ADD CONSTRAINT "plan_check_ins_plan_id_performance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."performance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_areas" ADD CONSTRAINT "plan_focus_areas_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_areas" ADD CONSTRAINT "plan_focus_areas_plan_id_performance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."performance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_areas" ADD CONSTRAINT "plan_focus_areas_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_performance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."performance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_ratings" ADD CONSTRAINT "plan_ratings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_ratings" ADD CONSTRAINT "plan_ratings_plan_id_performance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."performance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_ratings" ADD CONSTRAINT "plan_ratings_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_ratings" ADD CONSTRAINT "plan_ratings_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_ratings" ADD CONSTRAINT "plan_ratings_rated_by_user_id_users_id_fk" FOREIGN KEY ("rated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_plan_id_performance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."performance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_signer_person_id_people_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_leader_person_id_people_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_member_person_id_people_id_fk" FOREIGN KEY ("member_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_priorities" ADD CONSTRAINT "school_priorities_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_priorities" ADD CONSTRAINT "school_priorities_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goal_check_ins" ADD CONSTRAINT "team_goal_check_ins_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goal_check_ins" ADD CONSTRAINT "team_goal_check_ins_goal_id_team_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."team_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goal_check_ins" ADD CONSTRAINT "team_goal_check_ins_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_priority_id_school_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."school_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_self_ratings" ADD CONSTRAINT "team_self_ratings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_self_ratings" ADD CONSTRAINT "team_self_ratings_reflection_id_team_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."team_reflections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_self_ratings" ADD CONSTRAINT "team_self_ratings_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_self_ratings" ADD CONSTRAINT "team_self_ratings_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_concern_id_professionalism_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."professionalism_concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_concerns" ADD CONSTRAINT "professionalism_concerns_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_concerns" ADD CONSTRAINT "professionalism_concerns_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_concerns" ADD CONSTRAINT "professionalism_concerns_raised_by_person_id_people_id_fk" FOREIGN KEY ("raised_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_concerns" ADD CONSTRAINT "professionalism_concerns_expectation_id_professionalism_expectations_id_fk" FOREIGN KEY ("expectation_id") REFERENCES "public"."professionalism_expectations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_concerns" ADD CONSTRAINT "professionalism_concerns_escalation_step_id_escalation_steps_id_fk" FOREIGN KEY ("escalation_step_id") REFERENCES "public"."escalation_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionalism_expectations" ADD CONSTRAINT "professionalism_expectations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_completion_uq" ON "performance_completion" USING btree ("cycle_id",coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "performance_cycle_rubrics_uq" ON "performance_cycle_rubrics" USING btree ("cycle_id","step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_cycles_population_uq" ON "performance_cycles" USING btree ("district_id","school_year","population_key");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_plans_uq" ON "performance_plans" USING btree ("cycle_id","person_id");--> statement-breakpoint
CREATE INDEX "performance_plans_person_idx" ON "performance_plans" USING btree ("district_id","person_id");--> statement-breakpoint
CREATE INDEX "performance_plans_evaluator_idx" ON "performance_plans" USING btree ("evaluator_person_id","cycle_id");--> statement-breakpoint
CREATE INDEX "performance_plans_school_idx" ON "performance_plans" USING btree ("cycle_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "plan_check_ins_plan_idx" ON "plan_check_ins" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE INDEX "plan_check_ins_due_idx" ON "plan_check_ins" USING btree ("district_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_focus_areas_uq" ON "plan_focus_areas" USING btree ("plan_id","item_id");--> statement-breakpoint
CREATE INDEX "plan_goals_plan_idx" ON "plan_goals" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_goals_aligned_idx" ON "plan_goals" USING btree ("aligned_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_ratings_uq" ON "plan_ratings" USING btree ("plan_id","item_id","rater");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_signatures_live_uq" ON "plan_signatures" USING btree ("plan_id","stage","signer") WHERE voided_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_templates_step_uq" ON "plan_templates" USING btree ("district_id",coalesce("step_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "one_on_ones_leader_idx" ON "one_on_ones" USING btree ("district_id","leader_person_id","meets_at");--> statement-breakpoint
CREATE INDEX "one_on_ones_member_idx" ON "one_on_ones" USING btree ("district_id","member_person_id","meets_at");--> statement-breakpoint
CREATE INDEX "school_priorities_school_idx" ON "school_priorities" USING btree ("district_id","org_unit_id","school_year","position");--> statement-breakpoint
CREATE INDEX "team_goal_check_ins_goal_idx" ON "team_goal_check_ins" USING btree ("goal_id","checked_on");--> statement-breakpoint
CREATE INDEX "team_goals_school_idx" ON "team_goals" USING btree ("district_id","org_unit_id","school_year");--> statement-breakpoint
CREATE INDEX "team_goals_team_idx" ON "team_goals" USING btree ("team_id","school_year");--> statement-breakpoint
CREATE INDEX "team_goals_parent_idx" ON "team_goals" USING btree ("parent_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_reflections_uq" ON "team_reflections" USING btree ("team_id","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "team_self_ratings_uq" ON "team_self_ratings" USING btree ("reflection_id","item_id");--> statement-breakpoint
CREATE INDEX "escalation_steps_idx" ON "escalation_steps" USING btree ("district_id","position");--> statement-breakpoint
CREATE INDEX "improvement_plans_person_idx" ON "improvement_plans" USING btree ("district_id","person_id","starts_on");--> statement-breakpoint
CREATE INDEX "professionalism_concerns_person_idx" ON "professionalism_concerns" USING btree ("district_id","person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "professionalism_expectations_idx" ON "professionalism_expectations" USING btree ("district_id","position");--> statement-breakpoint
SELECT trellis_tenant_table('performance_cycles');--> statement-breakpoint
SELECT trellis_tenant_table('performance_cycle_rubrics');--> statement-breakpoint
SELECT trellis_tenant_table('plan_templates');--> statement-breakpoint
SELECT trellis_tenant_table('performance_plans');--> statement-breakpoint
SELECT trellis_tenant_table('plan_ratings');--> statement-breakpoint
SELECT trellis_tenant_table('plan_goals');--> statement-breakpoint
SELECT trellis_tenant_table('plan_focus_areas');--> statement-breakpoint
SELECT trellis_tenant_table('plan_signatures');--> statement-breakpoint
SELECT trellis_tenant_table('plan_check_ins');--> statement-breakpoint
SELECT trellis_tenant_table('performance_completion');--> statement-breakpoint
SELECT trellis_tenant_table('school_priorities');--> statement-breakpoint
SELECT trellis_tenant_table('team_goals');--> statement-breakpoint
SELECT trellis_tenant_table('team_goal_check_ins');--> statement-breakpoint
SELECT trellis_tenant_table('team_reflections');--> statement-breakpoint
SELECT trellis_tenant_table('team_self_ratings');--> statement-breakpoint
SELECT trellis_tenant_table('one_on_ones');--> statement-breakpoint
SELECT trellis_tenant_table('professionalism_expectations');--> statement-breakpoint
SELECT trellis_tenant_table('escalation_steps');--> statement-breakpoint
SELECT trellis_tenant_table('professionalism_concerns');--> statement-breakpoint
SELECT trellis_tenant_table('improvement_plans');
