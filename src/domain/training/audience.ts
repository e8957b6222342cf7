// Who must attend (audiences as data): a course's audience is a list of rules, any of which makes a
// delegate part of it; each rule reads the directory (the delegate's term, whether they are new to
// the council's delegates, the bodies they belong to and their role there).

export type BodyKind = 'standing' | 'committee' | 'delegate_group';
export type MemberRole = 'chair' | 'vice_chair' | 'member';

export type AudienceRule =
  | { kind: 'all_delegates' }
  | { kind: 'new_delegates' }
  | { kind: 're_elected_delegates' }
  /** Members of every body of a kind (standing committee, committees, delegate groups), optionally only some roles. */
  | { kind: 'body_kind'; bodyKind: BodyKind; roles?: MemberRole[] }
  /** Members of one named body. */
  | { kind: 'body'; bodyId: string; roles?: MemberRole[] };

export interface DelegateProfile {
  id: string;
  termId: string | null;
  status: string;
  /** No delegate record in an earlier term (same name and birth year): elected for the first time. */
  isNew: boolean;
  memberships: { bodyId: string; bodyKind: string; role: string }[];
}

const BODY_KIND_LABELS: Record<BodyKind, string> = { standing: 'Thường trực HĐND', committee: 'các Ban của HĐND', delegate_group: 'các Tổ đại biểu' };
const ROLE_LABELS: Record<MemberRole, string> = { chair: 'trưởng', vice_chair: 'phó', member: 'thành viên' };

const roleOk = (role: string, roles?: MemberRole[]) => !roles?.length || roles.includes(role as MemberRole);

export function matchesRule(d: DelegateProfile, r: AudienceRule): boolean {
  switch (r.kind) {
    case 'all_delegates':
      return true;
    case 'new_delegates':
      return d.isNew;
    case 're_elected_delegates':
      return !d.isNew;
    case 'body_kind':
      return d.memberships.some((m) => m.bodyKind === r.bodyKind && roleOk(m.role, r.roles));
    case 'body':
      return d.memberships.some((m) => m.bodyId === r.bodyId && roleOk(m.role, r.roles));
  }
}

/** Serving delegates of the term who match any of the rules (an empty audience requires no one). */
export function inAudience(d: DelegateProfile, rules: AudienceRule[], termId: string | null): boolean {
  if (d.status !== 'active') return false;
  if (termId && d.termId !== termId) return false;
  return rules.some((r) => matchesRule(d, r));
}

export function audienceOf<D extends DelegateProfile>(delegates: D[], rules: AudienceRule[], termId: string | null): D[] {
  return delegates.filter((d) => inAudience(d, rules, termId));
}

/** A rule in Vietnamese, for the course's page ("Chủ tịch, phó các Tổ đại biểu"). */
export function describeRule(r: AudienceRule, bodyName?: (id: string) => string | undefined): string {
  const roles = 'roles' in r && r.roles?.length ? `${r.roles.map((x) => ROLE_LABELS[x]).join(', ')} ` : 'thành viên ';
  switch (r.kind) {
    case 'all_delegates':
      return 'Tất cả đại biểu HĐND của khóa';
    case 'new_delegates':
      return 'Đại biểu lần đầu trúng cử';
    case 're_elected_delegates':
      return 'Đại biểu tái cử';
    case 'body_kind':
      return `${roles[0]!.toUpperCase()}${roles.slice(1)}${BODY_KIND_LABELS[r.bodyKind]}`;
    case 'body':
      return `${roles[0]!.toUpperCase()}${roles.slice(1)}${bodyName?.(r.bodyId) ?? 'một cơ quan của HĐND'}`;
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** The identity used to find a delegate in an earlier term: folded name and birth year. */
export function personKey(fullName: string, birthYear: number | null): string {
  return `${fold(fullName)}|${birthYear ?? ''}`;
}
