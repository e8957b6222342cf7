CREATE TABLE "election_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"electoral_unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"state" text DEFAULT 'official' NOT NULL,
	"list_order" integer DEFAULT 0 NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"workplace" text DEFAULT '' NOT NULL,
	"residence" text DEFAULT '' NOT NULL,
	"removed_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"council_id" uuid NOT NULL,
	"electoral_unit_id" uuid,
	"polling_area_id" uuid,
	"name" text NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_body_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text DEFAULT 'member' NOT NULL,
	"organization" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"election_day" date NOT NULL,
	"ballot_types" jsonb DEFAULT '["na","province","commune"]'::jsonb NOT NULL,
	"council_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "electoral_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"ballot_type" text NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"seats" integer NOT NULL,
	"unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolution" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polling_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"commune_unit_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"province_council_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"hamlets" text DEFAULT '' NOT NULL,
	"na_unit_id" uuid,
	"province_unit_id" uuid,
	"commune_ballot_unit_id" uuid,
	"list_posted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voter_entries" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"election_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"polling_area_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"change" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"citizen_id" text,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" text NOT NULL,
	"sex" text NOT NULL,
	"ethnicity" text DEFAULT '' NOT NULL,
	"residence_kind" text NOT NULL,
	"residence_since" date,
	"permanent_address" text DEFAULT '' NOT NULL,
	"temporary_address" text DEFAULT '' NOT NULL,
	"current_address" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'none' NOT NULL,
	"exclusion_ground" text,
	"exclusion_ends_at" text,
	"ballot_na" boolean NOT NULL,
	"ballot_province" boolean NOT NULL,
	"ballot_commune" boolean NOT NULL,
	"eligibility_reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"household" text DEFAULT '' NOT NULL,
	"row_order" integer DEFAULT 0 NOT NULL,
	"import_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voter_entries_province_code_id_pk" PRIMARY KEY("province_code","id")
) PARTITION BY LIST ("province_code");
--> statement-breakpoint
CREATE TABLE "voter_list_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"polling_area_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"voter_id" uuid,
	"complainant" text NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"answer_due" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_electoral_unit_id_electoral_units_id_fk" FOREIGN KEY ("electoral_unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_bodies" ADD CONSTRAINT "election_bodies_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_bodies" ADD CONSTRAINT "election_bodies_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_bodies" ADD CONSTRAINT "election_bodies_electoral_unit_id_electoral_units_id_fk" FOREIGN KEY ("electoral_unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_bodies" ADD CONSTRAINT "election_bodies_polling_area_id_polling_areas_id_fk" FOREIGN KEY ("polling_area_id") REFERENCES "public"."polling_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_body_members" ADD CONSTRAINT "election_body_members_body_id_election_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."election_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_body_members" ADD CONSTRAINT "election_body_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electoral_units" ADD CONSTRAINT "electoral_units_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electoral_units" ADD CONSTRAINT "electoral_units_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_commune_unit_id_admin_units_id_fk" FOREIGN KEY ("commune_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_province_council_id_councils_id_fk" FOREIGN KEY ("province_council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_na_unit_id_electoral_units_id_fk" FOREIGN KEY ("na_unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_province_unit_id_electoral_units_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_areas" ADD CONSTRAINT "polling_areas_commune_ballot_unit_id_electoral_units_id_fk" FOREIGN KEY ("commune_ballot_unit_id") REFERENCES "public"."electoral_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voter_list_complaints" ADD CONSTRAINT "voter_list_complaints_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voter_list_complaints" ADD CONSTRAINT "voter_list_complaints_polling_area_id_polling_areas_id_fk" FOREIGN KEY ("polling_area_id") REFERENCES "public"."polling_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voter_list_complaints" ADD CONSTRAINT "voter_list_complaints_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voter_list_complaints" ADD CONSTRAINT "voter_list_complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "election_candidates_unit_idx" ON "election_candidates" USING btree ("electoral_unit_id");--> statement-breakpoint
CREATE INDEX "election_bodies_election_idx" ON "election_bodies" USING btree ("election_id","council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_bodies_area_uq" ON "election_bodies" USING btree ("polling_area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_bodies_unit_uq" ON "election_bodies" USING btree ("electoral_unit_id");--> statement-breakpoint
CREATE INDEX "election_body_members_body_idx" ON "election_body_members" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "election_body_members_user_idx" ON "election_body_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "elections_council_day_uq" ON "elections" USING btree ("council_id","election_day");--> statement-breakpoint
CREATE UNIQUE INDEX "electoral_units_number_uq" ON "electoral_units" USING btree ("election_id","council_id","ballot_type","number");--> statement-breakpoint
CREATE UNIQUE INDEX "polling_areas_number_uq" ON "polling_areas" USING btree ("election_id","commune_unit_id","number");--> statement-breakpoint
CREATE INDEX "polling_areas_council_idx" ON "polling_areas" USING btree ("election_id","council_id");--> statement-breakpoint
CREATE INDEX "polling_areas_province_idx" ON "polling_areas" USING btree ("election_id","province_council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voter_entries_version_uq" ON "voter_entries" USING btree ("province_code","voter_id","version");--> statement-breakpoint
CREATE INDEX "voter_entries_area_idx" ON "voter_entries" USING btree ("province_code","polling_area_id","row_order");--> statement-breakpoint
CREATE INDEX "voter_list_complaints_area_idx" ON "voter_list_complaints" USING btree ("election_id","polling_area_id");--> statement-breakpoint
CREATE INDEX "election_result_complaints_minutes_idx" ON "election_result_complaints" USING btree ("minutes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_tally_sheet_versions_uq" ON "election_tally_sheet_versions" USING btree ("sheet_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "election_tally_sheets_area_uq" ON "election_tally_sheets" USING btree ("polling_area_id","ballot_type","round");--> statement-breakpoint
CREATE INDEX "election_tally_sheets_unit_idx" ON "election_tally_sheets" USING btree ("unit_id","ballot_type","round");--> statement-breakpoint
CREATE UNIQUE INDEX "election_turnout_area_at_uq" ON "election_turnout_reports" USING btree ("polling_area_id","at");--> statement-breakpoint
CREATE INDEX "election_turnout_election_idx" ON "election_turnout_reports" USING btree ("election_id");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express partitions or triggers): the default partition, and the
-- voter list is append-only (a change is a new version with its reason).
CREATE TABLE "voter_entries_default" PARTITION OF "voter_entries" DEFAULT;--> statement-breakpoint
CREATE OR REPLACE FUNCTION voter_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Danh sách cử tri chỉ được ghi thêm phiên bản mới, không được sửa hoặc xóa'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER voter_entries_no_update BEFORE UPDATE OR DELETE ON "voter_entries"
  FOR EACH ROW EXECUTE FUNCTION voter_entries_append_only();--> statement-breakpoint
CREATE TRIGGER voter_entries_no_truncate BEFORE TRUNCATE ON "voter_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION voter_entries_append_only();
