-- The search vocabulary fills itself: every word (3–40 letters) of a searchable document written to
-- a table with a search_text column is added, so typo correction (src/db/textSearch.ts) knows it.
-- A trigger, so that no write path can forget it.
CREATE OR REPLACE FUNCTION search_vocabulary_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM unnest(string_to_array(trim(NEW.search_text), ' ')) AS w
    WHERE length(w) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER petitions_search_vocabulary AFTER INSERT OR UPDATE OF search_text ON petitions
  FOR EACH ROW EXECUTE FUNCTION search_vocabulary_collect();
--> statement-breakpoint
CREATE TRIGGER petition_opinions_search_vocabulary AFTER INSERT OR UPDATE OF search_text ON petition_opinions
  FOR EACH ROW EXECUTE FUNCTION search_vocabulary_collect();
