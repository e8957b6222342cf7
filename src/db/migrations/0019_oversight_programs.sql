CREATE TABLE "oversight_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"body_kind" text NOT NULL,
	"body_id" uuid,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"field_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"founded_on" date,
	"founding_document_id" uuid,
	"rule_set_key" text,
	"overlap_reason" text DEFAULT '' NOT NULL,
	"proposal_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_activity_subjects" (
	"activity_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "oversight_activity_subjects_activity_id_agency_id_pk" PRIMARY KEY("activity_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "oversight_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"step" text NOT NULL,
	"due_date" date,
	"due_explanation" jsonb,
	"sent_on" date,
	"document_id" uuid,
	"last_reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_program_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"resolution_number" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overlap_reason" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_kind" text NOT NULL,
	"body_id" uuid,
	"body_name" text NOT NULL,
	"body_key" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"resolution_number" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_settings" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"delegate_id" uuid,
	"full_name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_topic_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_body_id" uuid,
	"source_delegate_id" uuid,
	"source_name" text NOT NULL,
	"title" text NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"subject_agency_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"field_id" uuid,
	"petition_id" uuid,
	"state" text DEFAULT 'submitted' NOT NULL,
	"activity_id" uuid,
	"submitted_on" date NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_working_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"agency_id" uuid,
	"date" date NOT NULL,
	"time" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oversight_activities" ADD CONSTRAINT "oversight_activities_program_id_oversight_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."oversight_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_activities" ADD CONSTRAINT "oversight_activities_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_activities" ADD CONSTRAINT "oversight_activities_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_activities" ADD CONSTRAINT "oversight_activities_founding_document_id_documents_id_fk" FOREIGN KEY ("founding_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_activity_subjects" ADD CONSTRAINT "oversight_activity_subjects_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_activity_subjects" ADD CONSTRAINT "oversight_activity_subjects_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_notices" ADD CONSTRAINT "oversight_notices_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_notices" ADD CONSTRAINT "oversight_notices_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_notices" ADD CONSTRAINT "oversight_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_notices" ADD CONSTRAINT "oversight_notices_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_program_versions" ADD CONSTRAINT "oversight_program_versions_program_id_oversight_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."oversight_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_program_versions" ADD CONSTRAINT "oversight_program_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_programs" ADD CONSTRAINT "oversight_programs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_programs" ADD CONSTRAINT "oversight_programs_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_settings" ADD CONSTRAINT "oversight_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_team_members" ADD CONSTRAINT "oversight_team_members_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_team_members" ADD CONSTRAINT "oversight_team_members_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_topic_proposals" ADD CONSTRAINT "oversight_topic_proposals_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_topic_proposals" ADD CONSTRAINT "oversight_topic_proposals_source_body_id_bodies_id_fk" FOREIGN KEY ("source_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_topic_proposals" ADD CONSTRAINT "oversight_topic_proposals_source_delegate_id_delegates_id_fk" FOREIGN KEY ("source_delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_topic_proposals" ADD CONSTRAINT "oversight_topic_proposals_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_topic_proposals" ADD CONSTRAINT "oversight_topic_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_uploads" ADD CONSTRAINT "oversight_uploads_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_uploads" ADD CONSTRAINT "oversight_uploads_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_uploads" ADD CONSTRAINT "oversight_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_working_sessions" ADD CONSTRAINT "oversight_working_sessions_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_working_sessions" ADD CONSTRAINT "oversight_working_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oversight_activities_program_idx" ON "oversight_activities" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "oversight_activities_year_idx" ON "oversight_activities" USING btree ("year","start_date");--> statement-breakpoint
CREATE INDEX "oversight_activities_council_idx" ON "oversight_activities" USING btree ("council_id","year");--> statement-breakpoint
CREATE INDEX "oversight_activity_subjects_agency_idx" ON "oversight_activity_subjects" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_notices_uq" ON "oversight_notices" USING btree ("activity_id","agency_id","step");--> statement-breakpoint
CREATE INDEX "oversight_notices_due_idx" ON "oversight_notices" USING btree ("council_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_program_versions_uq" ON "oversight_program_versions" USING btree ("program_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_programs_body_year_uq" ON "oversight_programs" USING btree ("council_id","body_key","year");--> statement-breakpoint
CREATE INDEX "oversight_programs_year_idx" ON "oversight_programs" USING btree ("year");--> statement-breakpoint
CREATE INDEX "oversight_team_members_activity_idx" ON "oversight_team_members" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "oversight_topic_proposals_council_idx" ON "oversight_topic_proposals" USING btree ("council_id","year");--> statement-breakpoint
CREATE INDEX "oversight_topic_proposals_petition_idx" ON "oversight_topic_proposals" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "oversight_uploads_activity_idx" ON "oversight_uploads" USING btree ("activity_id","agency_id");--> statement-breakpoint
CREATE INDEX "oversight_working_sessions_activity_idx" ON "oversight_working_sessions" USING btree ("activity_id","date");