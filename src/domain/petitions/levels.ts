/**
 * The competent level and the competent agency must agree: a commune-level petition goes to the
 * commune's executive, a province-level one to a provincial department or company, a central one
 * through the province's National Assembly delegation. When they differ the clerk states why (a
 * provincial company asked to answer for one commune, say), and the reason is recorded.
 */
import { LEVEL_LABELS } from './counting.ts';

export interface AgencyLevel {
  name: string;
  /** central | province | district | commune */
  level: string;
  /** people_committee | department | state_company | na_delegation | fatherland_front | … */
  kind: string;
}

/** The level an agency answers for: the NA delegation carries central-level petitions. */
export function agencyAnswersFor(a: AgencyLevel): string {
  return a.kind === 'na_delegation' ? 'central' : a.level;
}

/** null when they agree (or one is missing); otherwise the Vietnamese explanation shown to the clerk. */
export function levelAgencyMismatch(competentLevel: string | null | undefined, agency: AgencyLevel | null | undefined): string | null {
  if (!competentLevel || !agency) return null;
  const answers = agencyAnswersFor(agency);
  if (answers === competentLevel) return null;
  const lv = (l: string) => (LEVEL_LABELS[l] ?? l).toLowerCase();
  const agencyLevel = agency.kind === 'na_delegation' ? 'chuyển kiến nghị lên Trung ương' : `cơ quan ${lv(agency.level)}`;
  return `Thẩm quyền "${LEVEL_LABELS[competentLevel] ?? competentLevel}" không khớp với ${agency.name} (${agencyLevel}). Hãy chọn lại cấp hoặc cơ quan, hoặc ghi rõ lý do.`;
}
