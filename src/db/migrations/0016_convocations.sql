CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_convocation_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convocation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delegate_id" uuid,
	"guest_id" uuid,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_convocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"convocation_document_id" uuid NOT NULL,
	"invitation_document_id" uuid,
	"agenda_document_id" uuid NOT NULL,
	"opening_date" date NOT NULL,
	"closing_date" date,
	"start_time" text NOT NULL,
	"place" text NOT NULL,
	"sequence" integer NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocation_recipients" ADD CONSTRAINT "session_convocation_recipients_convocation_id_session_convocations_id_fk" FOREIGN KEY ("convocation_id") REFERENCES "public"."session_convocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocation_recipients" ADD CONSTRAINT "session_convocation_recipients_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocation_recipients" ADD CONSTRAINT "session_convocation_recipients_guest_id_session_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."session_guests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_convocation_document_id_documents_id_fk" FOREIGN KEY ("convocation_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_invitation_document_id_documents_id_fk" FOREIGN KEY ("invitation_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_agenda_document_id_documents_id_fk" FOREIGN KEY ("agenda_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_convocations" ADD CONSTRAINT "session_convocations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_guests" ADD CONSTRAINT "session_guests_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_guests" ADD CONSTRAINT "session_guests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_user_uq" ON "calendar_feed_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_hash_uq" ON "calendar_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "session_convocation_recipients_idx" ON "session_convocation_recipients" USING btree ("convocation_id");--> statement-breakpoint
CREATE INDEX "session_convocations_session_idx" ON "session_convocations" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "session_guests_session_idx" ON "session_guests" USING btree ("session_id");