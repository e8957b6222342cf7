CREATE TABLE "election_day_settings" (
	"election_id" uuid PRIMARY KEY NOT NULL,
	"turnout_hours" jsonb NOT NULL,
	"inventory_identity" text DEFAULT 'issued' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_result_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"minutes_id" uuid NOT NULL,
	"complainant" text NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_result_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"unit_id" uuid,
	"ballot_type" text NOT NULL,
	"round" text DEFAULT 'first' NOT NULL,
	"figures" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	"state" text DEFAULT 'confirmed' NOT NULL,
	"document_id" uuid,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_on" date,
	CONSTRAINT "election_result_minutes_uq" UNIQUE NULLS NOT DISTINCT("election_id","scope","unit_id","ballot_type","round")
);
--> statement-breakpoint
CREATE TABLE "election_tally_sheet_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"overrides" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"locked_by" uuid,
	"locked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_tally_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"polling_area_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"ballot_type" text NOT NULL,
	"round" text DEFAULT 'first' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_turnout_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"polling_area_id" uuid NOT NULL,
	"at" text NOT NULL,
	"voted" integer NOT NULL,
	"kind" text DEFAULT 'estimated' NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "election_day_settings" ADD CONSTRAINT "election_day_settings_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_result_complaints" ADD CONSTRAINT "election_result_complaints_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_result_complaints" ADD CONSTRAINT "election_result_complaints_minutes_id_election_result_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."election_result_minutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_result_minutes" ADD CONSTRAINT "election_result_minutes_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_result_minutes" ADD CONSTRAINT "election_result_minutes_unit_id_electoral_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_result_minutes" ADD CONSTRAINT "election_result_minutes_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheet_versions" ADD CONSTRAINT "election_tally_sheet_versions_sheet_id_election_tally_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."election_tally_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheet_versions" ADD CONSTRAINT "election_tally_sheet_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheet_versions" ADD CONSTRAINT "election_tally_sheet_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheet_versions" ADD CONSTRAINT "election_tally_sheet_versions_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheets" ADD CONSTRAINT "election_tally_sheets_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheets" ADD CONSTRAINT "election_tally_sheets_polling_area_id_polling_areas_id_fk" FOREIGN KEY ("polling_area_id") REFERENCES "public"."polling_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_tally_sheets" ADD CONSTRAINT "election_tally_sheets_unit_id_electoral_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_turnout_reports" ADD CONSTRAINT "election_turnout_reports_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_turnout_reports" ADD CONSTRAINT "election_turnout_reports_polling_area_id_polling_areas_id_fk" FOREIGN KEY ("polling_area_id") REFERENCES "public"."polling_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_turnout_reports" ADD CONSTRAINT "election_turnout_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "election_result_complaints_minutes_idx" ON "election_result_complaints" USING btree ("minutes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_tally_sheet_versions_uq" ON "election_tally_sheet_versions" USING btree ("sheet_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "election_tally_sheets_area_uq" ON "election_tally_sheets" USING btree ("polling_area_id","ballot_type","round");--> statement-breakpoint
CREATE INDEX "election_tally_sheets_unit_idx" ON "election_tally_sheets" USING btree ("unit_id","ballot_type","round");--> statement-breakpoint
CREATE UNIQUE INDEX "election_turnout_area_at_uq" ON "election_turnout_reports" USING btree ("polling_area_id","at");--> statement-breakpoint
CREATE INDEX "election_turnout_election_idx" ON "election_turnout_reports" USING btree ("election_id");