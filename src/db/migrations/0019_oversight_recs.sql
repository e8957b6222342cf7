CREATE TABLE "oversight_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_index" integer NOT NULL,
	"taken_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"scheduled_on" date,
	"response_due" date,
	"document_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_followup_profiles" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"ladder" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_recommendation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"text" text,
	"due" date,
	"approved_by" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"user_id" uuid,
	"user_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"content" text NOT NULL,
	"planned_due" date,
	"planned_working_days" integer,
	"issued_on" date,
	"original_due" date,
	"due" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"answered_on" date,
	"closed_on" date,
	"disposition_reason" text,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"activity_id" uuid,
	"body_id" uuid,
	"title" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"shortcomings" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"issued_on" date,
	"document_id" uuid,
	"typed_number" text,
	"file_name" text,
	"mime_type" text,
	"file_content" "bytea",
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oversight_escalations" ADD CONSTRAINT "oversight_escalations_recommendation_id_oversight_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."oversight_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_escalations" ADD CONSTRAINT "oversight_escalations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_escalations" ADD CONSTRAINT "oversight_escalations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_escalations" ADD CONSTRAINT "oversight_escalations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_escalations" ADD CONSTRAINT "oversight_escalations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_evidence_files" ADD CONSTRAINT "oversight_evidence_files_recommendation_id_oversight_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."oversight_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_evidence_files" ADD CONSTRAINT "oversight_evidence_files_event_id_oversight_recommendation_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."oversight_recommendation_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_evidence_files" ADD CONSTRAINT "oversight_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_followup_profiles" ADD CONSTRAINT "oversight_followup_profiles_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_recommendation_events" ADD CONSTRAINT "oversight_recommendation_events_recommendation_id_oversight_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."oversight_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_recommendation_events" ADD CONSTRAINT "oversight_recommendation_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_recommendations" ADD CONSTRAINT "oversight_recommendations_report_id_oversight_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."oversight_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_recommendations" ADD CONSTRAINT "oversight_recommendations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_recommendations" ADD CONSTRAINT "oversight_recommendations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_reports" ADD CONSTRAINT "oversight_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_reports" ADD CONSTRAINT "oversight_reports_activity_id_oversight_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."oversight_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_reports" ADD CONSTRAINT "oversight_reports_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_reports" ADD CONSTRAINT "oversight_reports_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_reports" ADD CONSTRAINT "oversight_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oversight_escalations_rec_idx" ON "oversight_escalations" USING btree ("recommendation_id","taken_on");--> statement-breakpoint
CREATE INDEX "oversight_evidence_files_rec_idx" ON "oversight_evidence_files" USING btree ("recommendation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_recommendation_events_seq_uq" ON "oversight_recommendation_events" USING btree ("recommendation_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_recommendations_position_uq" ON "oversight_recommendations" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "oversight_recommendations_council_idx" ON "oversight_recommendations" USING btree ("council_id","state");--> statement-breakpoint
CREATE INDEX "oversight_recommendations_agency_idx" ON "oversight_recommendations" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "oversight_reports_council_idx" ON "oversight_reports" USING btree ("council_id","state");--> statement-breakpoint
CREATE INDEX "oversight_reports_activity_idx" ON "oversight_reports" USING btree ("activity_id");