CREATE TABLE "document_typed_numbers" (
	"issuer_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_typed_numbers_issuer_id_year_number_pk" PRIMARY KEY("issuer_id","year","number")
);
--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD COLUMN "level_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "level_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "privacy_cleared_text" text;--> statement-breakpoint
ALTER TABLE "document_typed_numbers" ADD CONSTRAINT "document_typed_numbers_issuer_id_document_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."document_issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: numbers typed on dispatches before this migration enter the register of the
-- council's issuer their symbol names ("35/HĐND-VP" → issuer HĐND, year of the letter date), and
-- the counters move up to the highest number used. Numbers already issued or typed twice are left
-- out (the first one typed keeps it).
WITH typed AS (
  SELECT d.id, d.council_id, d.created_at, trim(d.letter_number) AS symbol,
    extract(year FROM d.letter_date)::int AS year,
    substring(d.letter_number FROM '^\s*(\d{1,6})\s*/')::int AS number,
    string_to_array(regexp_replace(substring(d.letter_number FROM '^\s*\d{1,6}\s*/\s*(?:\d{4}\s*/\s*)?(.*)$'), '\s', '', 'g'), '-') AS parts
  FROM petition_dispatches d
  WHERE d.document_id IS NULL AND d.letter_number ~ '^\s*\d{1,6}\s*/\s*\S'
), coded AS (
  SELECT t.*, upper(CASE WHEN array_length(t.parts, 1) > 1 AND t.parts[1] IN ('NQ','QĐ','TB','KH','BC','TTr','BB','GM','CTr') THEN t.parts[2] ELSE t.parts[1] END) AS code
  FROM typed t
  WHERE t.number > 0
)
INSERT INTO "document_typed_numbers" ("issuer_id", "year", "number", "symbol", "source_type", "source_id")
SELECT DISTINCT ON (i.id, c.year, c.number) i.id, c.year, c.number, c.symbol, 'petition_dispatch', c.id
FROM coded c
JOIN document_issuers i ON i.council_id = c.council_id AND upper(i.code) = c.code
WHERE NOT EXISTS (SELECT 1 FROM documents x WHERE x.issuer_id = i.id AND x.year = c.year AND x.number = c.number)
ORDER BY i.id, c.year, c.number, c.created_at
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "document_counters" ("issuer_id", "year", "last_number")
SELECT "issuer_id", "year", max("number") FROM "document_typed_numbers" GROUP BY "issuer_id", "year"
ON CONFLICT ("issuer_id", "year") DO UPDATE SET "last_number" = greatest("document_counters"."last_number", excluded."last_number");
