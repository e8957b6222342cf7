-- The full-text vector of a searchable row (src/db/textSearch.ts), derived from its two search
-- documents (src/domain/text/searchQuery.ts): every folded word at its position ("duong":1) and
-- every word with diacritics at the same position ("đường":1), so one GIN index serves the
-- accent-insensitive match and the exact-diacritic ranking, phrases included. The documents are
-- already split into words by the text engine, so no text-search parser or dictionary is involved
-- (the vector is written as a tsvector literal): identical on PGlite and PostgreSQL.
CREATE OR REPLACE FUNCTION nt_search_vector(search_doc text, exact_doc text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce((
    SELECT string_agg('''' || w || ''':' || least(i, 16383), ' ')
    FROM (
      SELECT w, i FROM unnest(string_to_array(btrim(search_doc), ' ')) WITH ORDINALITY AS a(w, i) WHERE w <> ''
      UNION ALL
      SELECT w, i FROM unnest(string_to_array(btrim(exact_doc), ' ')) WITH ORDINALITY AS b(w, i) WHERE w <> ''
    ) words
  ), '')::tsvector
$$;
