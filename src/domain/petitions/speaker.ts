/**
 * Speaker separation: minutes write who spoke in front of (or after) what was asked —
 * "Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị …", "Ông Nguyễn Văn A, thôn 2, phản ánh: …",
 * "Cử tri Nguyễn Văn A (tổ 3) đề nghị …", "Cử tri thôn Tân Hy đề nghị …", a table row pasted from
 * Word ("1⇥Đặng Văn Sơn⇥Thôn Tân Hy⇥Đề nghị …"), "… (cử tri Trần Văn B, thôn An Phong)".
 * The speaker's name and place are personal data kept with the opinion (secretariat only); the
 * request is what becomes the petition's text and may be published.
 */
import { CAPITALISED, looksLikeFullName } from '../text/personNames.ts';

export interface Speaker {
  /** A person's name ("Đặng Văn Sơn"), or '' for a group. */
  name: string;
  /** Hamlet, residential group, commune ("thôn Tân Hy", "tổ 3"). */
  place: string;
  /** A group that spoke without a name ("Cử tri thôn Tân Hy", "Hội Người cao tuổi"). */
  group: string;
}

export interface SeparatedOpinion {
  /** The request, without who said it. */
  text: string;
  speaker: Speaker | null;
}

const NAME = String.raw`${CAPITALISED}(?:\s+${CAPITALISED}){0,4}`;
const TITLE = String.raw`(?:[Cc]ử tri|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ụ|[Đđ]ồng chí|[Đđ]\/c|[Đđ]ại diện cử tri)`;
const PLACE_WORD = String.raw`(?:thôn|tổ dân phố|tổ|TDP|khu phố|KP|khối phố|khối|xóm|ấp|bản|buôn|làng|plei|khu dân cư|KDC|khu|xã|phường|thị trấn|đội|số nhà|trú tại|ở|địa chỉ)`;
const PLACE_START = new RegExp(String.raw`^${PLACE_WORD}(?![\p{L}\p{M}])`, 'iu');
// Verbs that open a request stay in its text ("Đề nghị nâng cấp…"); the others only introduce it.
const KEEP_VERBS = ['đề nghị', 'kiến nghị', 'đề xuất', 'yêu cầu', 'mong muốn', 'mong'];
const VERBS = [...KEEP_VERBS, 'phản ánh', 'phản ảnh', 'có ý kiến', 'nêu ý kiến', 'ý kiến', 'hỏi', 'cho rằng', 'trình bày', 'phát biểu', 'bức xúc', 'thắc mắc', 'nêu', 'kiến nghị rằng'];
const VERB = String.raw`(?:${[...VERBS].sort((a, b) => b.length - a.length).join('|')})`;

// "<title> <Name>" or "Cử tri <lowercase group words…>", then places, then a verb and/or a colon.
const HEAD_RE = new RegExp(
  String.raw`^(?<who>${TITLE}\s+(?<name>${NAME})|(?<group>(?:[Nn]hiều |[Mm]ột số |[Cc]ác |[Đđ]ại diện )?[Cc]ử tri(?:\s+(?!${VERB}(?![\p{L}\p{M}]))[^\s:(),–-]+)*?))` +
    String.raw`(?<places>(?:\s*\([^)]*\)|\s*[,–-]\s*(?!${VERB}(?![\p{L}\p{M}]))[^,:()–]+?)*)` +
    String.raw`\s*[,–-]?\s*(?:(?<verb>${VERB})(?![\p{L}\p{M}])\s*(?<colon>:)?|(?<colon2>:))\s*(?<rest>.+)$`,
  'su',
);
// "… (cử tri Trần Văn B, thôn An Phong)" at the end.
const TAIL_RE = new RegExp(String.raw`^(?<rest>.+?)\s*[(\[]\s*(?:ý kiến (?:của )?)?${TITLE}\s+(?<name>${NAME})(?:\s*[,–-]\s*(?<place>[^)\]]+))?\s*[)\]]\s*\.?$`, 'su');

// Cheap tests that hold whenever HEAD_RE / TAIL_RE can match (each is a part either pattern must
// match): most opinions name nobody, and the full patterns cost far more to fail on them.
const HEAD_START = new RegExp(String.raw`^(?:${TITLE}\s|(?:[Nn]hiều |[Mm]ột số |[Cc]ác |[Đđ]ại diện )?[Cc]ử tri)`, 'u');
const TAIL_TITLE = new RegExp(String.raw`[(\[]\s*(?:ý kiến (?:của )?)?${TITLE}\s`, 'u');
const TAIL_END = /[)\]]\s*\.?$/u;

