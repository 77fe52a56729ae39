CREATE TABLE "initiative_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"source" text NOT NULL,
	"amount" numeric NOT NULL,
	"starts_on" date,
	"spend_by" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"wave_id" uuid
);
--> statement-breakpoint
CREATE TABLE "initiative_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"profile_version_id" uuid,
	"fidelity_rubric_id" uuid,
	"covered_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partner_name" text,
	"fidelity_threshold_pct" integer DEFAULT 80 NOT NULL,
	"full_implementation_pct" integer DEFAULT 50 NOT NULL,
	"principals_see_individual_fidelity" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_stage_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exit_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_stage_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"evidence" text NOT NULL,
	"criteria_met" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moved_by" uuid NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"done" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team_id" uuid NOT NULL,
	"meeting_id" uuid,
	"decision_id" uuid,
	"text" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"driver" text,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "implementation_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team_id" uuid NOT NULL,
	"meets_at" timestamp with time zone NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"data_review" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "implementation_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"initiative_id" uuid,
	"terms_of_reference" text DEFAULT '' NOT NULL,
	"reports_to_team_id" uuid,
	"reports_what" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_system_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"fidelity_findings" text DEFAULT '' NOT NULL,
	"observation_findings" text DEFAULT '' NOT NULL,
	"satisfaction" numeric,
	"decisions" text DEFAULT '' NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "driver_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"driver" text NOT NULL,
	"owner_person_id" uuid,
	"plan" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_window_weeks" integer DEFAULT 8 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "initiative_coaching" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"coach_person_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_id" uuid,
	"coaching_plan_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attended" boolean DEFAULT true NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"item_id" uuid,
	"trainer_name" text NOT NULL,
	"trainer_qualification" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 180 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fidelity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"observation_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"checked_on" date NOT NULL,
	"score_pct" numeric,
	"at_fidelity" boolean
);
--> statement-breakpoint
CREATE TABLE "fidelity_latest" (
	"district_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"check_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"score_pct" numeric NOT NULL,
	"at_fidelity" boolean NOT NULL,
	CONSTRAINT "fidelity_latest_initiative_id_person_id_pk" PRIMARY KEY("initiative_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "fidelity_monthly" (
	"district_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"month" date NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"sum_pct" numeric DEFAULT 0 NOT NULL,
	"present" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fidelity_monthly_initiative_id_org_unit_id_item_id_month_pk" PRIMARY KEY("initiative_id","org_unit_id","item_id","month")
);
--> statement-breakpoint
CREATE TABLE "pdsa_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"item_id" uuid,
	"team_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'plan' NOT NULL,
	"change" text DEFAULT '' NOT NULL,
	"prediction" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"done_as_intended" boolean,
	"do_notes" text DEFAULT '' NOT NULL,
	"study" text DEFAULT '' NOT NULL,
	"prediction_met" boolean,
	"act" text,
	"act_notes" text DEFAULT '' NOT NULL,
	"problem" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_guests" ADD CONSTRAINT "initiative_guests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_guests" ADD CONSTRAINT "initiative_guests_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_guests" ADD CONSTRAINT "initiative_guests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_guests" ADD CONSTRAINT "initiative_guests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_guests" ADD CONSTRAINT "initiative_guests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_schools" ADD CONSTRAINT "initiative_schools_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_schools" ADD CONSTRAINT "initiative_schools_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_schools" ADD CONSTRAINT "initiative_schools_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_schools" ADD CONSTRAINT "initiative_schools_wave_id_initiative_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."initiative_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_waves" ADD CONSTRAINT "initiative_waves_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_waves" ADD CONSTRAINT "initiative_waves_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_profile_version_id_framework_versions_id_fk" FOREIGN KEY ("profile_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_fidelity_rubric_id_rubrics_id_fk" FOREIGN KEY ("fidelity_rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_definitions" ADD CONSTRAINT "initiative_stage_definitions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_definitions" ADD CONSTRAINT "initiative_stage_definitions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_moves" ADD CONSTRAINT "initiative_stage_moves_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_moves" ADD CONSTRAINT "initiative_stage_moves_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_moves" ADD CONSTRAINT "initiative_stage_moves_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_moves" ADD CONSTRAINT "initiative_stage_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stages" ADD CONSTRAINT "initiative_stages_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stages" ADD CONSTRAINT "initiative_stages_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stages" ADD CONSTRAINT "initiative_stages_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_action_items" ADD CONSTRAINT "implementation_action_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_action_items" ADD CONSTRAINT "implementation_action_items_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_action_items" ADD CONSTRAINT "implementation_action_items_meeting_id_implementation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."implementation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_action_items" ADD CONSTRAINT "implementation_action_items_decision_id_implementation_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."implementation_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_action_items" ADD CONSTRAINT "implementation_action_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_decisions" ADD CONSTRAINT "implementation_decisions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_decisions" ADD CONSTRAINT "implementation_decisions_meeting_id_implementation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."implementation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_decisions" ADD CONSTRAINT "implementation_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_meetings" ADD CONSTRAINT "implementation_meetings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_meetings" ADD CONSTRAINT "implementation_meetings_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_meetings" ADD CONSTRAINT "implementation_meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_team_members" ADD CONSTRAINT "implementation_team_members_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_team_members" ADD CONSTRAINT "implementation_team_members_team_id_implementation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_team_members" ADD CONSTRAINT "implementation_team_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_teams" ADD CONSTRAINT "implementation_teams_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_teams" ADD CONSTRAINT "implementation_teams_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_teams" ADD CONSTRAINT "implementation_teams_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_teams" ADD CONSTRAINT "implementation_teams_reports_to_team_id_implementation_teams_id_fk" FOREIGN KEY ("reports_to_team_id") REFERENCES "public"."implementation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_teams" ADD CONSTRAINT "implementation_teams_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_system_reviews" ADD CONSTRAINT "coaching_system_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_system_reviews" ADD CONSTRAINT "coaching_system_reviews_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_system_reviews" ADD CONSTRAINT "coaching_system_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_plans" ADD CONSTRAINT "driver_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_plans" ADD CONSTRAINT "driver_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_plans" ADD CONSTRAINT "driver_plans_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_plans" ADD CONSTRAINT "driver_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_coaching" ADD CONSTRAINT "initiative_coaching_coaching_plan_id_coaching_plans_id_fk" FOREIGN KEY ("coaching_plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_checks" ADD CONSTRAINT "fidelity_checks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_latest" ADD CONSTRAINT "fidelity_latest_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_latest" ADD CONSTRAINT "fidelity_latest_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_latest" ADD CONSTRAINT "fidelity_latest_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_latest" ADD CONSTRAINT "fidelity_latest_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_latest" ADD CONSTRAINT "fidelity_latest_check_id_fidelity_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."fidelity_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_monthly" ADD CONSTRAINT "fidelity_monthly_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_monthly" ADD CONSTRAINT "fidelity_monthly_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_monthly" ADD CONSTRAINT "fidelity_monthly_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_monthly" ADD CONSTRAINT "fidelity_monthly_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_funding_initiative_idx" ON "initiative_funding" USING btree ("initiative_id","spend_by");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_guests_user_uq" ON "initiative_guests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_guests_initiative_idx" ON "initiative_guests" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_schools_uq" ON "initiative_schools" USING btree ("initiative_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "initiative_schools_org_idx" ON "initiative_schools" USING btree ("district_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "initiative_waves_initiative_idx" ON "initiative_waves" USING btree ("initiative_id","position");--> statement-breakpoint
CREATE INDEX "initiatives_district_idx" ON "initiatives" USING btree ("district_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_stage_definitions_uq" ON "initiative_stage_definitions" USING btree ("initiative_id","stage");--> statement-breakpoint
CREATE INDEX "initiative_stage_moves_idx" ON "initiative_stage_moves" USING btree ("initiative_id","org_unit_id","moved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_stages_uq" ON "initiative_stages" USING btree ("initiative_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "initiative_stages_stage_idx" ON "initiative_stages" USING btree ("initiative_id","stage");--> statement-breakpoint
CREATE INDEX "implementation_action_items_team_idx" ON "implementation_action_items" USING btree ("team_id","due_on");--> statement-breakpoint
CREATE INDEX "implementation_action_items_owner_idx" ON "implementation_action_items" USING btree ("owner_person_id","due_on");--> statement-breakpoint
CREATE INDEX "implementation_decisions_meeting_idx" ON "implementation_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "implementation_meetings_team_idx" ON "implementation_meetings" USING btree ("team_id","meets_at");--> statement-breakpoint
CREATE INDEX "implementation_team_members_team_idx" ON "implementation_team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "implementation_team_members_person_idx" ON "implementation_team_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "implementation_teams_district_idx" ON "implementation_teams" USING btree ("district_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "implementation_teams_initiative_idx" ON "implementation_teams" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "coaching_system_reviews_idx" ON "coaching_system_reviews" USING btree ("initiative_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "driver_plans_uq" ON "driver_plans" USING btree ("initiative_id","driver");--> statement-breakpoint
CREATE INDEX "initiative_coaching_initiative_idx" ON "initiative_coaching" USING btree ("initiative_id","coach_person_id");--> statement-breakpoint
CREATE INDEX "initiative_coaching_person_idx" ON "initiative_coaching" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("session_id","person_id");--> statement-breakpoint
CREATE INDEX "training_attendance_person_idx" ON "training_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_sessions_initiative_idx" ON "training_sessions" USING btree ("initiative_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fidelity_checks_observation_uq" ON "fidelity_checks" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "fidelity_checks_person_idx" ON "fidelity_checks" USING btree ("initiative_id","person_id","checked_on");--> statement-breakpoint
CREATE INDEX "fidelity_checks_school_idx" ON "fidelity_checks" USING btree ("initiative_id","org_unit_id","checked_on");--> statement-breakpoint
CREATE INDEX "fidelity_latest_school_idx" ON "fidelity_latest" USING btree ("initiative_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "pdsa_cycles_initiative_idx" ON "pdsa_cycles" USING btree ("initiative_id","org_unit_id","status");--> statement-breakpoint
SELECT trellis_tenant_table('initiative_funding');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_guests');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_schools');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_waves');
--> statement-breakpoint
SELECT trellis_tenant_table('initiatives');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_stage_definitions');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_stage_moves');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_stages');
--> statement-breakpoint
SELECT trellis_tenant_table('implementation_action_items');
--> statement-breakpoint
SELECT trellis_tenant_table('implementation_decisions');
--> statement-breakpoint
SELECT trellis_tenant_table('implementation_meetings');
--> statement-breakpoint
SELECT trellis_tenant_table('implementation_team_members');
--> statement-breakpoint
SELECT trellis_tenant_table('implementation_teams');
--> statement-breakpoint
SELECT trellis_tenant_table('coaching_system_reviews');
--> statement-breakpoint
SELECT trellis_tenant_table('driver_plans');
--> statement-breakpoint
SELECT trellis_tenant_table('initiative_coaching');
--> statement-breakpoint
SELECT trellis_tenant_table('training_attendance');
--> statement-breakpoint
SELECT trellis_tenant_table('training_sessions');
--> statement-breakpoint
SELECT trellis_tenant_table('fidelity_checks');
--> statement-breakpoint
SELECT trellis_tenant_table('fidelity_latest');
--> statement-breakpoint
SELECT trellis_tenant_table('fidelity_monthly');
--> statement-breakpoint
SELECT trellis_tenant_table('pdsa_cycles');
