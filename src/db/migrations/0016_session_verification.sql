CREATE TABLE "session_reminder_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"sent_on" date NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_response_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid,
	"number" text DEFAULT '' NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"filed_via" text NOT NULL,
	"filed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_verification_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"reference" text NOT NULL,
	"reference_label" text NOT NULL,
	"conclusion" text NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"committee_body_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_on" date NOT NULL,
	"submission_number" text DEFAULT '' NOT NULL,
	"meeting_on" date,
	"meeting_attendees" text DEFAULT '' NOT NULL,
	"drafter_present" boolean,
	"drafter_attendees" text DEFAULT '' NOT NULL,
	"report_number" text DEFAULT '' NOT NULL,
	"report_issued_on" date,
	"conclusion" text,
	"summary" text DEFAULT '' NOT NULL,
	"needs_response" boolean DEFAULT false NOT NULL,
	"report_filed_by" uuid,
	"report_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_reminder_letters" ADD CONSTRAINT "session_reminder_letters_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminder_letters" ADD CONSTRAINT "session_reminder_letters_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminder_letters" ADD CONSTRAINT "session_reminder_letters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminder_letters" ADD CONSTRAINT "session_reminder_letters_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_document_id_session_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."session_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_response_answers" ADD CONSTRAINT "session_response_answers_response_id_session_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."session_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_response_answers" ADD CONSTRAINT "session_response_answers_point_id_session_verification_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."session_verification_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_responses" ADD CONSTRAINT "session_responses_verification_id_session_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."session_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_responses" ADD CONSTRAINT "session_responses_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_responses" ADD CONSTRAINT "session_responses_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_responses" ADD CONSTRAINT "session_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_responses" ADD CONSTRAINT "session_responses_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verification_points" ADD CONSTRAINT "session_verification_points_verification_id_session_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."session_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_committee_body_id_bodies_id_fk" FOREIGN KEY ("committee_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_verifications" ADD CONSTRAINT "session_verifications_report_filed_by_users_id_fk" FOREIGN KEY ("report_filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_reminder_letters_session_idx" ON "session_reminder_letters" USING btree ("session_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_reminders_once_uq" ON "session_reminders" USING btree ("document_id","kind","due_date","sent_on");--> statement-breakpoint
CREATE INDEX "session_reminders_agency_idx" ON "session_reminders" USING btree ("agency_id","sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "session_response_answers_point_uq" ON "session_response_answers" USING btree ("response_id","point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_responses_verification_uq" ON "session_responses" USING btree ("verification_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_verification_points_key_uq" ON "session_verification_points" USING btree ("verification_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "session_verifications_item_uq" ON "session_verifications" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "session_verifications_committee_idx" ON "session_verifications" USING btree ("committee_body_id");--> statement-breakpoint
CREATE INDEX "session_verifications_session_idx" ON "session_verifications" USING btree ("session_id");