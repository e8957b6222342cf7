CREATE TABLE "search_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD COLUMN "exact_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "exact_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "search_vocabulary_trgm" ON "search_vocabulary" USING gin ("word" gin_trgm_ops);