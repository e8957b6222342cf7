CREATE TABLE "text_abbreviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"abbreviation" text NOT NULL,
	"expansion" text NOT NULL,
	"numbered" boolean DEFAULT false NOT NULL,
	"case_sensitive" boolean,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "text_abbreviations_abbreviation_uq" ON "text_abbreviations" USING btree ("abbreviation");