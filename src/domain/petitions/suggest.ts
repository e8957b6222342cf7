/**
 * Suggestions for classifying an opinion: field (lĩnh vực) from a council's taxonomy keywords,
 * competent level from level rules restricted to the levels in force, and an agency from the
 * council's routing rules (field × level × unit → agency). The clerk always confirms.
 *
 * Field and level scoring is a plain keyword match on folded, abbreviation-expanded text; the text
 * engine's classifier (src/domain/text/classify.ts) replaces it where present (see
 * modules/petitions/suggestions.ts).
 */
import { fold } from '../text/normalize.ts';
import { preprocess } from '../text/tokens.ts';

export interface FieldKeywords {
  id: string;
  name: string;
  keywords: readonly string[];
}

export interface Scored<T> {
  value: T;
  score: number;
  /** Keywords that matched (for "why this suggestion"). */
  matched: string[];
}

const keyOf = (s: string) => ` ${fold(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Text key for matching: legacy repaired, abbreviations expanded, folded, padded with spaces. */
export function matchText(text: string): string {
  return keyOf(preprocess(text));
}

function score(key: string, keywords: readonly string[]): { score: number; matched: string[] } {
  let s = 0;
  const matched: string[] = [];
  for (const k of keywords) {
    const kk = keyOf(k);
    if (kk.trim() && key.includes(kk)) {
      // Longer phrases are stronger evidence ("giấy chứng nhận quyền sử dụng đất" ≫ "đất").
      s += kk.trim().split(' ').length;
      matched.push(k);
    }
  }
  return { score: s, matched };
}

/** Fields ranked by keyword evidence, best first (only fields with a match). */
export function suggestFields(text: string, fields: readonly FieldKeywords[], limit = 3): Scored<FieldKeywords>[] {
  const key = matchText(text);
  return fields
    .map((f) => ({ value: f, ...score(key, f.keywords) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export interface LevelRuleLike {
  level: string;
  keywords: readonly string[];
  priority?: number;
}

/**
 * The competent level suggested by level rules, among the levels in force. A matched higher level
 * wins ("quốc lộ" puts the petition at the central level even if a hamlet is named); with no
 * match, the council's own level (the last of `levels`).
 */
export function suggestLevel(text: string, rules: readonly LevelRuleLike[], levels: readonly string[]): Scored<string> | null {
  if (!levels.length) return null;
  const key = matchText(text);
  const hits = rules
    .filter((r) => levels.includes(r.level))
    .map((r) => ({ value: r.level, priority: r.priority ?? 0, ...score(key, r.keywords) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.priority - a.priority || b.score - a.score);
  if (hits.length) return { value: hits[0]!.value, score: hits[0]!.score, matched: hits[0]!.matched };
  return { value: levels[levels.length - 1]!, score: 0, matched: [] };
}

export interface RoutingRuleLike {
  id: string;
  fieldId: string | null;
  competentLevel: string | null;
  unitId: string | null;
  agencyId: string;
}

/**
 * The most specific routing rule that fits: every set condition must match; more conditions set
 * wins (field > level > unit as tie order).
 */
export function pickRoutingRule<R extends RoutingRuleLike>(
  rules: readonly R[],
  target: { fieldId: string | null; competentLevel: string | null; unitId: string | null },
): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const r of rules) {
    if (r.fieldId && r.fieldId !== target.fieldId) continue;
    if (r.competentLevel && r.competentLevel !== target.competentLevel) continue;
    if (r.unitId && r.unitId !== target.unitId) continue;
    const s = (r.fieldId ? 4 : 0) + (r.competentLevel ? 2 : 0) + (r.unitId ? 1 : 0);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}
