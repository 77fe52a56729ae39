-- Issue 10, finding 3: audit rows written before redaction kept coaching notes, next steps,
-- ratings, cycles' goals and outcomes and draft observations' glows, grows and look-for results.
-- Replace them with the marker services/audit-redaction.ts writes ({"redacted": true, "length": n}).
CREATE OR REPLACE FUNCTION pg_temp.redact_audit(value jsonb, fields text[]) RETURNS jsonb LANGUAGE sql AS $$
  SELECT CASE WHEN value IS NULL OR jsonb_typeof(value) <> 'object' THEN value ELSE value || coalesce((
    SELECT jsonb_object_agg(f, CASE
      WHEN value -> f = 'null'::jsonb THEN 'null'::jsonb
      WHEN jsonb_typeof(value -> f) = 'string' THEN jsonb_build_object('redacted', true, 'length', length(value ->> f))
      WHEN jsonb_typeof(value -> f) = 'array' THEN jsonb_build_object('redacted', true, 'length', jsonb_array_length(value -> f))
      WHEN jsonb_typeof(value -> f) = 'object' AND value -> f ? 'redacted' THEN value -> f
      ELSE jsonb_build_object('redacted', true) END)
    FROM unnest(fields) AS f WHERE value ? f), '{}'::jsonb) END
$$;--> statement-breakpoint
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;--> statement-breakpoint
UPDATE audit_log SET before = pg_temp.redact_audit(before, ARRAY['notes', 'nextSteps', 'helpfulness']), after = pg_temp.redact_audit(after, ARRAY['notes', 'nextSteps', 'helpfulness']) WHERE entity_type = 'coaching_log';--> statement-breakpoint
UPDATE audit_log SET before = pg_temp.redact_audit(before, ARRAY['goal', 'outcome']), after = pg_temp.redact_audit(after, ARRAY['goal', 'outcome']) WHERE entity_type = 'coaching_cycle';--> statement-breakpoint
UPDATE audit_log SET before = pg_temp.redact_audit(before, ARRAY['glows', 'grows', 'lookForResults']), after = pg_temp.redact_audit(after, ARRAY['glows', 'grows', 'lookForResults']) WHERE entity_type = 'observation';--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
