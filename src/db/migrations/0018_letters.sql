CREATE TABLE "letter_forwardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"forwarded_on" date NOT NULL,
	"letter_number" text NOT NULL,
	"document_id" uuid,
	"result_due" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"id_number" text,
	"phone" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"handle_as_denunciation" boolean DEFAULT false NOT NULL,
	"rule_set_key" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"summary" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"respondent" text DEFAULT '' NOT NULL,
	"competence" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"citizen_wants_notice" boolean DEFAULT true NOT NULL,
	"split_from_id" uuid,
	"duplicate_of_id" uuid,
	"source_opinion_id" uuid,
	"origin" jsonb,
	"delegate_id" uuid,
	"handler_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agency_id" uuid,
	"forwarded_on" date,
	"original_due" date,
	"due" date,
	"result_received_on" date,
	"result_summary" text DEFAULT '' NOT NULL,
	"citizen_informed_on" date,
	"closed_on" date,
	"outcome_note" text DEFAULT '' NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"received_on" date NOT NULL,
	"mode" text NOT NULL,
	"receiver_kind" text NOT NULL,
	"receiver_name" text NOT NULL,
	"delegate_id" uuid,
	"citizen_name" text NOT NULL,
	"citizen_address" text NOT NULL,
	"id_document" text NOT NULL,
	"proxy" boolean DEFAULT false NOT NULL,
	"authorisation_ref" text,
	"summary" text NOT NULL,
	"request" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"people_count" integer DEFAULT 1 NOT NULL,
	"prior_handling" text,
	"within_competence" boolean NOT NULL,
	"guidance" jsonb,
	"forwarding" jsonb,
	"outcome" text NOT NULL,
	"follow_up" text,
	"letter_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_forwardings" ADD CONSTRAINT "letter_forwardings_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_forwardings" ADD CONSTRAINT "letter_forwardings_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_forwardings" ADD CONSTRAINT "letter_forwardings_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_signers" ADD CONSTRAINT "letter_signers_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_split_from_id_letters_id_fk" FOREIGN KEY ("split_from_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_duplicate_of_id_letters_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_source_opinion_id_petition_opinions_id_fk" FOREIGN KEY ("source_opinion_id") REFERENCES "public"."petition_opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_records" ADD CONSTRAINT "reception_records_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_records" ADD CONSTRAINT "reception_records_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_records" ADD CONSTRAINT "reception_records_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_forwardings_letter_idx" ON "letter_forwardings" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_signers_letter_idx" ON "letter_signers" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_signers_id_number_idx" ON "letter_signers" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_register_uq" ON "letters" USING btree ("council_id","year","number");--> statement-breakpoint
CREATE INDEX "letters_council_received_idx" ON "letters" USING btree ("council_id","received_on");--> statement-breakpoint
CREATE INDEX "letters_delegate_idx" ON "letters" USING btree ("delegate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_source_opinion_uq" ON "letters" USING btree ("source_opinion_id") WHERE source_opinion_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reception_records_register_uq" ON "reception_records" USING btree ("council_id","year","number");--> statement-breakpoint
CREATE INDEX "reception_records_delegate_idx" ON "reception_records" USING btree ("delegate_id");