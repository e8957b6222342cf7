CREATE TABLE "session_agenda_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"entries" jsonb NOT NULL,
	"diff" jsonb,
	"reason" text DEFAULT '' NOT NULL,
	"proposed_by" uuid,
	"approved_by" uuid,
	"approved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"plan_id" uuid,
	"kind" text NOT NULL,
	"number" integer,
	"title" text NOT NULL,
	"first_of_term" boolean DEFAULT false NOT NULL,
	"opening_date" date NOT NULL,
	"closing_date" date,
	"state" text DEFAULT 'planned' NOT NULL,
	"postponed_reason" text DEFAULT '' NOT NULL,
	"rule_set_key" text NOT NULL,
	"convened_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_joint_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text NOT NULL,
	"agreed_opening_date" date NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"received_on" date NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"due_explanation" jsonb,
	"received_on" date,
	"received_via" text,
	"last_revised_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"presenter_agency_id" uuid,
	"presenter_body_id" uuid,
	"state" text DEFAULT 'planned' NOT NULL,
	"committee_body_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"adopted_at_session_id" uuid,
	"resolution_number" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"rule_set_key" text NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_agenda_versions" ADD CONSTRAINT "session_agenda_versions_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda_versions" ADD CONSTRAINT "session_agenda_versions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda_versions" ADD CONSTRAINT "session_agenda_versions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda_versions" ADD CONSTRAINT "session_agenda_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_plan_id_session_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."session_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_joint_conferences" ADD CONSTRAINT "session_joint_conferences_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_joint_conferences" ADD CONSTRAINT "session_joint_conferences_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_document_files" ADD CONSTRAINT "session_document_files_document_id_session_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."session_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_document_files" ADD CONSTRAINT "session_document_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_documents" ADD CONSTRAINT "session_documents_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_documents" ADD CONSTRAINT "session_documents_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_documents" ADD CONSTRAINT "session_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_documents" ADD CONSTRAINT "session_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_presenter_agency_id_agencies_id_fk" FOREIGN KEY ("presenter_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_presenter_body_id_bodies_id_fk" FOREIGN KEY ("presenter_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_committee_body_id_bodies_id_fk" FOREIGN KEY ("committee_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_plans" ADD CONSTRAINT "session_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_profiles" ADD CONSTRAINT "session_profiles_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_agenda_versions_number_uq" ON "session_agenda_versions" USING btree ("session_id","number");--> statement-breakpoint
CREATE INDEX "council_sessions_council_idx" ON "council_sessions" USING btree ("council_id","opening_date");--> statement-breakpoint
CREATE UNIQUE INDEX "council_sessions_term_number_uq" ON "council_sessions" USING btree ("term_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "session_joint_conferences_session_uq" ON "session_joint_conferences" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_document_files_version_uq" ON "session_document_files" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "session_documents_item_idx" ON "session_documents" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "session_documents_session_idx" ON "session_documents" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_documents_agency_idx" ON "session_documents" USING btree ("agency_id","due_date");--> statement-breakpoint
CREATE INDEX "session_items_session_idx" ON "session_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "session_items_agency_idx" ON "session_items" USING btree ("presenter_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_plans_council_year_uq" ON "session_plans" USING btree ("council_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "session_profiles_council_key_uq" ON "session_profiles" USING btree ("council_id","rule_set_key");