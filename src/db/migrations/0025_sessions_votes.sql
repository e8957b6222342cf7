CREATE TABLE "commitment_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_index" integer NOT NULL,
	"taken_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_answer_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"summary" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid,
	"corrected_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_settings" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"shared_series" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "document_issuers_council_code_uq";--> statement-breakpoint
DROP INDEX "document_issuers_council_plenary_uq";--> statement-breakpoint
DROP INDEX "chamber_attendance_session_idx";--> statement-breakpoint
ALTER TABLE "question_answers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "question_answers" ADD COLUMN "corrected_on" date;--> statement-breakpoint
ALTER TABLE "commitment_escalations" ADD CONSTRAINT "commitment_escalations_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_escalations" ADD CONSTRAINT "commitment_escalations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_escalations" ADD CONSTRAINT "commitment_escalations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_escalations" ADD CONSTRAINT "commitment_escalations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answer_versions" ADD CONSTRAINT "question_answer_versions_answer_id_question_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."question_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answer_versions" ADD CONSTRAINT "question_answer_versions_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_settings" ADD CONSTRAINT "resolution_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_settings" ADD CONSTRAINT "resolution_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_escalations_commitment_idx" ON "commitment_escalations" USING btree ("commitment_id","taken_on");--> statement-breakpoint
CREATE INDEX "question_answer_versions_answer_idx" ON "question_answer_versions" USING btree ("answer_id","version");--> statement-breakpoint
CREATE INDEX "delegates_email_idx" ON "delegates" USING btree ("council_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "document_issuers_council_code_uq" ON "document_issuers" USING btree ("council_id","code") WHERE "document_issuers"."kind" not in ('council', 'council_normative');--> statement-breakpoint
CREATE UNIQUE INDEX "document_issuers_council_plenary_uq" ON "document_issuers" USING btree ("council_id","kind") WHERE "document_issuers"."kind" in ('council', 'council_normative');--> statement-breakpoint
CREATE INDEX "chamber_attendance_session_idx" ON "chamber_attendance" USING btree ("session_id","delegate_id");