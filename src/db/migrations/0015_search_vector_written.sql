ALTER TABLE "petition_opinions" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "petitions" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
-- Hand-written. The search vector is no longer a generated column: evaluating nt_search_vector row by
-- row was most of the time of a 20,000-row import. A trigger keeps every write path right: a row
-- inserted without a vector, and any change of its documents (or of the vector itself), gets
-- nt_search_vector's. A bulk writer that brings the same value computed already (searchVectorOf,
-- src/db/searchSchema.ts) and adds its words to the vocabulary itself says so for its transaction
-- with set_config('nt.search_derived', 'app', true); without that, a vector it brings is recomputed.
CREATE OR REPLACE FUNCTION search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := nt_search_vector(NEW.search_text, NEW.exact_text);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER petition_opinions_search_vector_insert BEFORE INSERT ON petition_opinions
  FOR EACH ROW WHEN (NEW.search_vector IS NULL OR current_setting('nt.search_derived', true) IS DISTINCT FROM 'app')
  EXECUTE FUNCTION search_vector_fill();
--> statement-breakpoint
CREATE TRIGGER petition_opinions_search_vector_update BEFORE UPDATE ON petition_opinions
  FOR EACH ROW WHEN (NEW.search_text IS DISTINCT FROM OLD.search_text OR NEW.exact_text IS DISTINCT FROM OLD.exact_text OR NEW.search_vector IS DISTINCT FROM OLD.search_vector)
  EXECUTE FUNCTION search_vector_fill();
--> statement-breakpoint
CREATE TRIGGER petitions_search_vector_insert BEFORE INSERT ON petitions
  FOR EACH ROW WHEN (NEW.search_vector IS NULL OR current_setting('nt.search_derived', true) IS DISTINCT FROM 'app')
  EXECUTE FUNCTION search_vector_fill();
--> statement-breakpoint
CREATE TRIGGER petitions_search_vector_update BEFORE UPDATE ON petitions
  FOR EACH ROW WHEN (NEW.search_text IS DISTINCT FROM OLD.search_text OR NEW.exact_text IS DISTINCT FROM OLD.exact_text OR NEW.search_vector IS DISTINCT FROM OLD.search_vector)
  EXECUTE FUNCTION search_vector_fill();
--> statement-breakpoint
-- The vocabulary trigger (0005) stands aside for such a transaction: the writer adds the words of
-- all its rows in one statement.
DROP TRIGGER petitions_search_vocabulary ON petitions;
--> statement-breakpoint
CREATE TRIGGER petitions_search_vocabulary AFTER INSERT OR UPDATE OF search_text ON petitions
  FOR EACH ROW WHEN (current_setting('nt.search_derived', true) IS DISTINCT FROM 'app')
  EXECUTE FUNCTION search_vocabulary_collect();
--> statement-breakpoint
DROP TRIGGER petition_opinions_search_vocabulary ON petition_opinions;
--> statement-breakpoint
CREATE TRIGGER petition_opinions_search_vocabulary AFTER INSERT OR UPDATE OF search_text ON petition_opinions
  FOR EACH ROW WHEN (current_setting('nt.search_derived', true) IS DISTINCT FROM 'app')
  EXECUTE FUNCTION search_vocabulary_collect();
