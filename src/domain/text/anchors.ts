/**
 * Anchors: the concrete objects a petition is about — roads (Quốc lộ 1A, ĐT624), documents
 * (Quyết định 1766/QĐ-TTg), hamlets, communes, named structures (cầu Trà Câu, chợ Phổ Văn,
 * trường THCS Phổ Minh). Two petitions that ask the same kind of thing about different anchors are
 * different petitions ('điện cho thôn A' vs 'điện cho thôn B').
 *
 * Input should be preprocessed (Unicode, abbreviations expanded): see tokens.ts `preprocess`.
 */
import { fold, foldWord, matchKey } from './normalize.ts';

export type AnchorKind = 'road' | 'document' | 'hamlet' | 'commune' | 'district' | 'province' | 'object' | 'name';

export interface Anchor {
  kind: AnchorKind;
  /** Sub-type: road class ('ql', 'dt', 'dh'), document kind ('qd', 'nd'), object type ('cau', 'cho'). */
  type: string;
  /** Comparison key (folded), e.g. 'ql1a', 'qd1766', 'vinh tuy', 'cau:tra cau'. */
  key: string;
  /** Text as written. */
  text: string;
  /** True when the anchor only says where the speaking voter lives ("Cử tri thôn X phản ánh …"). */
  speaker?: boolean;
}

interface Keyword {
  words: string[]; // matchKey words
  folded: string[];
  kind: AnchorKind;
  type: string;
  /** Accepts a bare number as the name (thôn 3, tổ 5). */
  numbered?: boolean;
}

function kw(text: string, kind: AnchorKind, type: string, numbered = false): Keyword {
  const words = matchKey(text).split(' ');
  return { words, folded: words.map((w) => fold(w)), kind, type, numbered };
}

const KEYWORDS: Keyword[] = [
  kw('tổ dân phố', 'hamlet', 'tdp', true),
  kw('khu dân cư', 'hamlet', 'kdc', true),
  kw('khu phố', 'hamlet', 'kp', true),
  kw('thôn', 'hamlet', 'thon', true),
  kw('xóm', 'hamlet', 'xom', true),
  kw('làng', 'hamlet', 'lang'),
  kw('khối', 'hamlet', 'khoi', true),
  kw('ấp', 'hamlet', 'ap', true),
  kw('tổ', 'hamlet', 'to', true),
  kw('đội', 'hamlet', 'doi', true),
  kw('thị xã', 'district', 'tx'),
  kw('thành phố', 'district', 'tp'),
  kw('huyện', 'district', 'huyen'),
  kw('quận', 'district', 'quan'),
  kw('thị trấn', 'commune', 'tt'),
  kw('xã', 'commune', 'xa'),
  kw('phường', 'commune', 'phuong'),
  kw('tỉnh', 'province', 'tinh'),
  kw('trạm y tế', 'object', 'tram-y-te'),
  kw('trạm biến áp', 'object', 'tba', true),
  kw('bệnh viện', 'object', 'benh-vien'),
  kw('nhà văn hóa', 'object', 'nha-van-hoa'),
  kw('nhà sinh hoạt cộng đồng', 'object', 'nha-van-hoa'),
  kw('nghĩa trang', 'object', 'nghia-trang'),
  kw('bãi rác', 'object', 'bai-rac'),
  kw('khu tái định cư', 'object', 'tdc'),
  kw('khu công nghiệp', 'object', 'kcn'),
  kw('cụm công nghiệp', 'object', 'ccn'),
  kw('nhà máy', 'object', 'nha-may'),
  kw('dự án', 'object', 'du-an'),
  kw('tuyến đường', 'object', 'duong'),
  kw('đường', 'object', 'duong'),
  kw('cầu', 'object', 'cau'),
  kw('cống', 'object', 'cong'),
  kw('đập', 'object', 'dap'),
  kw('hồ', 'object', 'ho'),
  kw('kênh', 'object', 'kenh'),
  kw('mương', 'object', 'kenh'),
  kw('sông', 'object', 'song'),
  kw('suối', 'object', 'suoi'),
  kw('chợ', 'object', 'cho'),
  kw('trường', 'object', 'truong'),
  kw('bến', 'object', 'ben'),
  kw('cảng', 'object', 'cang'),
  kw('di tích', 'object', 'di-tich'),
  kw('khu di tích', 'object', 'di-tich'),
  kw('hồ chứa nước', 'object', 'ho'),
  kw('hồ chứa', 'object', 'ho'),
  kw('nhà máy nước', 'object', 'nha-may-nuoc'),
  kw('công ty', 'object', 'cong-ty'),
  kw('chùa', 'object', 'chua'),
  kw('tịnh xá', 'object', 'chua'),
  kw('giáo xứ', 'object', 'chua'),
  kw('núi', 'object', 'nui'),
  kw('đèo', 'object', 'deo'),
  kw('bãi biển', 'object', 'bai-bien'),
  kw('cửa biển', 'object', 'cua-bien'),
  kw('kiệt', 'object', 'kiet', true),
  kw('hẻm', 'object', 'kiet', true),
  kw('ngõ', 'object', 'kiet', true),
];
KEYWORDS.sort((a, b) => b.words.length - a.words.length);

