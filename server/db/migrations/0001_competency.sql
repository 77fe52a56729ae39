CREATE TABLE "framework_associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"association_type" text NOT NULL,
	"origin_item_id" uuid,
	"destination_item_id" uuid,
	"origin_node" jsonb NOT NULL,
	"destination_node" jsonb NOT NULL,
	"sequence_number" integer,
	"notes" text,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_collaborators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"framework_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"invited_by_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version_id" uuid NOT NULL,
	"item_id" uuid,
	"descriptor_id" uuid,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "framework_item_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version_id" uuid NOT NULL,
	"previous_version_id" uuid NOT NULL,
	"item_id" uuid,
	"previous_item_id" uuid,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"parent_association_identifier" text,
	"item_type" text,
	"human_code" text,
	"full_statement" text NOT NULL,
	"abbreviated_statement" text,
	"alternative_label" text,
	"notes" text,
	"language" text,
	"list_enumeration" text,
	"education_level" jsonb,
	"concept_keywords" jsonb,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"source_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"framework_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"case_identifier" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"creator" text NOT NULL,
	"publisher" text,
	"language" text,
	"version_label" text,
	"adoption_status" text,
	"item_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scale_id" uuid,
	"based_on_version_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"source_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scale_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scale_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"level_score" numeric NOT NULL,
	"description" text,
	"proficient" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "career_pathways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"function" text,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pathway_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"staff_role" text,
	"responsibility_level" integer,
	"summary" text,
	"responsibilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prerequisites" jsonb DEFAULT '{"credentials":[],"evidence":[]}'::jsonb NOT NULL,
	"pay_band_min_usd" integer,
	"pay_band_max_usd" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_equivalences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"step_id" uuid NOT NULL,
	"equivalent_step_id" uuid NOT NULL,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"item_id" uuid,
	"case_identifier" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"category" text,
	"description" text,
	"weight" numeric,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rubric_descriptors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"criterion_id" uuid NOT NULL,
	"scale_level_id" uuid,
	"case_identifier" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"quality" text,
	"level_score" numeric,
	"description" text DEFAULT '' NOT NULL,
	"feedback" text,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version_id" uuid NOT NULL,
	"step_id" uuid,
	"scale_id" uuid,
	"case_identifier" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"case_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"scale_level_id" uuid,
	"level_score" numeric,
	"source" text NOT NULL,
	"source_id" uuid,
	"observed_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "framework_associations" ADD CONSTRAINT "framework_associations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_associations" ADD CONSTRAINT "framework_associations_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_associations" ADD CONSTRAINT "framework_associations_origin_item_id_framework_items_id_fk" FOREIGN KEY ("origin_item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_associations" ADD CONSTRAINT "framework_associations_destination_item_id_framework_items_id_fk" FOREIGN KEY ("destination_item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_collaborators" ADD CONSTRAINT "framework_collaborators_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_collaborators" ADD CONSTRAINT "framework_collaborators_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_collaborators" ADD CONSTRAINT "framework_collaborators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_collaborators" ADD CONSTRAINT "framework_collaborators_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item_mappings" ADD CONSTRAINT "framework_item_mappings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item_mappings" ADD CONSTRAINT "framework_item_mappings_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item_mappings" ADD CONSTRAINT "framework_item_mappings_previous_version_id_framework_versions_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item_mappings" ADD CONSTRAINT "framework_item_mappings_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item_mappings" ADD CONSTRAINT "framework_item_mappings_previous_item_id_framework_items_id_fk" FOREIGN KEY ("previous_item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_parent_id_framework_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_scale_id_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_based_on_version_id_framework_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_levels" ADD CONSTRAINT "scale_levels_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_levels" ADD CONSTRAINT "scale_levels_scale_id_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scales" ADD CONSTRAINT "scales_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_pathways" ADD CONSTRAINT "career_pathways_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_steps" ADD CONSTRAINT "pathway_steps_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_steps" ADD CONSTRAINT "pathway_steps_pathway_id_career_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."career_pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_equivalences" ADD CONSTRAINT "step_equivalences_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_equivalences" ADD CONSTRAINT "step_equivalences_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_equivalences" ADD CONSTRAINT "step_equivalences_equivalent_step_id_pathway_steps_id_fk" FOREIGN KEY ("equivalent_step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_descriptors" ADD CONSTRAINT "rubric_descriptors_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_descriptors" ADD CONSTRAINT "rubric_descriptors_criterion_id_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_descriptors" ADD CONSTRAINT "rubric_descriptors_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_scale_id_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_scale_level_id_scale_levels_id_fk" FOREIGN KEY ("scale_level_id") REFERENCES "public"."scale_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_associations_case_uq" ON "framework_associations" USING btree ("version_id","case_identifier");--> statement-breakpoint
CREATE INDEX "framework_associations_origin_idx" ON "framework_associations" USING btree ("origin_item_id");--> statement-breakpoint
CREATE INDEX "framework_associations_destination_idx" ON "framework_associations" USING btree ("destination_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_collaborators_uq" ON "framework_collaborators" USING btree ("framework_id","person_id");--> statement-breakpoint
CREATE INDEX "framework_comments_version_idx" ON "framework_comments" USING btree ("version_id","item_id");--> statement-breakpoint
CREATE INDEX "framework_item_mappings_version_idx" ON "framework_item_mappings" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "framework_item_mappings_previous_idx" ON "framework_item_mappings" USING btree ("previous_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_items_case_uq" ON "framework_items" USING btree ("version_id","case_identifier");--> statement-breakpoint
CREATE INDEX "framework_items_version_idx" ON "framework_items" USING btree ("version_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_number_uq" ON "framework_versions" USING btree ("framework_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft_uq" ON "framework_versions" USING btree ("framework_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "framework_versions_case_idx" ON "framework_versions" USING btree ("district_id","case_identifier");--> statement-breakpoint
CREATE INDEX "frameworks_district_idx" ON "frameworks" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scale_levels_position_uq" ON "scale_levels" USING btree ("scale_id","position");--> statement-breakpoint
CREATE INDEX "scales_district_idx" ON "scales" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scales_one_default_uq" ON "scales" USING btree ("district_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "career_pathways_district_idx" ON "career_pathways" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "pathway_steps_pathway_idx" ON "pathway_steps" USING btree ("pathway_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "step_equivalences_pair_uq" ON "step_equivalences" USING btree ("step_id","equivalent_step_id");--> statement-breakpoint
CREATE INDEX "step_equivalences_other_idx" ON "step_equivalences" USING btree ("equivalent_step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_criteria_case_uq" ON "rubric_criteria" USING btree ("rubric_id","case_identifier");--> statement-breakpoint
CREATE INDEX "rubric_criteria_rubric_idx" ON "rubric_criteria" USING btree ("rubric_id","position");--> statement-breakpoint
CREATE INDEX "rubric_criteria_item_idx" ON "rubric_criteria" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_descriptors_case_uq" ON "rubric_descriptors" USING btree ("criterion_id","case_identifier");--> statement-breakpoint
CREATE INDEX "rubric_descriptors_criterion_idx" ON "rubric_descriptors" USING btree ("criterion_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_case_uq" ON "rubrics" USING btree ("version_id","case_identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_step_uq" ON "rubrics" USING btree ("version_id","step_id");--> statement-breakpoint
CREATE INDEX "rubrics_step_idx" ON "rubrics" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "evidence_person_idx" ON "evidence" USING btree ("district_id","person_id","item_id");--> statement-breakpoint
CREATE INDEX "evidence_item_idx" ON "evidence" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_district_idx" ON "api_tokens" USING btree ("district_id");--> statement-breakpoint
CREATE FUNCTION evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evidence is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
