/**
 * Routing rules (field × level × unit → agency), as data per council: which rule applies to a
 * classified opinion. Field and level suggestions come from the text engine
 * (src/domain/text/classify.ts); this is the part that is the council's own policy.
 */

export interface RoutingRuleLike {
  id: string;
  fieldId: string | null;
  competentLevel: string | null;
  unitId: string | null;
  agencyId: string;
}

/**
 * The most specific routing rule that fits: every condition a rule sets must match; a rule that
 * sets more conditions wins (field weighs more than level, level more than unit); among equals,
 * the first (oldest) rule.
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