/** Lowercase words allowed between a keyword and its name: 'trường trung học cơ sở Phổ Minh'. */
const DESCRIPTORS = new Set(
  (
    'trung học cơ sở phổ thông tiểu mầm non mẫu giáo dân lập bán công ' +
    'tràn treo bê tông máng thủy lợi nội đồng liên thôn xã tuyến trung tâm ' +
    'đầu mối cũ mới số nhỏ lớn thuộc ở tại của cá chứa nước'
  ).split(' '),
);
const DESCRIPTORS_FOLDED = new Set([...DESCRIPTORS].map((w) => fold(w)));

interface Tok {
  text: string;
  key: string; // matchKey
  folded: string;
  start: number;
  /** Punctuation (not whitespace) between the previous token and this one. */
  breakBefore: boolean;
  cap: boolean;
  num: boolean;
}

const wordKeys = new Map<string, { key: string; folded: string }>();
function wordKeysOf(t: string): { key: string; folded: string } {
  let k = wordKeys.get(t);
  if (!k) {
    k = { key: matchKey(t), folded: foldWord(t) };
    if (wordKeys.size > 200_000) wordKeys.clear();
    wordKeys.set(t, k);
  }
  return k;
}

function tokensOf(text: string): Tok[] {
  const out: Tok[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const gap = text.slice(last, m.index);
    const t = m[0];
    const first = t[0]!;
    const wk = wordKeysOf(t);
    out.push({
      text: t,
      key: wk.key,
      folded: wk.folded,
      start: m.index,
      breakBefore: out.length === 0 || /[^\s]/u.test(gap.replace(/[&'’]/g, '')),
      cap: first !== first.toLowerCase(),
      num: /^\p{Nd}+[\p{L}]?$/u.test(t),
    });
    last = m.index + t.length;
  }
  return out;
}

const KEYWORDS_BY_FIRST = new Map<string, Keyword[]>();
for (const k of KEYWORDS) {
  for (const first of new Set([k.words[0]!, k.folded[0]!])) {
    const list = KEYWORDS_BY_FIRST.get(first) ?? [];
    list.push(k);
    KEYWORDS_BY_FIRST.set(first, list);
  }
}

const SCHOOL_LEVELS = ['tieu hoc', 'trung hoc co so', 'trung hoc pho thong', 'mam non', 'mau giao'].map((p) => p.split(' '));

/** Words of a school level ('Tiểu học', 'Trung học cơ sở', any case) starting at `i`, else 0. */
function schoolLevelAt(toks: Tok[], i: number): number {
  for (const words of SCHOOL_LEVELS) {
    if (i + words.length > toks.length) continue;
    if (words.every((w, n) => toks[i + n]!.folded === w && (n === 0 || !toks[i + n]!.breakBefore))) return words.length;
  }
  return 0;
}

function matchKeywordAt(toks: Tok[], i: number, accented: boolean): Keyword | null {
  const t0 = toks[i]!;
  const cands = KEYWORDS_BY_FIRST.get(accented ? t0.key : t0.folded);
  if (!cands) return null;
  for (const k of cands) {
    if (i + k.words.length > toks.length) continue;
    let ok = true;
    for (let j = 0; j < k.words.length; j++) {
      const t = toks[i + j]!;
      if (j > 0 && t.breakBefore) {
        ok = false;
        break;
      }
      if (accented ? t.key !== k.words[j] : t.folded !== k.folded[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return k;
  }
  return null;
}

const ROAD = /(?<![a-z])(quoc lo|duong tinh|tinh lo|duong huyen|huong lo|duong xa|duong do thi)\s*(?:so\s*)?(\d{1,4}[a-z]?)(?![a-z0-9])/g;
const ROAD_CLASS: Record<string, string> = {
  'quoc lo': 'ql',
  'duong tinh': 'dt',
  'tinh lo': 'dt',
  'duong huyen': 'dh',
  'huong lo': 'dh',
  'duong xa': 'dx',
  'duong do thi': 'dd',
};
const DOC_NUMBER = /(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?([a-z]{1,5})(?:-[a-z0-9]{1,10}){0,3}(?![a-z0-9])/g;
const DOC_WORDS = /(?<![a-z])(quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|cong van|ke hoach|thong bao)\s*(?:so\s*)?(\d{1,5})(?![0-9])/g;
const DOC_KIND: Record<string, string> = {
  'quyet dinh': 'qd',
  'nghi dinh': 'nd',
  'nghi quyet': 'nq',
  'thong tu': 'tt',
  'chi thi': 'ct',
  'cong van': 'cv',
  'ke hoach': 'kh',
  'thong bao': 'tb',
};

const SPEAKER =
  /^\s*(?:cử tri|cu tri|ông|ong|bà|ba|anh|chị|chi)(?=[\s,(])[^:]{0,160}?(?:phản ánh|phan anh|kiến nghị|kien nghi|đề nghị|de nghi|hỏi|hoi|cho biết|cho biet|cho rằng|cho rang|nêu|neu|:)/iu;

export interface AnchorOptions {
  /**
   * Structures named by a school level or a place: 'Trường Tiểu học Phổ Vinh' → truong:pho vinh,
   * 'trạm y tế phường Phổ Văn' → tram-y-te:pho van (default true; false = as before, the
   * benchmarks' baseline).
   */
  structureNames?: boolean;
}

/** Extracts anchors from a preprocessed text. Keys are folded; duplicates removed. */
export function extractAnchors(text: string, options: AnchorOptions = {}): Anchor[] {
  const structureNames = options.structureNames !== false;
  const src = text.normalize('NFC');
  const speakerEnd = src.match(SPEAKER)?.[0].length ?? 0;
  const out = new Map<string, Anchor>();
  const add = (a: Anchor, pos: number) => {
    if (pos < speakerEnd) a.speaker = true;
    const id = a.kind + '|' + a.type + '|' + a.key;
    const prev = out.get(id);
    if (!prev || (prev.speaker && !a.speaker)) out.set(id, a);
  };

  const folded = fold(src);
  // fold keeps code point positions except for collapsed whitespace; positions are approximate.
  for (const m of folded.matchAll(ROAD)) {
    add({ kind: 'road', type: ROAD_CLASS[m[1]!]!, key: ROAD_CLASS[m[1]!]! + m[2]!, text: m[0] }, m.index);
  }
  for (const m of folded.matchAll(DOC_NUMBER)) {
    const kind = m[3]!;
    add({ kind: 'document', type: kind, key: kind + m[1]!.replace(/^0+/, ''), text: m[0] }, m.index);
  }
  for (const m of folded.matchAll(DOC_WORDS)) {
    const kind = DOC_KIND[m[1]!]!;
    add({ kind: 'document', type: kind, key: kind + m[2]!.replace(/^0+/, ''), text: m[0] }, m.index);
  }

  const toks = tokensOf(src);
  const accented = /[^\x00-\x7f]/.test(src);
  const isSentenceStart = (i: number) => i === 0 || /[.!?:;\n]/.test(src.slice(toks[i - 1]!.start + toks[i - 1]!.text.length, toks[i]!.start));
  let i = 0;
  while (i < toks.length) {
    const k = matchKeywordAt(toks, i, accented);
    if (!k) {
      // A capitalised run without keyword (mid-sentence): a proper name.
      const t = toks[i]!;
      if (t.cap && !t.num && !isSentenceStart(i)) {
        let j = i + 1;
        while (j < toks.length && toks[j]!.cap && !toks[j]!.breakBefore && (matchKeywordAt(toks, j, accented)?.kind ?? 'object') === 'object') j++;
        const name = toks.slice(i, j);
        // Proper names of places and people have two or more syllables; single capitalised words
        // mid-sentence are mostly emphasis or document symbols (QĐ, TTg).
        if (name.length >= 2 && !name.every((x) => x.text === x.text.toUpperCase())) {
          add({ kind: 'name', type: 'name', key: name.map((x) => x.folded).join(' '), text: name.map((x) => x.text).join(' ') }, t.start);
        }
        i = j;
      } else i++;
      continue;
    }
    let j = i + k.words.length;
    // skip descriptors (lowercase) up to 5 words
    let skipped = 0;
    while (
      j < toks.length &&
      skipped < 5 &&
      !toks[j]!.breakBefore &&
      !toks[j]!.cap &&
      !toks[j]!.num &&
      (accented ? DESCRIPTORS.has(toks[j]!.key) : DESCRIPTORS_FOLDED.has(toks[j]!.folded)) &&
      !matchKeywordAt(toks, j, accented)
    ) {
      j++;
      skipped++;
    }
    // A school level written with capitals: 'Trường Tiểu học Phổ Vinh', 'Trường Mầm non An Lợi'.
    if (structureNames && k.kind === 'object' && j === i + k.words.length) j += schoolLevelAt(toks, j);
    let nameStart = j;
    // A structure named by its place: 'trạm y tế phường Phổ Văn', 'nhà văn hóa thôn Tân Hòa'. The
    // place keyword is read again on the next turn as its own anchor.
    let place: Keyword | null = null;
    if (structureNames && accented && k.kind === 'object' && j < toks.length && !toks[j]!.breakBefore && !toks[j]!.cap) {
      place = matchKeywordAt(toks, j, accented);
      if (place && (place.kind === 'commune' || place.kind === 'hamlet')) nameStart = j = j + place.words.length;
      else place = null;
    }
    if (j < toks.length && !toks[j]!.breakBefore && toks[j]!.num && (k.numbered || k.kind === 'object')) {
      j++;
    } else {
      while (
        j < toks.length &&
        j - nameStart < 5 &&
        (toks[j]!.cap || (toks[j]!.num && j > nameStart)) &&
        !toks[j]!.breakBefore &&
        (matchKeywordAt(toks, j, accented)?.kind ?? 'object') === 'object'
      ) {
        j++;
      }
    }
    if (j > nameStart && !(skipped > 0 && nameStart === j)) {
      const name = toks.slice(nameStart, j);
      const nameKey = name.map((x) => x.folded).join(' ');
      const numberOnly = name.length === 1 && name[0]!.num;
      const key = k.kind === 'object' || numberOnly ? `${k.type}:${nameKey}` : nameKey;
      add(
        { kind: k.kind, type: k.type, key, text: toks.slice(i, j).map((x) => x.text).join(' ') },
        toks[i]!.start,
      );
      i = place ? nameStart - place.words.length : j;
    } else {
      i += k.words.length;
    }
  }
  return [...out.values()];
}

/** Anchor kinds whose mismatch is strong evidence of different petitions. */
const STRONG: ReadonlySet<AnchorKind> = new Set<AnchorKind>(['road', 'document', 'hamlet', 'object']);
const MEDIUM: ReadonlySet<AnchorKind> = new Set<AnchorKind>(['commune', 'district']);

export function conflictClass(a: Anchor): string | null {
  if (a.speaker) return null;
  if (a.kind === 'object') return 'object:' + a.type;
  if (a.kind === 'road') return 'road:' + a.type;
  if (STRONG.has(a.kind) || MEDIUM.has(a.kind)) return a.kind;
  return null;
}

export interface AnchorComparison {
  /** Classes (road, hamlet, object:cau …) both mention with a common key. */
  shared: number;
  /** Of those, the strong classes (road, document, hamlet, object): the same concrete thing. */
  sharedStrong: number;
  /** Of those, named structures (object:*): chợ Phổ Văn, cầu Suối Đá. */
  sharedObjects: number;
  /** Classes both mention with no common key: strong (road, document, hamlet, object). */
  strongConflicts: number;
  /** Same for commune/district. */
  mediumConflicts: number;
  /** Shared proper names (weak evidence for). */
  sharedNames: number;
}

/** Groups anchors by conflict class: class → set of keys. */
export function anchorClasses(anchors: readonly Anchor[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const a of anchors) {
    const c = conflictClass(a);
    if (!c) continue;
    let s = m.get(c);
    if (!s) m.set(c, (s = new Set()));
    s.add(a.key);
  }
  return m;
}

export function compareAnchors(a: readonly Anchor[], b: readonly Anchor[]): AnchorComparison {
  return compareAnchorClasses(anchorClasses(a), anchorClasses(b), a, b);
}

export function compareAnchorClasses(
  ca: Map<string, Set<string>>,
  cb: Map<string, Set<string>>,
  a: readonly Anchor[] = [],
  b: readonly Anchor[] = [],
): AnchorComparison {
  let shared = 0;
  let sharedStrong = 0;
  let sharedObjects = 0;
  let strongConflicts = 0;
  let mediumConflicts = 0;
  for (const [cls, keysA] of ca) {
    const keysB = cb.get(cls);
    if (!keysB) continue;
    let common = false;
    for (const k of keysA) if (keysB.has(k)) common = true;
    if (common) {
      shared++;
      if (cls !== 'commune' && cls !== 'district') sharedStrong++;
      if (cls.startsWith('object:')) sharedObjects++;
    } else if (cls === 'commune' || cls === 'district') mediumConflicts++;
    else strongConflicts++;
  }
  let sharedNames = 0;
  if (a.length && b.length) {
    const namesB = new Set(b.filter((x) => !x.speaker).map((x) => x.key));
    for (const x of a) if (x.kind === 'name' && !x.speaker && namesB.has(x.key)) sharedNames++;
  }
  return { shared, sharedStrong, sharedObjects, strongConflicts, mediumConflicts, sharedNames };
}
