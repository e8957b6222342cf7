// Vietnamese display of dates, labels and codes.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';

dayjs.locale('vi');

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATETIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** 'YYYY-MM-DD' or an ISO timestamp → dd/mm/yyyy (empty string for nothing). */
export function fmtDate(v: string | null | undefined): string {
  if (!v) return '';
  const d = dayjs(v);
  return d.isValid() ? d.format(DATE_FORMAT) : v;
}

export function fmtDateTime(v: string | null | undefined): string {
  if (!v) return '';
  const d = dayjs(v);
  return d.isValid() ? d.format(DATETIME_FORMAT) : v;
}

/** dayjs value of a form DatePicker → 'YYYY-MM-DD' for the API. */
export function isoDay(v: dayjs.Dayjs | null | undefined): string | null {
  return v ? v.format('YYYY-MM-DD') : null;
}

export function dayOrNull(v: string | null | undefined): dayjs.Dayjs | null {
  return v ? dayjs(v) : null;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export const GENDER_LABELS: Record<string, string> = { male: 'Nam', female: 'Nữ' };
export const DELEGATE_STATUS: Record<string, string> = { active: 'Đang là đại biểu', ended: 'Đã thôi' };

export { ACTION_LABELS, ENTITY_LABELS, actionLabel, entityLabel } from '../../domain/audit/labels.ts';

/** Field names seen in audit snapshots, for the before → after diff. */
export const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  type: 'Loại',
  level: 'Cấp',
  parentId: 'Đơn vị cấp trên',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  position: 'Chức vụ',
  workplace: 'Nơi công tác',
  constituencyId: 'Đơn vị bầu cử',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  status: 'Trạng thái',
  termId: 'Nhiệm kỳ',
  councilId: 'HĐND',
  unitId: 'Đơn vị hành chính',
  kind: 'Loại',
  active: 'Đang hoạt động',
  role: 'Vai trò',
  bodyId: 'Ban, Tổ',
  delegateId: 'Đại biểu',
  agencyId: 'Cơ quan',
  userId: 'Người dùng',
  username: 'Tên đăng nhập',
  mustChangePassword: 'Phải đổi mật khẩu',
  startYear: 'Năm bắt đầu',
  endYear: 'Năm kết thúc',
  number: 'Số',
  seats: 'Số đại biểu được bầu',
  unitIds: 'Các đơn vị hành chính',
  description: 'Mô tả',
  fromUnitId: 'Đơn vị cũ',
  toUnitId: 'Đơn vị mới',
  effectiveDate: 'Ngày hiệu lực',
  note: 'Ghi chú',
  parentAgencyId: 'Cơ quan cấp trên',
  settings: 'Thiết lập',
  fileName: 'Tệp',
  creates: 'Số đơn vị thêm mới',
  updates: 'Số đơn vị cập nhật',
  codes: 'Các mã',
  id: 'Mã định danh',
};

/** Bookkeeping fields not worth showing in a diff. */
export const HIDDEN_FIELDS = new Set(['sortKey', 'searchKey', 'createdAt', 'updatedAt', 'passwordHash', 'csrfToken']);

/** "Phường Sa Huỳnh" from a unit row, using the vocabulary's type labels. */
export function unitTitle(u: { name: string; type: string }, typeLabels: Record<string, string>): string {
  const t = typeLabels[u.type];
  return t ? `${t} ${u.name}` : u.name;
}
