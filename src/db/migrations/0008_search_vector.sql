DROP INDEX "petition_opinions_search_trgm_idx";--> statement-breakpoint
DROP INDEX "petitions_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "petition_opinions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (nt_search_vector(search_text, exact_text)) STORED;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (nt_search_vector(search_text, exact_text)) STORED;--> statement-breakpoint
CREATE INDEX "petition_opinions_council_created_idx" ON "petition_opinions" USING btree ("council_id","created_at","id");--> statement-breakpoint
CREATE INDEX "petition_opinions_search_idx" ON "petition_opinions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "petitions_search_idx" ON "petitions" USING gin ("search_vector");