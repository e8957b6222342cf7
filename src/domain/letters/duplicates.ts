/**
 * Duplicate and repeated letters (letters.md "Duplicate letters"): before a case is opened, the
 * text engine compares the new letter with the council's earlier letters. The same person (same
 * identity number, or the same name and address) on the same matter (similar content and, when
 * both are known, the same respondent) is a repeat: it is linked to the earliest letter of the
 * chain and not counted as new. Another person on the same matter is only suggested (many people,
 * same content → representatives). The same person on another matter is a new letter.
 */
import { matchKey, prepareText, preparedSimilarity } from '../text/index.ts';
import type { PreparedText } from '../text/index.ts';

/** Similarity from which two letters are the same matter (the text engine's proposal threshold; a council may tune it). */
export const DEFAULT_SAME_MATTER_THRESHOLD = 0.5;

export type LetterForMatching = {
  id: string;
  receivedOn: string;
  text: string;
  signers: readonly { name: string; address: string; idNumber: string | null }[];
  /** Who the letter is about (an agency or person key), when known. */
  respondentKey: string | null;
  /** The body the letter came from when another body forwarded it (the same letter sent to several bodies). */
  viaBodyId: string | null;
  /** The earlier letter this one repeats, if already linked. */
  repeatOf: string | null;
};

export type MatchKind = 'repeat' | 'same_matter_other_person' | 'same_person_other_matter';

export const MATCH_KIND_LABELS: Readonly<Record<MatchKind, string>> = {
  repeat: 'Đơn trùng (cùng người, cùng nội dung): liên kết với đơn trước, không tính là đơn mới',
  same_matter_other_person: 'Đơn cùng nội dung của người khác: cân nhắc cử người đại diện, không gộp tự động',
  same_person_other_matter: 'Cùng người gửi, nội dung khác: đơn mới',
};

export type LetterMatch = {
  id: string;
  kind: MatchKind;
  score: number;
  samePerson: boolean;
  /** Vietnamese reasons shown next to the suggestion. */
  reasons: string[];
};

export type RepeatVerdict = {
  /** The earliest letter of the chain this one repeats, or null: a new letter. */
  repeatOf: string | null;
  /** Counted in the statistics as a new letter. */
  countsAsNew: boolean;
  /** The same letter also came through another body (sent to several bodies): answered once. */
  sentToSeveralBodies: boolean;
  matches: LetterMatch[];
};

function personKeys(l: LetterForMatching): { ids: Set<string>; names: Set<string> } {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const s of l.signers) {
    if (s.idNumber !== null && s.idNumber.trim() !== '') ids.add(s.idNumber.replace(/\s+/g, ''));
    if (s.name.trim() !== '') names.add(`${matchKey(s.name)}|${matchKey(s.address)}`);
  }
  return { ids, names };
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function samePerson(a: LetterForMatching, b: LetterForMatching): { same: boolean; reason: string | null } {
  const ka = personKeys(a);
  const kb = personKeys(b);
  if (shares(ka.ids, kb.ids)) return { same: true, reason: 'Cùng số giấy tờ tùy thân của người gửi.' };
  if (shares(ka.names, kb.names)) return { same: true, reason: 'Cùng họ tên và địa chỉ người gửi.' };
  return { same: false, reason: null };
}

/** Comparing one letter with many: each earlier text is prepared once per call. */
export function findRepeats(
  letter: LetterForMatching,
  earlier: readonly LetterForMatching[],
  threshold: number = DEFAULT_SAME_MATTER_THRESHOLD,
): RepeatVerdict {
  const p = prepareText(letter.text);
  const byId = new Map(earlier.map((e) => [e.id, e]));
  const matches: LetterMatch[] = [];
  const prepared = new Map<string, PreparedText>();
  for (const e of earlier) {
    if (e.id === letter.id) continue;
    let pe = prepared.get(e.id);
    if (pe === undefined) prepared.set(e.id, (pe = prepareText(e.text)));
    const score = preparedSimilarity(p, pe);
    const person = samePerson(letter, e);
    const otherRespondent = letter.respondentKey !== null && e.respondentKey !== null && letter.respondentKey !== e.respondentKey;
    const sameMatter = score >= threshold && !otherRespondent;
    const reasons: string[] = [];
    if (person.reason !== null) reasons.push(person.reason);
    if (sameMatter) reasons.push(`Nội dung tương tự (độ giống ${Math.round(score * 100)}%).`);
    else if (otherRespondent && score >= threshold) reasons.push('Nội dung gần giống nhưng người, cơ quan bị khiếu nại, tố cáo khác nhau.');
    if (person.same && sameMatter) matches.push({ id: e.id, kind: 'repeat', score, samePerson: true, reasons });
    else if (sameMatter) matches.push({ id: e.id, kind: 'same_matter_other_person', score, samePerson: false, reasons });
    else if (person.same) matches.push({ id: e.id, kind: 'same_person_other_matter', score, samePerson: true, reasons });
  }
  matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const repeats = matches.filter((m) => m.kind === 'repeat');
  if (repeats.length === 0) return { repeatOf: null, countsAsNew: true, sentToSeveralBodies: false, matches };
  // Link to the root of the chain: the earliest letter, following links already made.
  const root = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    while (!seen.has(cur)) {
      seen.add(cur);
      const next = byId.get(cur)?.repeatOf;
      if (next === null || next === undefined || !byId.has(next)) break;
      cur = next;
    }
    return cur;
  };
  const roots = repeats.map((m) => byId.get(root(m.id))!);
  roots.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
  const sentToSeveralBodies = repeats.some((m) => {
    const e = byId.get(m.id)!;
    return (e.viaBodyId ?? null) !== (letter.viaBodyId ?? null);
  });
  return { repeatOf: roots[0]!.id, countsAsNew: false, sentToSeveralBodies, matches };
}
