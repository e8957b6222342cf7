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
CREATE UNIQUE INDEX "chamber_attendance_session_uq" ON "chamber_attendance" USING btree ("session_id","delegate_id") WHERE item_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "chamber_attendance_item_uq" ON "chamber_attendance" USING btree ("item_id","delegate_id") WHERE item_id is not null;--> statement-breakpoint
CREATE INDEX "chamber_attendance_session_idx" ON "chamber_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "chamber_speakers_item_idx" ON "chamber_speakers" USING btree ("item_id","position");