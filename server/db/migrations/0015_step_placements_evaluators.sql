CREATE TABLE "evaluator_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"evaluator_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathway_steps" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_evaluator_person_id_people_id_fk" FOREIGN KEY ("evaluator_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_placements" ADD CONSTRAINT "step_placements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_placements" ADD CONSTRAINT "step_placements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_placements" ADD CONSTRAINT "step_placements_step_id_pathway_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."pathway_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluator_assignments_uq" ON "evaluator_assignments" USING btree ("district_id","person_id","school_year");--> statement-breakpoint
CREATE INDEX "evaluator_assignments_evaluator_idx" ON "evaluator_assignments" USING btree ("evaluator_person_id","school_year");--> statement-breakpoint
CREATE INDEX "step_placements_person_idx" ON "step_placements" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "step_placements_step_idx" ON "step_placements" USING btree ("step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "step_placements_open_uq" ON "step_placements" USING btree ("person_id") WHERE end_date is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_steps_code_uq" ON "pathway_steps" USING btree ("district_id","code");--> statement-breakpoint
-- Row-level security: a district reads and writes only its own rows (0010_row_level_security).
SELECT trellis_tenant_table('step_placements');--> statement-breakpoint
SELECT trellis_tenant_table('evaluator_assignments');
