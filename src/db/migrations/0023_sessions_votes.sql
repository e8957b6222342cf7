DROP INDEX "chamber_attendance_session_idx";--> statement-breakpoint
CREATE INDEX "delegates_email_idx" ON "delegates" USING btree ("council_id",lower("email"));--> statement-breakpoint
CREATE INDEX "chamber_attendance_session_idx" ON "chamber_attendance" USING btree ("session_id","delegate_id");