const TITLED_NAME = new RegExp(String.raw`^${TITLE}\s+(${NAME})$`, 'u');
const TITLE_PREFIX = new RegExp(String.raw`^${TITLE}\s+`, 'u');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// Text already spaced by single plain spaces needs no replace (the usual case).
const ODD_SPACE = /[^\S ]| {2}/;
const clean = (s: string) => (ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();

function splitPlaces(raw: string): { place: string; name: string } {
  // "(thôn Tân Hy)", ", tổ 3, phường Sa Huỳnh", "(ông Nguyễn Văn E)" in a group's parentheses.
  const parts = [...raw.matchAll(/\(([^)]*)\)|[,–-]\s*([^,()–-]+)/gu)].map((m) => clean(m[1] ?? m[2] ?? '')).filter(Boolean);
  let name = '';
  const places: string[] = [];
  for (const p of parts) {
    const t = TITLED_NAME.exec(p);
    if (t && !name) name = t[1]!;
    else places.push(p);
  }
  return { place: places.join(', '), name };
}

function requestText(verb: string | undefined, colon: boolean, rest: string): string {
  const r = clean(rest).replace(/^[:\-–]\s*/, '');
  if (verb && KEEP_VERBS.includes(verb.toLowerCase())) return capitalise(`${verb.toLowerCase()} ${r}`);
  if (verb && !colon) return capitalise(`${verb.toLowerCase()} ${r}`);
  return capitalise(r);
}

/** A row of a table pasted from Word or Excel: cells separated by tabs (or " | "). */
function fromCells(cells: string[]): SeparatedOpinion | null {
  const cs = cells.map(clean).filter(Boolean);
  if (cs.length && /^\d{1,4}[.)]?$/.test(cs[0]!)) cs.shift(); // the "STT" column
  if (cs.length < 2) return null;
  const longest = cs.reduce((a, b) => (b.length > a.length ? b : a));
  const others = cs.filter((c) => c !== longest);
  const nameCell = others.find((c) => looksLikeFullName(c.replace(TITLE_PREFIX, '').split(' ')));
  const placeCells = others.filter((c) => c !== nameCell);
  if (!nameCell && !placeCells.some((c) => PLACE_START.test(c))) return null;
  const inner = separateSpeaker(longest);
  return {
    text: inner.text,
    speaker: {
      name: nameCell ? nameCell.replace(TITLE_PREFIX, '') : (inner.speaker?.name ?? ''),
      place: placeCells.join(', ') || (inner.speaker?.place ?? ''),
      group: nameCell ? '' : (inner.speaker?.group ?? ''),
    },
  };
}

/** Separates who spoke from what was asked; `speaker` null when the text names nobody in those forms. */
export function separateSpeaker(input: string): SeparatedOpinion {
  const raw = input.normalize('NFC').trim();
  const cells = raw.includes('\t') ? raw.split('\t') : raw.includes('|') ? raw.split(/\s+\|\s+/) : [raw];
  if (cells.length >= 2) {
    const row = fromCells(cells);
    if (row) return row;
  }
  const text = clean(raw);
  const h = HEAD_START.test(text) ? HEAD_RE.exec(text) : null;
  if (h?.groups) {
    const g = h.groups;
    const colon = !!(g.colon || g.colon2);
    // Without a verb, a colon alone must follow a person or a group ("Cử tri Đặng Văn Sơn (thôn Tân Hy): …").
    const { place, name: inParens } = splitPlaces(g.places ?? '');
    const rest = g.rest ?? '';
    if ((g.verb || colon) && /[\p{L}\d]/u.test(rest)) {
      if (g.name) {
        const words = g.name.split(/\s+/);
        // "Cử tri" needs a full name (a surname first); "ông Sơn" is enough after ông/bà.
        const title = g.who!.slice(0, g.who!.length - g.name.length).trim().toLowerCase();
        if (title !== 'cử tri' || looksLikeFullName(words)) {
          return { text: requestText(g.verb, colon, rest), speaker: { name: g.name, place, group: '' } };
        }
      } else if (g.group) {
        const group = clean(g.group);
        const groupPlace = clean(group.replace(/^(?:nhiều |một số |các |đại diện )?cử tri\s*/iu, ''));
        if (!groupPlace && !place && !inParens) return { text: requestText(g.verb, colon, rest), speaker: null }; // "Cử tri đề nghị …"
        return {
          text: requestText(g.verb, colon, rest),
          speaker: { name: inParens, place: [groupPlace, place].filter(Boolean).join(', '), group: inParens ? '' : capitalise([group, place].filter(Boolean).join(', ')) },
        };
      }
    }
  }
  const tail = TAIL_END.test(text) && TAIL_TITLE.test(text) ? TAIL_RE.exec(text) : null;
  if (tail?.groups && tail.groups.rest) {
    return { text: capitalise(clean(tail.groups.rest)), speaker: { name: tail.groups.name!, place: clean(tail.groups.place ?? ''), group: '' } };
  }
  return { text, speaker: null };
}
