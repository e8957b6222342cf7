CREATE TABLE "letter_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"letter_id" uuid,
	"reception_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_attachments_one_owner" CHECK ((letter_id is null) <> (reception_id is null))
);
--> statement-breakpoint
CREATE TABLE "letter_fields" (
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
CREATE TABLE "online_reception_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"citizen_name" text NOT NULL,
	"citizen_address" text NOT NULL,
	"id_document" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"slot_time" text,
	"meeting_link" text,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"reception_id" uuid,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"on" date NOT NULL,
	"receiver_kind" text NOT NULL,
	"receiver_name" text NOT NULL,
	"delegate_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"online_slots" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "field_code" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "field_suggested" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "field_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "letter_attachments" ADD CONSTRAINT "letter_attachments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_attachments" ADD CONSTRAINT "letter_attachments_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_attachments" ADD CONSTRAINT "letter_attachments_reception_id_reception_records_id_fk" FOREIGN KEY ("reception_id") REFERENCES "public"."reception_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_attachments" ADD CONSTRAINT "letter_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_fields" ADD CONSTRAINT "letter_fields_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_reception_requests" ADD CONSTRAINT "online_reception_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_reception_requests" ADD CONSTRAINT "online_reception_requests_day_id_reception_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."reception_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_reception_requests" ADD CONSTRAINT "online_reception_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_reception_requests" ADD CONSTRAINT "online_reception_requests_reception_id_reception_records_id_fk" FOREIGN KEY ("reception_id") REFERENCES "public"."reception_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_attachments_letter_idx" ON "letter_attachments" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_attachments_reception_idx" ON "letter_attachments" USING btree ("reception_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_fields_council_code_uq" ON "letter_fields" USING btree ("council_id","code");--> statement-breakpoint
CREATE INDEX "online_reception_requests_council_idx" ON "online_reception_requests" USING btree ("council_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "online_reception_requests_code_uq" ON "online_reception_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "reception_days_council_on_idx" ON "reception_days" USING btree ("council_id","on");