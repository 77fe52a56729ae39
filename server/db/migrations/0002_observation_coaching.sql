CREATE TABLE "district_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"scored_observations_per_term" integer DEFAULT 2 NOT NULL,
	"feedback_within_school_days" integer DEFAULT 2 NOT NULL,
	"observation_framework_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_school_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"school_year" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"noted_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"item_id" uuid
);
--> statement-breakpoint
CREATE TABLE "observation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"observation_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"scale_level_id" uuid NOT NULL,
	"level_score" numeric,
	"comment" text,
	"cited_note_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"look_fors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_duration_minutes" integer,
	"counts_toward_requirement" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"observed_person_id" uuid NOT NULL,
	"observer_person_id" uuid NOT NULL,
	"co_observer_person_id" uuid,
	"org_unit_id" uuid,
	"rubric_id" uuid,
	"scale_id" uuid,
	"observed_on" date NOT NULL,
	"scheduled_at" timestamp with time zone,
	"duration_minutes" integer,
	"class_label" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"glows" text DEFAULT '' NOT NULL,
	"grows" text DEFAULT '' NOT NULL,
	"look_for_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"feedback_due_on" date,
	"feedback_meeting_at" timestamp with time zone,
	"feedback_held_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_revision" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "action_step_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action_step_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"result" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "action_step_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"item_id" uuid,
	"title" text NOT NULL,
	"practice_prompt" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"observation_id" uuid,
	"library_step_id" uuid,
	"item_id" uuid,
	"title" text NOT NULL,
	"practice_prompt" text,
	"due_on" date,
	"status" text DEFAULT 'assigned' NOT NULL,
	"mastered_at" timestamp with time zone,
	"created_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid,
	"coach_person_id" uuid NOT NULL,
	"coachee_person_id" uuid NOT NULL,
	"focus_item_id" uuid,
	"phase" text DEFAULT 'identify' NOT NULL,
	"goal" text NOT NULL,
	"outcome" text,
	"started_on" date NOT NULL,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_log_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"log_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"helpfulness" integer,
	"rated_at" timestamp with time zone,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coaching_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"coach_person_id" uuid NOT NULL,
	"plan_id" uuid,
	"cycle_id" uuid,
	"status" text DEFAULT 'held' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"focus_item_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_plan_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"coach_person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"focus_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"focus_components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"session_minutes" integer,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_latest" (
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"observation_id" uuid NOT NULL,
	"scale_level_id" uuid,
	"level_score" numeric,
	"proficient" boolean NOT NULL,
	"observed_on" date NOT NULL,
	CONSTRAINT "competency_latest_person_id_item_id_purpose_pk" PRIMARY KEY("person_id","item_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "school_tracker_summary" (
	"org_unit_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"teacher_count" integer DEFAULT 0 NOT NULL,
	"observed_this_term" integer DEFAULT 0 NOT NULL,
	"scored_observations_this_term" integer DEFAULT 0 NOT NULL,
	"missing_observations" integer DEFAULT 0 NOT NULL,
	"overdue_feedback" integer DEFAULT 0 NOT NULL,
	"open_action_steps" integer DEFAULT 0 NOT NULL,
	"coaching_sessions_this_term" integer DEFAULT 0 NOT NULL,
	"below_proficient" integer DEFAULT 0 NOT NULL,
	"competencies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"term_id" uuid,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_settings" ADD CONSTRAINT "district_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_settings" ADD CONSTRAINT "district_settings_observation_framework_id_frameworks_id_fk" FOREIGN KEY ("observation_framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_school_days" ADD CONSTRAINT "non_school_days_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_terms" ADD CONSTRAINT "school_terms_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_replies" ADD CONSTRAINT "observation_replies_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_scores" ADD CONSTRAINT "observation_scores_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_scores" ADD CONSTRAINT "observation_scores_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_scores" ADD CONSTRAINT "observation_scores_criterion_id_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_scores" ADD CONSTRAINT "observation_scores_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_scores" ADD CONSTRAINT "observation_scores_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_types" ADD CONSTRAINT "observation_types_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_type_id_observation_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."observation_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_observed_person_id_people_id_fk" FOREIGN KEY ("observed_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_observer_person_id_people_id_fk" FOREIGN KEY ("observer_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_co_observer_person_id_people_id_fk" FOREIGN KEY ("co_observer_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_scale_id_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_step_checks" ADD CONSTRAINT "action_step_checks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_step_checks" ADD CONSTRAINT "action_step_checks_action_step_id_action_steps_id_fk" FOREIGN KEY ("action_step_id") REFERENCES "public"."action_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_step_checks" ADD CONSTRAINT "action_step_checks_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_step_library" ADD CONSTRAINT "action_step_library_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_step_library" ADD CONSTRAINT "action_step_library_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_library_step_id_action_step_library_id_fk" FOREIGN KEY ("library_step_id") REFERENCES "public"."action_step_library"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_cycles" ADD CONSTRAINT "coaching_cycles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_cycles" ADD CONSTRAINT "coaching_cycles_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_cycles" ADD CONSTRAINT "coaching_cycles_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_cycles" ADD CONSTRAINT "coaching_cycles_coachee_person_id_people_id_fk" FOREIGN KEY ("coachee_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_cycles" ADD CONSTRAINT "coaching_cycles_focus_item_id_framework_items_id_fk" FOREIGN KEY ("focus_item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_log_attendees" ADD CONSTRAINT "coaching_log_attendees_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_log_attendees" ADD CONSTRAINT "coaching_log_attendees_log_id_coaching_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."coaching_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_log_attendees" ADD CONSTRAINT "coaching_log_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_logs" ADD CONSTRAINT "coaching_logs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_logs" ADD CONSTRAINT "coaching_logs_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_logs" ADD CONSTRAINT "coaching_logs_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_logs" ADD CONSTRAINT "coaching_logs_cycle_id_coaching_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."coaching_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_logs" ADD CONSTRAINT "coaching_logs_focus_item_id_framework_items_id_fk" FOREIGN KEY ("focus_item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_members" ADD CONSTRAINT "coaching_plan_members_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_members" ADD CONSTRAINT "coaching_plan_members_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_members" ADD CONSTRAINT "coaching_plan_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_latest" ADD CONSTRAINT "competency_latest_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_latest" ADD CONSTRAINT "competency_latest_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_latest" ADD CONSTRAINT "competency_latest_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_latest" ADD CONSTRAINT "competency_latest_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_latest" ADD CONSTRAINT "competency_latest_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_tracker_summary" ADD CONSTRAINT "school_tracker_summary_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_tracker_summary" ADD CONSTRAINT "school_tracker_summary_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "non_school_days_uq" ON "non_school_days" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "school_terms_district_idx" ON "school_terms" USING btree ("district_id","starts_on");--> statement-breakpoint
CREATE INDEX "observation_notes_obs_idx" ON "observation_notes" USING btree ("observation_id","position");--> statement-breakpoint
CREATE INDEX "observation_replies_obs_idx" ON "observation_replies" USING btree ("observation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_revisions_uq" ON "observation_revisions" USING btree ("observation_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_scores_uq" ON "observation_scores" USING btree ("observation_id","criterion_id");--> statement-breakpoint
CREATE INDEX "observation_types_district_idx" ON "observation_types" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "observations_observed_idx" ON "observations" USING btree ("district_id","observed_person_id","observed_on");--> statement-breakpoint
CREATE INDEX "observations_observer_idx" ON "observations" USING btree ("district_id","observer_person_id","status");--> statement-breakpoint
CREATE INDEX "observations_school_idx" ON "observations" USING btree ("district_id","org_unit_id","observed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "action_step_checks_uq" ON "action_step_checks" USING btree ("action_step_id","observation_id");--> statement-breakpoint
CREATE INDEX "action_step_library_item_idx" ON "action_step_library" USING btree ("district_id","item_id");--> statement-breakpoint
CREATE INDEX "action_steps_person_idx" ON "action_steps" USING btree ("district_id","person_id","status");--> statement-breakpoint
CREATE INDEX "action_steps_observation_idx" ON "action_steps" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "coaching_cycles_coach_idx" ON "coaching_cycles" USING btree ("district_id","coach_person_id");--> statement-breakpoint
CREATE INDEX "coaching_cycles_coachee_idx" ON "coaching_cycles" USING btree ("district_id","coachee_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_log_attendees_uq" ON "coaching_log_attendees" USING btree ("log_id","person_id");--> statement-breakpoint
CREATE INDEX "coaching_log_attendees_person_idx" ON "coaching_log_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "coaching_logs_coach_idx" ON "coaching_logs" USING btree ("district_id","coach_person_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_logs_plan_idx" ON "coaching_logs" USING btree ("plan_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_logs_cycle_idx" ON "coaching_logs" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plan_members_uq" ON "coaching_plan_members" USING btree ("plan_id","person_id");--> statement-breakpoint
CREATE INDEX "coaching_plan_members_person_idx" ON "coaching_plan_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "coaching_plans_coach_idx" ON "coaching_plans" USING btree ("district_id","coach_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_uq" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("district_id","person_id","created_at");--> statement-breakpoint
CREATE FUNCTION observation_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'observation revisions are append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER observation_revisions_append_only BEFORE UPDATE OR DELETE ON observation_revisions
  FOR EACH ROW EXECUTE FUNCTION observation_revisions_append_only();
