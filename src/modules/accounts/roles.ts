// The roles a user can hold and what each is scoped to. Permissions name the roles that hold them
// in each module's index.ts.

export type RoleScope = 'global' | 'council' | 'body' | 'agency';

export const ROLES: Record<string, { label: string; scope: RoleScope }> = {
  admin: { label: 'Quản trị hệ thống', scope: 'global' },
  secretariat: { label: 'Chuyên viên Văn phòng', scope: 'council' },
  standing_member: { label: 'Thành viên Thường trực HĐND', scope: 'council' },
  committee_member: { label: 'Thành viên Ban HĐND', scope: 'body' },
  delegate: { label: 'Đại biểu HĐND', scope: 'council' },
  front_staff: { label: 'Cán bộ Ủy ban MTTQ Việt Nam', scope: 'council' },
  election_member: { label: 'Thành viên Ban, Tổ bầu cử', scope: 'council' },
  agency_responder: { label: 'Cán bộ cơ quan trả lời kiến nghị', scope: 'agency' },
};

export const ROLE_NAMES = Object.keys(ROLES);
