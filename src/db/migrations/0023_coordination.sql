CREATE TABLE "executive_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"incoming_document_id" uuid,
	"title" text NOT NULL,
	"organizer_name" text NOT NULL,
	"organizer_agency_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"location" text DEFAULT '' NOT NULL,
	"invitee_user_id" uuid NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"attendee_user_id" uuid,
	"decision_note" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"session_id" uuid,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"received_on" date NOT NULL,
	"received_time" text,
	"sender_name" text NOT NULL,
	"sender_agency_id" uuid,
	"doc_symbol" text DEFAULT '' NOT NULL,
	"doc_date" date,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'registered' NOT NULL,
	"handler_user_id" uuid,
	"handler_body_id" uuid,
	"assigned_on" date,
	"due" date,
	"assign_note" text DEFAULT '' NOT NULL,
	"completed_on" date,
	"outcome_note" text DEFAULT '' NOT NULL,
	"session_id" uuid,
	"petition_id" uuid,
	"reply_document_id" uuid,
	"search_key" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periodic_report_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"rule_set_key" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"periods" text NOT NULL,
	"lead_value" integer NOT NULL,
	"lead_unit" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text DEFAULT '' NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periodic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"session_id" uuid,
	"original_due" date NOT NULL,
	"due" date NOT NULL,
	"received_on" date,
	"incoming_document_id" uuid,
	"verifying_body_id" uuid,
	"verified_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"sites" integer,
	"attendees" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"conclusion_document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_organizer_agency_id_agencies_id_fk" FOREIGN KEY ("organizer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_invitee_user_id_users_id_fk" FOREIGN KEY ("invitee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_attendee_user_id_users_id_fk" FOREIGN KEY ("attendee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_invitations" ADD CONSTRAINT "executive_invitations_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_document_files" ADD CONSTRAINT "incoming_document_files_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_document_files" ADD CONSTRAINT "incoming_document_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_sender_agency_id_agencies_id_fk" FOREIGN KEY ("sender_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_handler_body_id_bodies_id_fk" FOREIGN KEY ("handler_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_reply_document_id_documents_id_fk" FOREIGN KEY ("reply_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_report_kinds" ADD CONSTRAINT "periodic_report_kinds_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_kind_id_periodic_report_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."periodic_report_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_verifying_body_id_bodies_id_fk" FOREIGN KEY ("verifying_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_conferences" ADD CONSTRAINT "reporting_conferences_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_conferences" ADD CONSTRAINT "reporting_conferences_conclusion_document_id_documents_id_fk" FOREIGN KEY ("conclusion_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executive_invitations_council_idx" ON "executive_invitations" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "executive_invitations_invitee_idx" ON "executive_invitations" USING btree ("invitee_user_id");--> statement-breakpoint
CREATE INDEX "executive_invitations_attendee_idx" ON "executive_invitations" USING btree ("attendee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_document_files_version_uq" ON "incoming_document_files" USING btree ("document_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_documents_register_uq" ON "incoming_documents" USING btree ("council_id","year","number");--> statement-breakpoint
CREATE INDEX "incoming_documents_council_received_idx" ON "incoming_documents" USING btree ("council_id","received_on");--> statement-breakpoint
CREATE INDEX "incoming_documents_handler_idx" ON "incoming_documents" USING btree ("handler_user_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "periodic_report_kinds_uq" ON "periodic_report_kinds" USING btree ("council_id","rule_set_key","key");--> statement-breakpoint
CREATE UNIQUE INDEX "periodic_reports_uq" ON "periodic_reports" USING btree ("council_id","kind_id","agency_id","year","period");--> statement-breakpoint
CREATE INDEX "periodic_reports_council_due_idx" ON "periodic_reports" USING btree ("council_id","due");--> statement-breakpoint
CREATE INDEX "reporting_conferences_council_idx" ON "reporting_conferences" USING btree ("council_id","held_on");