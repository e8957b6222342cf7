CREATE TABLE "chamber_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid,
	"delegate_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chamber_speaker_lists" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chamber_speakers" (
	"speaker_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"from_floor" boolean DEFAULT false NOT NULL,
	"kind" text DEFAULT 'speech' NOT NULL,
	"allotted_seconds" integer NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chamber_vote_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"delegate_id" uuid,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chamber_vote_named_choices" (
	"vote_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"candidate_id" uuid
);
--> statement-breakpoint
CREATE TABLE "chamber_vote_tallies" (
	"vote_id" uuid NOT NULL,
	"option" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "chamber_vote_tallies_vote_id_option_pk" PRIMARY KEY("vote_id","option")
);
--> statement-breakpoint
CREATE TABLE "chamber_vote_voters" (
	"vote_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chamber_vote_voters_vote_id_delegate_id_pk" PRIMARY KEY("vote_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "chamber_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"rule_key" text NOT NULL,
	"rule" jsonb NOT NULL,
	"seats_to_fill" integer,
	"state" text DEFAULT 'created' NOT NULL,
	"repeat_of" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"annulled_by" uuid,
	"annulled_at" timestamp with time zone,
	"annul_reason" text,
	"roll" jsonb,
	"figures" jsonb,
	"result" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chamber_attendance" ADD CONSTRAINT "chamber_attendance_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_attendance" ADD CONSTRAINT "chamber_attendance_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_attendance" ADD CONSTRAINT "chamber_attendance_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_attendance" ADD CONSTRAINT "chamber_attendance_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_attendance" ADD CONSTRAINT "chamber_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speaker_lists" ADD CONSTRAINT "chamber_speaker_lists_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speaker_lists" ADD CONSTRAINT "chamber_speaker_lists_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speaker_lists" ADD CONSTRAINT "chamber_speaker_lists_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speakers" ADD CONSTRAINT "chamber_speakers_speaker_id_session_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."session_speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speakers" ADD CONSTRAINT "chamber_speakers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speakers" ADD CONSTRAINT "chamber_speakers_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_speakers" ADD CONSTRAINT "chamber_speakers_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_candidates" ADD CONSTRAINT "chamber_vote_candidates_vote_id_chamber_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."chamber_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_candidates" ADD CONSTRAINT "chamber_vote_candidates_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_named_choices" ADD CONSTRAINT "chamber_vote_named_choices_vote_id_chamber_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."chamber_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_named_choices" ADD CONSTRAINT "chamber_vote_named_choices_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_named_choices" ADD CONSTRAINT "chamber_vote_named_choices_candidate_id_chamber_vote_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."chamber_vote_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_tallies" ADD CONSTRAINT "chamber_vote_tallies_vote_id_chamber_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."chamber_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_voters" ADD CONSTRAINT "chamber_vote_voters_vote_id_chamber_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."chamber_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_vote_voters" ADD CONSTRAINT "chamber_vote_voters_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_item_id_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."session_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_votes" ADD CONSTRAINT "chamber_votes_annulled_by_users_id_fk" FOREIGN KEY ("annulled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chamber_attendance_session_uq" ON "chamber_attendance" USING btree ("session_id","delegate_id") WHERE item_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "chamber_attendance_item_uq" ON "chamber_attendance" USING btree ("item_id","delegate_id") WHERE item_id is not null;--> statement-breakpoint
CREATE INDEX "chamber_attendance_session_idx" ON "chamber_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "chamber_speakers_item_idx" ON "chamber_speakers" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "chamber_vote_candidates_uq" ON "chamber_vote_candidates" USING btree ("vote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "chamber_vote_named_uq" ON "chamber_vote_named_choices" USING btree ("vote_id","delegate_id",coalesce(candidate_id, '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "chamber_votes_session_idx" ON "chamber_votes" USING btree ("session_id","created_at");
