CREATE TABLE "commitment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"reported_on" date NOT NULL,
	"reported_by" uuid,
	"file_name" text,
	"mime_type" text,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"owner_name" text NOT NULL,
	"owner_post" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"made_on" date NOT NULL,
	"original_due" date NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"done_reported_on" date,
	"closed_on" date,
	"closed_by" uuid,
	"verification_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"topic_id" uuid,
	"slip_id" uuid,
	"mode" text NOT NULL,
	"answerer_agency_id" uuid,
	"answerer_name" text NOT NULL,
	"answerer_post" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"answered_on" date NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"filed_by" uuid,
	"addressed_agency_id" uuid,
	"addressed_name" text DEFAULT '' NOT NULL,
	"addressed_post" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follows_slip_id" uuid,
	"follows_commitment_id" uuid,
	"state" text DEFAULT 'submitted' NOT NULL,
	"topic_id" uuid,
	"decision_note" text DEFAULT '' NOT NULL,
	"written_requested_on" date,
	"written_due" date,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"answerer_agency_id" uuid,
	"answerer_name" text DEFAULT '' NOT NULL,
	"answerer_post" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"type" text NOT NULL,
	"partial" boolean DEFAULT false NOT NULL,
	"provisions" text DEFAULT '' NOT NULL,
	"effective_from" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_task_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reported_on" date NOT NULL,
	"content" text NOT NULL,
	"filed_via" text NOT NULL,
	"filed_by" uuid,
	"filed_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resolution_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provision" text DEFAULT '' NOT NULL,
	"assigned_on" date NOT NULL,
	"original_due" date NOT NULL,
	"due" date NOT NULL,
	"report_every_months" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"closing_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid,
	"item_id" uuid,
	"vote_id" uuid,
	"announced_for" integer,
	"announced_against" integer,
	"announced_abstain" integer,
	"announced_total" integer,
	"title" text NOT NULL,
	"normative" boolean NOT NULL,
	"shortened_procedure" boolean DEFAULT false NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"passed_on" date NOT NULL,
	"rule_set_key" text NOT NULL,
	"number" integer,
	"year" integer,
	"symbol" text,
	"number_source" text,
	"document_id" uuid,
	"certified_on" date,
	"certified_by" uuid,
	"certified_by_name" text DEFAULT '' NOT NULL,
	"published_on" date,
	"published_where" text DEFAULT '' NOT NULL,
	"gazette_sent_on" date,
	"in_force_from" date,
	"search_key" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "document_issuers_council_code_uq";--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_answer_id_question_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."question_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_topic_id_question_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."question_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_slip_id_question_slips_id_fk" FOREIGN KEY ("slip_id") REFERENCES "public"."question_slips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_answerer_agency_id_agencies_id_fk" FOREIGN KEY ("answerer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_addressed_agency_id_agencies_id_fk" FOREIGN KEY ("addressed_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_follows_slip_id_question_slips_id_fk" FOREIGN KEY ("follows_slip_id") REFERENCES "public"."question_slips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_slips" ADD CONSTRAINT "question_slips_topic_id_question_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."question_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_topics" ADD CONSTRAINT "question_topics_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_topics" ADD CONSTRAINT "question_topics_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_topics" ADD CONSTRAINT "question_topics_answerer_agency_id_agencies_id_fk" FOREIGN KEY ("answerer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_from_id_resolutions_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_to_id_resolutions_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_links" ADD CONSTRAINT "resolution_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_task_reports" ADD CONSTRAINT "resolution_task_reports_task_id_resolution_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."resolution_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_task_reports" ADD CONSTRAINT "resolution_task_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_task_reports" ADD CONSTRAINT "resolution_task_reports_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_tasks" ADD CONSTRAINT "resolution_tasks_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_tasks" ADD CONSTRAINT "resolution_tasks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_tasks" ADD CONSTRAINT "resolution_tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_vote_id_chamber_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."chamber_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_certified_by_users_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_reports_commitment_idx" ON "commitment_reports" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "commitments_council_idx" ON "commitments" USING btree ("council_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_agency_idx" ON "commitments" USING btree ("agency_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_session_idx" ON "commitments" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "question_answers_session_idx" ON "question_answers" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "question_answers_topic_idx" ON "question_answers" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "question_answers_slip_idx" ON "question_answers" USING btree ("slip_id");--> statement-breakpoint
CREATE INDEX "question_slips_session_idx" ON "question_slips" USING btree ("session_id","filed_at");--> statement-breakpoint
CREATE INDEX "question_slips_delegate_idx" ON "question_slips" USING btree ("delegate_id");--> statement-breakpoint
CREATE INDEX "question_slips_topic_idx" ON "question_slips" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "question_topics_session_idx" ON "question_topics" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_links_uq" ON "resolution_links" USING btree ("from_id","to_id","type","provisions");--> statement-breakpoint
CREATE INDEX "resolution_links_to_idx" ON "resolution_links" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "resolution_task_reports_task_idx" ON "resolution_task_reports" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE INDEX "resolution_tasks_resolution_idx" ON "resolution_tasks" USING btree ("resolution_id");--> statement-breakpoint
CREATE INDEX "resolution_tasks_agency_idx" ON "resolution_tasks" USING btree ("agency_id","due");--> statement-breakpoint
CREATE INDEX "resolutions_council_idx" ON "resolutions" USING btree ("council_id","passed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_council_symbol_uq" ON "resolutions" USING btree ("council_id","symbol");--> statement-breakpoint
CREATE INDEX "resolutions_session_idx" ON "resolutions" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_issuers_council_plenary_uq" ON "document_issuers" USING btree ("council_id") WHERE "document_issuers"."kind" = 'council';--> statement-breakpoint
CREATE UNIQUE INDEX "document_issuers_council_code_uq" ON "document_issuers" USING btree ("council_id","code") WHERE "document_issuers"."kind" <> 'council';