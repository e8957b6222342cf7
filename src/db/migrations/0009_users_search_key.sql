ALTER TABLE "users" ADD COLUMN "search_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Backfill: the SQL twin of fold(`${username} ${full_name} ${email}`) (src/domain/text/normalize.ts),
-- without extensions. translate() maps every Vietnamese vowel with a tone/vowel mark and đ (both cases:
-- lower() is ASCII-only under the C collation) to its bare letter; the regexp removes combining marks
-- of decomposed (NFD) text and collapses whitespace.
UPDATE "users" SET "search_key" = trim(regexp_replace(regexp_replace(translate(lower("username" || ' ' || "full_name" || ' ' || "email"), 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđðÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐÐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyddaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydd'), '[\u0300-\u036f]', '', 'g'), '\s+', ' ', 'g'));
