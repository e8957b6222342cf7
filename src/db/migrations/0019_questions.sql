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
CREATE INDEX "question_topics_session_idx" ON "question_topics" USING btree ("session_id","position");