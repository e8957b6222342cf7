/** Vietnamese labels of every kind and state of the elections domain (glossary "Elections"). */

export type BallotType = 'na' | 'province' | 'commune';
export const BALLOT_TYPES: readonly BallotType[] = ['na', 'province', 'commune'];
export const BALLOT_TYPE_LABELS: Readonly<Record<BallotType, string>> = {
  na: 'Phiếu bầu đại biểu Quốc hội',
  province: 'Phiếu bầu đại biểu Hội đồng nhân dân tỉnh',
  commune: 'Phiếu bầu đại biểu Hội đồng nhân dân xã',
};

export type ElectionBodyKind = 'nationalElectionCouncil' | 'electionCommittee' | 'unitBoard' | 'pollingTeam';
export const ELECTION_BODY_LABELS: Readonly<Record<ElectionBodyKind, string>> = {
  nationalElectionCouncil: 'Hội đồng bầu cử quốc gia',
  electionCommittee: 'Ủy ban bầu cử',
  unitBoard: 'Ban bầu cử',
  pollingTeam: 'Tổ bầu cử',
};

export type PollingAreaKind = 'ordinary' | 'military' | 'hospital' | 'careHome' | 'detention';
export const POLLING_AREA_KIND_LABELS: Readonly<Record<PollingAreaKind, string>> = {
  ordinary: 'Khu vực bỏ phiếu thông thường',
  military: 'Khu vực bỏ phiếu riêng của đơn vị vũ trang',
  hospital: 'Khu vực bỏ phiếu riêng của bệnh viện',
  careHome: 'Khu vực bỏ phiếu riêng của cơ sở chăm sóc người khuyết tật, người cao tuổi',
  detention: 'Khu vực bỏ phiếu riêng của cơ sở giam giữ',
};

export type ResidenceKind = 'permanent' | 'temporary';
export const RESIDENCE_KIND_LABELS: Readonly<Record<ResidenceKind, string>> = {
  permanent: 'Thường trú',
  temporary: 'Tạm trú',
};

/** Special statuses of a voter (elections.md "Voter lists", "Edge cases"). */
export type VoterStatus = 'none' | 'soldier' | 'detainee' | 'quarantined' | 'inHospital' | 'voteElsewhereCertificate';
export const VOTER_STATUS_LABELS: Readonly<Record<VoterStatus, string>> = {
  none: 'Không',
  soldier: 'Quân nhân bỏ phiếu tại đơn vị',
  detainee: 'Người đang bị tạm giam, tạm giữ',
  quarantined: 'Người đang cách ly y tế',
  inHospital: 'Người đang điều trị tại bệnh viện',
  voteElsewhereCertificate: 'Bỏ phiếu ở nơi khác (có Giấy chứng nhận)',
};

export type VoterState = 'onList' | 'removed' | 'added' | 'certificateIssued' | 'voted';
export const VOTER_STATE_LABELS: Readonly<Record<VoterState, string>> = {
  onList: 'Có tên trong danh sách',
  removed: 'Đã xóa tên khỏi danh sách',
  added: 'Đã bổ sung vào danh sách',
  certificateIssued: 'Đã cấp Giấy chứng nhận đi bỏ phiếu nơi khác',
  voted: 'Đã bỏ phiếu',
};

export type CandidateState = 'fileReceived' | 'preliminary' | 'afterVoterMeetings' | 'official' | 'removed' | 'elected' | 'notElected';
export const CANDIDATE_STATE_LABELS: Readonly<Record<CandidateState, string>> = {
  fileReceived: 'Đã nhận hồ sơ ứng cử',
  preliminary: 'Danh sách sơ bộ',
  afterVoterMeetings: 'Đã lấy ý kiến cử tri nơi cư trú',
  official: 'Danh sách chính thức',
  removed: 'Bị xóa tên khỏi danh sách',
  elected: 'Trúng cử',
  notElected: 'Không trúng cử',
};

export type TallySheetState = 'draft' | 'submitted' | 'locked' | 'superseded';
export const TALLY_SHEET_STATE_LABELS: Readonly<Record<TallySheetState, string>> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  locked: 'Đã khóa sổ',
  superseded: 'Đã được thay thế bằng phiên bản mới',
};

export type UnitResultState =
  | 'counting'
  | 'allSheetsReceived'
  | 'boardRecord'
  | 'valid'
  | 'invalidTurnout'
  | 'complete'
  | 'shortOfSeats'
  | 'additionalRound'
  | 'acceptedShort'
  | 'revote'
  | 'annulled'
  | 'final'
  | 'published'
  | 'complaintWindow'
  | 'confirmed';
export const UNIT_RESULT_STATE_LABELS: Readonly<Record<UnitResultState, string>> = {
  counting: 'Đang kiểm phiếu',
  allSheetsReceived: 'Đã nhận đủ biên bản của các Tổ bầu cử',
  boardRecord: 'Ban bầu cử đã lập biên bản xác định kết quả',
  valid: 'Kết quả hợp lệ',
  invalidTurnout: 'Không hợp lệ: số cử tri đi bầu chưa quá một nửa',
  complete: 'Đã bầu đủ số đại biểu',
  shortOfSeats: 'Chưa bầu đủ số đại biểu',
  additionalRound: 'Bầu cử thêm',
  acceptedShort: 'Không bầu cử thêm, khuyết số đại biểu',
  revote: 'Bầu cử lại',
  annulled: 'Bị hủy bỏ kết quả (Hội đồng bầu cử quốc gia)',
  final: 'Kết quả cuối cùng',
  published: 'Đã công bố',
  complaintWindow: 'Đang trong thời hạn khiếu nại',
  confirmed: 'Đã xác nhận',
};

export type RoundKind = 'first' | 'revote' | 'additional';
export const ROUND_KIND_LABELS: Readonly<Record<RoundKind, string>> = {
  first: 'Bầu cử lần đầu',
  revote: 'Bầu cử lại',
  additional: 'Bầu cử thêm',
};

export type TurnoutKind = 'estimated' | 'final';
export const TURNOUT_KIND_LABELS: Readonly<Record<TurnoutKind, string>> = {
  estimated: 'Số liệu ước tính',
  final: 'Số liệu chính thức',
};
