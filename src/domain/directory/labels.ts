// The administrative vocabulary, as data: unit types with the level of government they belong to,
// and the kinds of bodies and agencies. Levels are not assumed anywhere else in code: a unit's level
// is stored on the unit (taken from its type when created) and the tree has whatever depth the
// data gives it.

export interface UnitType {
  code: string;
  /** Vietnamese name as written before a unit's proper name: "Thị xã", "Phường". */
  label: string;
  level: string;
}

export const UNIT_TYPES: UnitType[] = [
  { code: 'tinh', label: 'Tỉnh', level: 'province' },
  { code: 'thanh_pho_tw', label: 'Thành phố trực thuộc trung ương', level: 'province' },
  { code: 'huyen', label: 'Huyện', level: 'district' },
  { code: 'quan', label: 'Quận', level: 'district' },
  { code: 'thi_xa', label: 'Thị xã', level: 'district' },
  { code: 'thanh_pho', label: 'Thành phố thuộc tỉnh', level: 'district' },
  { code: 'xa', label: 'Xã', level: 'commune' },
  { code: 'phuong', label: 'Phường', level: 'commune' },
  { code: 'thi_tran', label: 'Thị trấn', level: 'commune' },
  { code: 'dac_khu', label: 'Đặc khu', level: 'commune' },
];

export const LEVELS: Record<string, string> = {
  central: 'Trung ương',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export function unitType(code: string): UnitType | undefined {
  return UNIT_TYPES.find((t) => t.code === code);
}

/**
 * Reads a unit type from the words an official list uses ("Thị xã", "Phường", "Thành phố Trực
 * thuộc Trung ương"…), accent- and case-insensitively. `fold` is the text engine's key function.
 */
export function unitTypeFromLabel(label: string, fold: (s: string) => string): UnitType | undefined {
  const key = fold(label).replace(/\s+/g, ' ').trim();
  const direct = UNIT_TYPES.find((t) => t.code === key || fold(t.label) === key);
  if (direct) return direct;
  // The national statistics list writes "Thành phố Trung ương".
  if (['thanh pho truc thuoc trung uong', 'thanh pho trung uong', 'thanh pho tw'].includes(key)) return unitType('thanh_pho_tw');
  if (key === 'thanh pho' || key === 'thanh pho thuoc tinh') return unitType('thanh_pho');
  return undefined;
}

export const BODY_KINDS: Record<string, string> = {
  standing: 'Thường trực HĐND',
  committee: 'Ban của HĐND',
  delegate_group: 'Tổ đại biểu',
};

export const MEMBERSHIP_ROLES: Record<string, string> = {
  chair: 'Trưởng',
  vice_chair: 'Phó',
  member: 'Thành viên',
};

export const AGENCY_KINDS: Record<string, string> = {
  people_committee: 'Ủy ban nhân dân',
  department: 'Sở, phòng, ban chuyên môn',
  fatherland_front: 'Ủy ban MTTQ Việt Nam',
  na_delegation: 'Đoàn đại biểu Quốc hội',
  state_company: 'Doanh nghiệp nhà nước',
  court: 'Tòa án nhân dân',
  procuracy: 'Viện kiểm sát nhân dân',
  other: 'Cơ quan, tổ chức khác',
};

/** Is a unit (or council) in force on a date? Dates are 'YYYY-MM-DD'; validTo is exclusive. */
export function inForce(v: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (!v.validFrom || v.validFrom <= date) && (!v.validTo || date < v.validTo);
}
