/**
 * The guard before anything is published: finds what in a petition's text may identify a person —
 * a name the round knows (its voters, its delegates), a title followed by a person's name, a phone
 * number, an ID-card number, a house-level address. Each finding carries a Vietnamese reason the
 * clerk reads before editing the text or confirming it is not personal.
 *
 * Names that are also common words ("Sơn" paint, "Bình", "Đường" road) are matched only as a full
 * name, or as a given name right after a person's title ("ông Sơn"), never as a bare word.
 */
import { canonicalTones, matchKey } from './normalize.ts';
import { CAPITALISED, PERSON_TITLES, PLACE_NOUNS, looksLikeFullName } from './personNames.ts';

export type PersonalKind = 'name' | 'phone' | 'id_card' | 'address';

export interface PersonalFinding {
  kind: PersonalKind;
  /** The matched text, as written. */
  text: string;
  start: number;
  end: number;
  /** Vietnamese, shown to the clerk. */
  reason: string;
}

export const PERSONAL_KIND_LABELS: Readonly<Record<PersonalKind, string>> = {
  name: 'Tên người',
  phone: 'Số điện thoại',
  id_card: 'Số CCCD/CMND',
  address: 'Địa chỉ nhà',
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');

// Titles as written: lowercase, or with a capital first letter at the start of a sentence.
const TITLES = [...PERSON_TITLES].sort((a, b) => b.length - a.length).map((x) => `[${x[0]!.toUpperCase()}${x[0]}]${esc(x.slice(1))}`).join('|');
const TITLE_RE = new RegExp(String.raw`(?<![\p{L}\p{M}])(${TITLES})\s+((?:${CAPITALISED})(?:\s+${CAPITALISED}){0,4})`, 'gu');
const PLACE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{M}])(?:${alt(PLACE_NOUNS)})\s*$`, 'iu');

// Phones: 0xx… or +84 / 84, 10–11 digits with single spaces, dots or dashes between groups.
const PHONE_RE = /(?<![\d.,/])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?![\d.,]*\d)(?!\s*(?:đồng|đ\b|m\b|km|ha|%|triệu|tỷ))/giu;
// ID cards: 12 digits (CCCD, personal identification number) or 9 (old CMND) after the words that name them;
// a bare 12-digit number starting with 0 is a CCCD too (phones have 10–11 digits).
const ID_CONTEXT_RE = /(?:cccd|cmnd|cmt|căn cước(?:\s+công dân)?|chứng minh(?:\s+nhân dân|\s+thư)?|số định danh(?:\s+cá nhân)?|định danh)\s*(?:số|:|là)?\s*:?\s*(\d{9}|\d{12})(?!\d)/giu;
const ID_BARE_RE = /(?<![\d.,/])0\d{11}(?![\d.,]*\d)/gu;
// Addresses at house level: "số nhà 12", "nhà số 45", "số 12 đường …", "12/3 Lê Lợi", "hẻm 34", "thửa đất số 120".
const ADDRESS_RES: readonly { re: RegExp; reason: string }[] = [
  { re: /(?<![\p{L}\p{M}])(?:số nhà|nhà số)\s*\d+[\p{L}]?(?:\/\d+)*/giu, reason: 'số nhà' },
  { re: /(?<![\p{L}\p{M}])số\s+\d+[\p{L}]?(?:\/\d+)*\s+(?:đường|phố|ngõ|hẻm|kiệt|ngách)\s/giu, reason: 'số nhà trên một tuyến đường' },
  { re: /(?<![\d/])\d{1,4}\/\d{1,4}(?:\/\d{1,4})?\s+(?:đường\s+)?\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)*/gu, reason: 'số nhà kiểu "12/3 Lê Lợi"' },
  { re: /(?<![\p{L}\p{M}])(?:hẻm|kiệt|ngõ|ngách)\s+(?:số\s+)?\d+(?:\/\d+)*/giu, reason: 'hẻm, kiệt, ngõ có số' },
  { re: /(?<![\p{L}\p{M}])thửa(?:\s+đất)?\s+số\s*\d+/giu, reason: 'số thửa đất của một hộ' },
  { re: /(?<![\p{L}\p{M}])(?:địa chỉ|trú tại|thường trú tại|tạm trú tại)\s*:?\s*\S/giu, reason: 'địa chỉ cư trú' },
];

/** A known name prepared for matching: its match key (diacritics kept) and its given name. */
interface KnownName {
  key: string;
  given: string;
  shown: string;
}

function prepareNames(names: readonly string[]): KnownName[] {
  const out = new Map<string, KnownName>();
  for (const n of names) {
    const key = matchKey(n);
    const words = key.split(' ').filter(Boolean);
    if (words.length < 2) continue; // a one-word "name" is a common word more often than a person
    out.set(key, { key, given: words[words.length - 1]!, shown: n.trim() });
  }
  return [...out.values()];
}

/** Every occurrence of `needle` (a match key) in `text`, as spans of `text`, on syllable boundaries. */
function spansOf(text: string, needle: string): [number, number][] {
  // Lowercase with one tone placement keeps NFC lengths, so offsets stay those of the original.
  const hay = canonicalTones(text).toLowerCase();
  if (hay.length !== text.length) return [];
  const out: [number, number][] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    if ((!before || !/[\p{L}\p{M}]/u.test(before)) && (!after || !/[\p{L}\p{M}]/u.test(after))) out.push([i, i + needle.length]);
  }
  return out;
}

function afterPlaceNoun(text: string, start: number): boolean {
  return PLACE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/**
 * The personal data found in `text`, in order, without overlaps. `knownNames` are the people the
 * round knows (voters who spoke, delegates); a title followed by a full name is found without them.
 */
export function findPersonalData(text: string, knownNames: readonly string[] = []): PersonalFinding[] {
  return personalDataGuard(knownNames)(text);
}

/** `findPersonalData` for many texts against the same names (the names are indexed once). */
export function personalDataGuard(knownNames: readonly string[]): (text: string) => PersonalFinding[] {
  const known = prepareNames(knownNames);
  const byFirstWord = new Map<string, KnownName[]>();
  for (const n of known) {
    const w = n.key.split(' ')[0]!;
    byFirstWord.set(w, [...(byFirstWord.get(w) ?? []), n]);
  }
  return (text) => scan(text, known, byFirstWord);
}

function scan(text: string, known: readonly KnownName[], byFirstWord: ReadonlyMap<string, KnownName[]>): PersonalFinding[] {
  const t = text.normalize('NFC');
  const found: PersonalFinding[] = [];
  const add = (kind: PersonalKind, start: number, end: number, reason: string) => found.push({ kind, text: t.slice(start, end), start, end, reason });

  const words = new Set(matchKey(t).split(/[^\p{L}\p{M}]+/u));
  const candidates = [...words].flatMap((w) => byFirstWord.get(w) ?? []);
  for (const n of candidates) {
    for (const [s, e] of spansOf(t, n.key)) {
      if (afterPlaceNoun(t, s)) continue; // "đường Lê Lợi" is a street even if a voter is called Lê Lợi
      add('name', s, e, `Tên của một người trong đợt này (${n.shown}).`);
    }
  }
  for (const m of t.matchAll(TITLE_RE)) {
    const title = m[1]!;
    const nameStart = m.index! + m[0].length - m[2]!.length;
    // A title written with a capital inside a sentence is part of a proper name ("đường Bà Triệu").
    if (afterPlaceNoun(t, m.index!)) continue;
    const words = m[2]!.split(/\s+/);
    const given = matchKey(words[words.length - 1]!);
    const titleLower = title === title.toLowerCase() || m.index === 0 || /[.:;!?]\s*$/.test(t.slice(0, m.index!));
    if (!titleLower) continue;
    if (looksLikeFullName(words)) {
      add('name', nameStart, m.index! + m[0].length, `"${title} ${m[2]}": tên một người.`);
      continue;
    }
    // "ông Sơn", "bà Lan": a given name the round knows, after a title.
    const k = known.find((n) => n.given === matchKey(words[0]!) || n.given === given);
    if (k && words.length <= 2) add('name', nameStart, m.index! + m[0].length, `"${title} ${m[2]}": có thể là ${k.shown}.`);
  }
  for (const m of t.matchAll(PHONE_RE)) {
    const digits = m[0].replace(/\D/g, '');
    const national = digits.startsWith('84') && !m[0].startsWith('0') ? `0${digits.slice(2)}` : digits;
    if (national.length < 10 || national.length > 11 || !national.startsWith('0')) continue;
    if (national.length === 11 && !national.startsWith('02')) continue; // 11 digits: landlines 02x only
    add('phone', m.index!, m.index! + m[0].length, 'Số điện thoại.');
  }
  for (const m of t.matchAll(ID_CONTEXT_RE)) add('id_card', m.index!, m.index! + m[0].length, 'Số căn cước công dân hoặc chứng minh nhân dân.');
  for (const m of t.matchAll(ID_BARE_RE)) add('id_card', m.index!, m.index! + m[0].length, 'Dãy 12 chữ số như số căn cước công dân.');
  for (const { re, reason } of ADDRESS_RES) {
    for (const m of t.matchAll(re)) add('address', m.index!, m.index! + m[0].length, `Địa chỉ của một hộ (${reason}).`);
  }
  // Earliest first; the longer of two overlapping findings wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalFinding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}
