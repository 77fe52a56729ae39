-- Issue 10, finding 4. Before this version Trellis never sent e-mail: it only wrote the outbox,
-- where district admins could read live set-password links. Rows written before are marked as never
-- sent (so the new worker does not send stale messages), their links are withheld, and every link
-- still open is revoked: whoever needs one asks for a new reset or a new invitation.
UPDATE "outbox_emails" SET "status" = 'failed', "failure_reason" = 'before_delivery';--> statement-breakpoint
UPDATE "outbox_emails"
  SET "body" = regexp_replace("outbox_emails"."body", 'https?://[^[:space:]]*reset-password\?token=[^[:space:]]*', '[…]', 'g'),
      "link_withheld" = true,
      "kind" = CASE WHEN "outbox_emails"."subject" IN ('You are invited to Trellis', 'Le invitamos a Trellis') THEN 'invitation' ELSE 'password_reset' END
  WHERE "outbox_emails"."body" ~ 'reset-password\?token=';--> statement-breakpoint
DELETE FROM "password_resets" WHERE "password_resets"."used_at" IS NULL;
