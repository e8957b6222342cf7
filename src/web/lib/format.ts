// Vietnamese display of dates, labels and codes.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.locale('vi');

/** A council works on Vietnam's time (UTC+7), whatever the time zone of the device showing it:
 * a timestamp is shown at +07:00; a plain 'YYYY-MM-DD' day stays that day. */
function vn(v: string): dayjs.Dayjs {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : dayjs(v).utcOffset(7 * 60);
}

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATETIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** 'YYYY-MM-DD' or an ISO timestamp → dd/mm/yyyy (empty string for nothing). */
export function fmtDate(v: string | null | undefined): string {
  if (!v) return '';
  const d = vn(v);
  return d.isValid() ? d.format(DATE_FORMAT) : v;
}

export function fmtDateTime(v: string | null | undefined): string {
  if (!v) return '';
  const d = vn(v);
  return d.isValid() ? d.format(DATETIME_FORMAT) : v;
}

/** A date and time picked in a form (its wall-clock fields, as the user read them) → an ISO
 * timestamp in Vietnam's time, the time every page shows, whatever the device's zone. */
export function vnTimestamp(v: dayjs.Dayjs): string {
  return `${v.format('YYYY-MM-DDTHH:mm:00')}+07:00`;
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

/** Text cut to n characters with an ellipsis, left whole when it fits. */
export function clip(text: string, n = 160): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** A file's size as Vietnamese writes it: "850 B", "12,3 KB", "1,5 MB". */
export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${ONE_DECIMAL.format(bytes / 1024)} KB`;
  return `${ONE_DECIMAL.format(bytes / 1024 / 1024)} MB`;
}

const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** A percentage as Vietnamese writes it: 66.7 → "66,7%" (decimal comma, no space); null → "—". */
export function fmtPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined || Number.isNaN(percent) ? '—' : `${PERCENT.format(percent)}%`;
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
  totpEnabled: 'Đã bật xác thực hai bước',
  totpRequired: 'Bắt buộc xác thực hai bước',
  totp: 'Có mã xác thực',
  address: 'Địa chỉ mạng',
  userAgent: 'Thiết bị (trình duyệt)',
  sessions: 'Số phiên',
  current: 'Gồm phiên đang dùng',
  otherSessionsEnded: 'Số phiên khác đã kết thúc',
  roles: 'Vai trò',
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
  // References (shown by name in the audit viewer) and the petition workflow's fields.
  fieldId: 'Lĩnh vực',
  roundId: 'Đợt tiếp xúc cử tri',
  originRoundId: 'Đợt phát sinh kiến nghị',
  fromRoundId: 'Từ đợt',
  toRoundId: 'Sang đợt',
  roundIds: 'Các đợt tiếp xúc cử tri',
  meetingId: 'Hội nghị tiếp xúc cử tri',
  petitionId: 'Kiến nghị',
  petitionIds: 'Các kiến nghị',
  sourcePetitionId: 'Kiến nghị của HĐND cấp dưới',
  fromPetitionId: 'Từ kiến nghị',
  opinionIds: 'Các ý kiến cử tri',
  issuerId: 'Cơ quan ban hành văn bản',
  targetCouncilId: 'HĐND cấp trên nhận kiến nghị',
  jointCouncilId: 'HĐND cùng tiếp xúc cử tri',
  toCouncilId: 'Chuyển đến HĐND',
  returnedByCouncilId: 'HĐND trả lại',
  councilIds: 'Các HĐND',
  agencyIds: 'Các cơ quan',
  bodyIds: 'Các Ban, Tổ',
  committeeIds: 'Các Ban của HĐND',
  delegateIds: 'Các đại biểu',
  userIds: 'Những người dùng',
  createdById: 'Người tạo',
  updatedById: 'Người sửa',
  cancelledById: 'Người hủy',
  reviewerId: 'Người đánh giá',
  dispatchId: 'Lượt chuyển kiến nghị',
  dispatchItemId: 'Kiến nghị trong lượt chuyển',
  documentId: 'Văn bản',
  competentLevel: 'Cấp có thẩm quyền giải quyết',
  text: 'Nội dung',
  originalText: 'Nội dung gốc',
  version: 'Phiên bản',
  sequence: 'Số thứ tự đợt',
  sessionName: 'Kỳ họp',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  published: 'Đã công khai',
  closedAt: 'Thời điểm kết thúc',
  classifiedAt: 'Thời điểm phân loại',
  heldOn: 'Ngày tổ chức',
  place: 'Địa điểm',
  mode: 'Hình thức',
  votersAttending: 'Số cử tri tham dự',
  chairedBy: 'Chủ trì',
  delegatesPresent: 'Đại biểu tham dự',
  notes: 'Ghi chú',
  receivedOn: 'Ngày tiếp nhận',
  channel: 'Kênh tiếp nhận',
  voterName: 'Họ tên cử tri',
  voterHamlet: 'Thôn, tổ dân phố của cử tri',
  voterCount: 'Số cử tri',
  letterNumber: 'Số văn bản',
  letterDate: 'Ngày văn bản',
  dueDate: 'Hạn trả lời',
  dueRule: 'Quy tắc tính hạn',
  roundName: 'Tên đợt',
  targetKind: 'Nơi nhận',
  targetName: 'Tên nơi nhận',
  carriedOver: 'Chuyển sang kỳ sau',
  year: 'Năm',
  id: 'Mã định danh',
  // Documents and text settings.
  symbol: 'Số, ký hiệu',
  title: 'Trích yếu',
  issuedOn: 'Ngày ban hành',
  templateKey: 'Mẫu văn bản',
  params: 'Thông tin dùng để soạn',
  size: 'Dung lượng tệp (byte)',
  cancelReason: 'Lý do hủy',
  cancelledAt: 'Thời điểm hủy',
  createdByName: 'Người tạo',
  document: 'Văn bản',
  abbreviation: 'Từ viết tắt',
  expansion: 'Viết đầy đủ',
  result: 'Kết quả trả lời',
  reason: 'Lý do',
  state: 'Tình trạng',
  response: 'Trả lời',
  agencyName: 'Cơ quan',
  roadmap: 'Lộ trình giải quyết',
  committedDate: 'Thời hạn hoàn thành cam kết',
  respondedOn: 'Ngày trả lời',
  verdict: 'Kết quả đánh giá',
  source: 'Nguồn',
  sentOn: 'Ngày đôn đốc',
};

/** Bookkeeping fields not worth showing in a diff. */
export const HIDDEN_FIELDS = new Set(['sortKey', 'searchKey', 'createdAt', 'updatedAt', 'passwordHash', 'csrfToken', 'sha256', 'docx', 'content', 'searchText', 'exactText']);

/** "Phường Sa Huỳnh" from a unit row, using the vocabulary's type labels. */
export function unitTitle(u: { name: string; type: string }, typeLabels: Record<string, string>): string {
  const t = typeLabels[u.type];
  return t ? `${t} ${u.name}` : u.name;
}
