CREATE TABLE "contact_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"unit_id" uuid,
	"body_id" uuid,
	"delegates_present" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delegate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"voters_attending" integer DEFAULT 0 NOT NULL,
	"chaired_by" text DEFAULT '' NOT NULL,
	"joint_council_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_dispatch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"petition_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid,
	"target_council_id" uuid,
	"upper_opinion_id" uuid,
	"due_date" date NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"return_reason" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"agency_id" uuid,
	"target_council_id" uuid,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"received_on" date,
	"due_date" date NOT NULL,
	"due_rule" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holiday_overrides" (
	"year" integer PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" jsonb,
	CONSTRAINT "job_runs_job_day_pk" PRIMARY KEY("job","day")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"council_id" uuid,
	"agency_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"meeting_id" uuid,
	"channel" text NOT NULL,
	"voter_name" text DEFAULT '' NOT NULL,
	"voter_hamlet" text DEFAULT '' NOT NULL,
	"voter_count" integer DEFAULT 1 NOT NULL,
	"unit_id" uuid,
	"text" text NOT NULL,
	"original_text" text,
	"source_encoding" text DEFAULT 'unicode' NOT NULL,
	"received_on" date,
	"kind" text DEFAULT 'petition' NOT NULL,
	"field_id" uuid,
	"competent_level" text,
	"agency_id" uuid,
	"classified_at" timestamp with time zone,
	"petition_id" uuid,
	"source_petition_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_round_entries" (
	"petition_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_round_entries_petition_id_round_id_pk" PRIMARY KEY("petition_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "petition_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"term_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer NOT NULL,
	"session_name" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_settings" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"origin_round_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"field_id" uuid,
	"competent_level" text,
	"agency_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"petition_ids" jsonb NOT NULL,
	"dispatch_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"letter_number" text DEFAULT '' NOT NULL,
	"sent_on" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_response_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"dispatch_item_id" uuid,
	"council_id" uuid NOT NULL,
	"agency_id" uuid,
	"result" text NOT NULL,
	"text" text NOT NULL,
	"letter_number" text DEFAULT '' NOT NULL,
	"letter_date" date,
	"roadmap" text DEFAULT '' NOT NULL,
	"committed_date" date,
	"responded_on" date NOT NULL,
	"from_response_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"field_id" uuid,
	"competent_level" text,
	"unit_id" uuid,
	"agency_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_meetings" ADD CONSTRAINT "contact_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_meetings" ADD CONSTRAINT "contact_meetings_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_meetings" ADD CONSTRAINT "contact_meetings_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_meetings" ADD CONSTRAINT "contact_meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_meetings" ADD CONSTRAINT "contact_meetings_joint_council_id_councils_id_fk" FOREIGN KEY ("joint_council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_dispatch_id_petition_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."petition_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_target_council_id_councils_id_fk" FOREIGN KEY ("target_council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatch_items" ADD CONSTRAINT "petition_dispatch_items_upper_opinion_id_petition_opinions_id_fk" FOREIGN KEY ("upper_opinion_id") REFERENCES "public"."petition_opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatches" ADD CONSTRAINT "petition_dispatches_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatches" ADD CONSTRAINT "petition_dispatches_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatches" ADD CONSTRAINT "petition_dispatches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_dispatches" ADD CONSTRAINT "petition_dispatches_target_council_id_councils_id_fk" FOREIGN KEY ("target_council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_meeting_id_contact_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."contact_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_field_id_petition_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."petition_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD CONSTRAINT "petition_opinions_source_petition_id_petitions_id_fk" FOREIGN KEY ("source_petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_fields" ADD CONSTRAINT "petition_fields_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_round_entries" ADD CONSTRAINT "petition_round_entries_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_round_entries" ADD CONSTRAINT "petition_round_entries_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_rounds" ADD CONSTRAINT "petition_rounds_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_rounds" ADD CONSTRAINT "petition_rounds_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_settings" ADD CONSTRAINT "petition_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_origin_round_id_petition_rounds_id_fk" FOREIGN KEY ("origin_round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_field_id_petition_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."petition_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reminders" ADD CONSTRAINT "petition_reminders_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reminders" ADD CONSTRAINT "petition_reminders_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_response_attachments" ADD CONSTRAINT "petition_response_attachments_response_id_petition_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."petition_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_dispatch_item_id_petition_dispatch_items_id_fk" FOREIGN KEY ("dispatch_item_id") REFERENCES "public"."petition_dispatch_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_responses" ADD CONSTRAINT "petition_responses_from_response_id_petition_responses_id_fk" FOREIGN KEY ("from_response_id") REFERENCES "public"."petition_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_response_id_petition_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."petition_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_round_id_petition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."petition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_routing_rules" ADD CONSTRAINT "petition_routing_rules_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_routing_rules" ADD CONSTRAINT "petition_routing_rules_field_id_petition_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."petition_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_routing_rules" ADD CONSTRAINT "petition_routing_rules_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_routing_rules" ADD CONSTRAINT "petition_routing_rules_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_meetings_round_idx" ON "contact_meetings" USING btree ("round_id","held_on");--> statement-breakpoint
CREATE INDEX "petition_dispatch_items_agency_idx" ON "petition_dispatch_items" USING btree ("agency_id","state","due_date");--> statement-breakpoint
CREATE INDEX "petition_dispatch_items_petition_idx" ON "petition_dispatch_items" USING btree ("petition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_dispatch_items_one_pending_uq" ON "petition_dispatch_items" USING btree ("petition_id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "petition_dispatches_round_idx" ON "petition_dispatches" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "petition_dispatches_agency_idx" ON "petition_dispatches" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "petition_opinions_round_idx" ON "petition_opinions" USING btree ("round_id","petition_id");--> statement-breakpoint
CREATE INDEX "petition_opinions_petition_idx" ON "petition_opinions" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_opinions_meeting_idx" ON "petition_opinions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "petition_opinions_search_trgm_idx" ON "petition_opinions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "petition_fields_council_code_uq" ON "petition_fields" USING btree ("council_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_rounds_council_seq_uq" ON "petition_rounds" USING btree ("council_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_council_number_uq" ON "petitions" USING btree ("council_id","number");--> statement-breakpoint
CREATE INDEX "petitions_round_idx" ON "petitions" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "petitions_agency_idx" ON "petitions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "petitions_search_trgm_idx" ON "petitions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "petition_reminders_agency_idx" ON "petition_reminders" USING btree ("agency_id","sent_on");--> statement-breakpoint
CREATE INDEX "petition_response_attachments_response_idx" ON "petition_response_attachments" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "petition_responses_petition_idx" ON "petition_responses" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_reviews_petition_idx" ON "petition_reviews" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_routing_rules_council_idx" ON "petition_routing_rules" USING btree ("council_id");