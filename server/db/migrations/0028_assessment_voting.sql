CREATE TABLE "assessment_reveals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"administration_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"revealed_by" uuid,
	"forced" boolean DEFAULT false NOT NULL,
	"voted" integer NOT NULL,
	"expected" integer NOT NULL,
	"distribution" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_administrations" ADD COLUMN "live_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_reveals" ADD CONSTRAINT "assessment_reveals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reveals" ADD CONSTRAINT "assessment_reveals_administration_id_assessment_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."assessment_administrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reveals" ADD CONSTRAINT "assessment_reveals_item_id_assessment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reveals" ADD CONSTRAINT "assessment_reveals_revealed_by_users_id_fk" FOREIGN KEY ("revealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_reveals_uq" ON "assessment_reveals" USING btree ("administration_id","item_id");--> statement-breakpoint
SELECT trellis_tenant_table('assessment_reveals');
