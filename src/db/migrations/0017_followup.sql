CREATE TABLE "followup_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"link" text NOT NULL,
	"original_due" date NOT NULL,
	"due" date NOT NULL,
	"answered_on" date,
	"closed_on" date,
	"state_label" text NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due" date NOT NULL,
	"sent_on" date NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "followup_items" ADD CONSTRAINT "followup_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_items" ADD CONSTRAINT "followup_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_reminders" ADD CONSTRAINT "followup_reminders_item_id_followup_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."followup_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "followup_items_source_uq" ON "followup_items" USING btree ("kind","source_id");--> statement-breakpoint
CREATE INDEX "followup_items_agency_open_idx" ON "followup_items" USING btree ("agency_id","due") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "followup_items_council_idx" ON "followup_items" USING btree ("council_id","due");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_reminders_uq" ON "followup_reminders" USING btree ("item_id","kind","due","sent_on");--> statement-breakpoint
-- Petition answers already owed when the follow-up engine arrived (hand-written: drizzle-kit does
-- not express data). The folded search key matches src/domain/text fold() for Vietnamese text.
INSERT INTO "followup_items" ("kind", "source_id", "council_id", "agency_id", "title", "detail", "link", "original_due", "due", "answered_on", "closed_on", "state_label", "search_key")
SELECT 'petition_answer', di.id, di.council_id, di.agency_id,
  'Kiến nghị số ' || p.number || ': ' || CASE WHEN length(p.text) > 160 THEN rtrim(left(p.text, 159)) || '…' ELSE p.text END,
  'Công văn số ' || d.letter_number,
  '/agencies/' || di.agency_id || '/petitions?state=pending',
  di.due_date, di.due_date,
  CASE WHEN di.state = 'answered' THEN ((di.closed_at AT TIME ZONE 'UTC') + interval '7 hours')::date END,
  CASE WHEN di.state = 'returned' THEN ((di.closed_at AT TIME ZONE 'UTC') + interval '7 hours')::date END,
  CASE di.state WHEN 'pending' THEN 'Chờ cơ quan trả lời' WHEN 'answered' THEN 'Đã trả lời' ELSE 'Cơ quan trả lại (ngoài thẩm quyền)' END,
  trim(regexp_replace(translate(lower('Kiến nghị số ' || p.number || ': ' || p.text || ' Công văn số ' || d.letter_number),
    'đàáãảạăằắẵẳặâầấẫẩậèéẽẻẹêềếễểệìíĩỉịòóõỏọôồốỗổộơờớỡởợùúũủụưừứữửựỳýỹỷỵ',
    'daaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'), '\s+', ' ', 'g'))
FROM "petition_dispatch_items" di
JOIN "petitions" p ON p.id = di.petition_id
JOIN "petition_dispatches" d ON d.id = di.dispatch_id
WHERE di.agency_id IS NOT NULL
ON CONFLICT DO NOTHING;
