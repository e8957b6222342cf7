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

/** Vietnamese names of audit actions; unknown codes are shown as they are. */
export const ACTION_LABELS: Record<string, string> = {
  'unit.create': 'Thêm đơn vị hành chính',
  'unit.update': 'Sửa đơn vị hành chính',
  'unit.add_succession': 'Ghi nhận đơn vị "trở thành"',
  'unit.import': 'Nhập danh mục đơn vị hành chính',
  'council.create': 'Thêm HĐND',
  'council.update': 'Sửa HĐND',
  'term.create': 'Thêm nhiệm kỳ',
  'constituency.create': 'Thêm đơn vị bầu cử',
  'body.create': 'Thêm Ban, Tổ đại biểu',
  'body.update': 'Sửa Ban, Tổ đại biểu',
  'body.add_member': 'Thêm thành viên',
  'body.remove_member': 'Gỡ thành viên',
  'delegate.create': 'Thêm đại biểu',
  'delegate.update': 'Sửa đại biểu',
  'delegate.delete': 'Xóa đại biểu',
  'agency.create': 'Thêm cơ quan',
  'agency.update': 'Sửa cơ quan',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.change_password': 'Đổi mật khẩu',
  'user.grant_role': 'Giao vai trò',
  'user.revoke_role': 'Thu hồi vai trò',
  // Voter petitions
  'petition_round.create': 'Mở đợt tiếp xúc cử tri',
  'petition_round.update': 'Sửa đợt tiếp xúc cử tri',
  'petition_round.close': 'Kết thúc đợt tiếp xúc cử tri',
  'contact_meeting.create': 'Ghi nhận cuộc tiếp xúc cử tri',
  'contact_meeting.update': 'Sửa cuộc tiếp xúc cử tri',
  'opinion.create': 'Tiếp nhận ý kiến cử tri',
  'opinion.import': 'Nhập ý kiến cử tri từ tệp',
  'opinion.update': 'Sửa nội dung ý kiến',
  'opinion.classify': 'Phân loại ý kiến',
  'opinion.mark_complaint': 'Đánh dấu khiếu nại, tố cáo',
  'opinion.merge': 'Tổng hợp ý kiến vào kiến nghị',
  'opinion.unmerge': 'Tách ý kiến khỏi kiến nghị',
  'opinion.split': 'Chuyển ý kiến sang kiến nghị tách ra',
  'opinion.receive_from_lower': 'Tiếp nhận kiến nghị do HĐND cấp dưới chuyển lên',
  'petition.create': 'Tạo kiến nghị',
  'petition.merge': 'Tổng hợp thành kiến nghị',
  'petition.split_from': 'Tách thành kiến nghị mới',
  'petition.split': 'Tách kiến nghị',
  'petition.add_opinions': 'Bổ sung ý kiến vào kiến nghị',
  'petition.remove_opinion': 'Tách ý kiến khỏi kiến nghị',
  'petition.update': 'Sửa nội dung, phân loại kiến nghị',
  'petition.dispatch': 'Chuyển kiến nghị đến nơi có thẩm quyền',
  'petition.return': 'Cơ quan trả lại kiến nghị',
  'petition.answer': 'Trả lời kiến nghị',
  'petition.answer_from_upper': 'Nhận trả lời từ cấp trên',
  'petition.attach': 'Đính kèm tệp vào trả lời',
  'petition.review': 'Đánh giá kết quả trả lời',
  'petition.remind': 'Đôn đốc trả lời',
  'petition.carry_over': 'Chuyển sang theo dõi ở đợt sau',
  'dispatch.create': 'Gửi công văn chuyển kiến nghị',
  'reminder.create': 'Ghi nhận đôn đốc',
  'petition_field.create': 'Thêm lĩnh vực',
  'petition_field.update': 'Sửa lĩnh vực',
  'petition_field.install_defaults': 'Cài danh mục lĩnh vực mặc định',
  'routing_rule.create': 'Thêm quy tắc chuyển kiến nghị',
  'routing_rule.delete': 'Xóa quy tắc chuyển kiến nghị',
  'petition_settings.update': 'Sửa quy định thời hạn trả lời',
  'holiday_overrides.put': 'Sửa bảng ngày nghỉ lễ, làm bù',
};

export const ENTITY_LABELS: Record<string, string> = {
  admin_unit: 'Đơn vị hành chính',
  admin_unit_import: 'Tệp nhập đơn vị hành chính',
  unit_succession: 'Liên kết "trở thành"',
  council: 'HĐND',
  term: 'Nhiệm kỳ',
  constituency: 'Đơn vị bầu cử',
  body: 'Ban, Tổ đại biểu',
  membership: 'Thành viên',
  delegate: 'Đại biểu',
  agency: 'Cơ quan',
  user: 'Người dùng',
  role_grant: 'Vai trò',
  petition_round: 'Đợt tiếp xúc cử tri',
  contact_meeting: 'Cuộc tiếp xúc cử tri',
  opinion: 'Ý kiến cử tri',
  petition: 'Kiến nghị',
  dispatch: 'Công văn chuyển kiến nghị',
  reminder: 'Đôn đốc',
  petition_field: 'Lĩnh vực',
  routing_rule: 'Quy tắc chuyển',
  petition_settings: 'Quy định thời hạn',
  holiday_overrides: 'Bảng ngày nghỉ lễ',
};

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => ENTITY_LABELS[code] ?? code;

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
