ALTER TABLE "mfa_challenges" ADD COLUMN "auth_method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "district_sign_in_settings" ADD COLUMN "require_two_factor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_providers" ADD COLUMN "enforces_mfa" boolean DEFAULT false NOT NULL;