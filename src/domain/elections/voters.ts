/**
 * Voter lists (elections.md "Voter lists", rules.md "Elections"): the ballots each voter gets,
 * computed from residence and status, never typed; the moves between lists with their Mẫu 31
 * column (11) note; ID validation.
 */
import { addDays, isIsoDate } from '../calendar/index.ts';
import { formatShortDate } from '../documents/format.ts';
import { ElectionRuleError } from './errors.ts';
import type { BallotType, ResidenceKind, VoterStatus } from './labels.ts';

export type Residence = {
  kind: ResidenceKind;
  /** Start of the temporary registration (ISO date); required for a temporary resident. */
  since?: string | null;
};

/** The law's grounds of exclusion (Luật 85/2015 Điều 30). */
export type ExclusionGround = 'courtDeprived' | 'deathSentence' | 'prisonTerm' | 'incapacitated';
export const EXCLUSION_GROUND_LABELS: Readonly<Record<ExclusionGround, string>> = {
  courtDeprived: 'Bị tước quyền bầu cử theo bản án, quyết định của Tòa án đã có hiệu lực pháp luật',
  deathSentence: 'Bị kết án tử hình đang trong thời gian chờ thi hành án',
  prisonTerm: 'Đang chấp hành hình phạt tù mà không được hưởng án treo',
  incapacitated: 'Bị Tòa án tuyên bố mất năng lực hành vi dân sự',
};

export type Exclusion = {
  ground: ExclusionGround;
  /** When the ground ends, 'YYYY-MM-DDTHH:MM' Vietnam time, or null when it lasts past election day. */
  endsAt: string | null;
};

export type VoterFacts = {
  residence: Residence;
  status: VoterStatus;
  exclusion?: Exclusion | null;
};

export type Eligibility = {
  /** The ballots the voter gets: Mẫu 31 columns (8) NA, (9) province, (10) commune. */
  ballots: Readonly<Record<BallotType, boolean>>;
  /** Vietnamese reason, shown beside the row. */
  reason: string;
};

const ALL: Record<BallotType, boolean> = { na: true, province: true, commune: true };
const NO_COMMUNE: Record<BallotType, boolean> = { na: true, province: true, commune: false };
const NONE: Record<BallotType, boolean> = { na: false, province: false, commune: false };

/** Voting opens at 07:00 on election day (Điều 71); an exclusion must end 24 h before. */
function readdDeadline(electionDay: string): string {
  return `${addDays(electionDay, -1)}T07:00`;
}

/** Has a temporary resident been registered ≥ 12 months by election day? */
export function registeredTwelveMonths(since: string, electionDay: string): boolean {
  const y = Number(since.slice(0, 4)) + 1;
  let anniversary = `${y}${since.slice(4)}`;
  if (!isIsoDate(anniversary)) anniversary = `${y}-03-01`; // 29/02 + 12 months
  return anniversary <= electionDay;
}

/**
 * The ballots a voter gets on `electionDay`, with the reason (Mẫu 31 marking rule). Quarantined and
 * hospital voters keep the ballots of their residence (no specific rule found: they are served by a
 * mobile box; see planMove).
 */
export function voterEligibility(facts: VoterFacts, electionDay: string): Eligibility {
  if (!isIsoDate(electionDay)) {
    throw new ElectionRuleError('invalidDate', `Ngày bầu cử không hợp lệ: "${String(electionDay)}".`);
  }
  const ex = facts.exclusion;
  if (ex) {
    const label = EXCLUSION_GROUND_LABELS[ex.ground];
    if (label === undefined) throw new ElectionRuleError('unknownExclusion', `Căn cứ không được ghi tên vào danh sách cử tri không hợp lệ: "${String(ex.ground)}".`);
    if (ex.endsAt === null || ex.endsAt > readdDeadline(electionDay)) {
      return { ballots: NONE, reason: `Không được ghi tên vào danh sách cử tri: ${label.toLowerCase()} (Luật Bầu cử, Điều 30).` };
    }
  }
  const readded = ex ? ' Được bổ sung vào danh sách vì căn cứ loại trừ đã chấm dứt trước thời điểm bắt đầu bỏ phiếu ít nhất 24 giờ.' : '';
  switch (facts.status) {
    case 'soldier':
      return { ballots: NO_COMMUNE, reason: `Quân nhân bỏ phiếu tại đơn vị: bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh.${readded}` };
    case 'detainee':
      return { ballots: NO_COMMUNE, reason: `Người đang bị tạm giam, tạm giữ: bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh.${readded}` };
    case 'voteElsewhereCertificate':
      return { ballots: NO_COMMUNE, reason: `Bỏ phiếu ở nơi khác theo Giấy chứng nhận (Mẫu số 11): bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh.${readded}` };
    case 'none':
    case 'quarantined':
    case 'inHospital':
      break;
    default:
      throw new ElectionRuleError('unknownStatus', `Tình trạng cử tri không hợp lệ: "${String(facts.status)}".`);
  }
  const r = facts.residence;
  if (r.kind === 'permanent') return { ballots: ALL, reason: `Thường trú: bầu cả ba cấp.${readded}` };
  if (r.kind !== 'temporary') throw new ElectionRuleError('unknownResidence', `Loại cư trú không hợp lệ: "${String(r.kind)}".`);
  if (!r.since || !isIsoDate(r.since)) {
    throw new ElectionRuleError('temporarySinceMissing', 'Cử tri tạm trú cần có ngày bắt đầu đăng ký tạm trú (ghi ở cột Ghi chú) để xác định các cấp được bầu.');
  }
  if (r.since > electionDay) {
    throw new ElectionRuleError('temporarySinceAfterElection', `Ngày đăng ký tạm trú ${formatShortDate(r.since)} sau ngày bầu cử ${formatShortDate(electionDay)}.`);
  }
  if (registeredTwelveMonths(r.since, electionDay)) {
    return { ballots: ALL, reason: `Tạm trú từ ${formatShortDate(r.since)}, đủ 12 tháng đến ngày bầu cử: bầu cả ba cấp.${readded}` };
  }
  return {
    ballots: NO_COMMUNE,
    reason: `Tạm trú từ ${formatShortDate(r.since)}, chưa đủ 12 tháng đến ngày bầu cử: bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh, không bầu đại biểu Hội đồng nhân dân xã.${readded}`,
  };
}

/** "X" or "0" in Mẫu 31 columns (8)–(10). */
export function ballotMarks(e: Eligibility): [string, string, string] {
  return [e.ballots.na ? 'X' : '0', e.ballots.province ? 'X' : '0', e.ballots.commune ? 'X' : '0'];
}

/** The 12-digit ID number (Số Căn cước / số định danh cá nhân): null when valid, else the Vietnamese reason. */
export function citizenIdProblem(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return 'Chưa có số Căn cước.';
  const digits = raw.replace(/[\s.\-]/g, '');
  if (!/^\d+$/.test(digits)) return `Số Căn cước "${raw}" có ký tự không phải chữ số.`;
  if (digits.length !== 12) return `Số Căn cước "${raw}" có ${digits.length} chữ số, cần đủ 12 chữ số.`;
  return null;
}

/** The ID number in canonical form (digits only), or null when it is missing or not 12 digits. */
export function normalizeCitizenId(raw: string | null | undefined): string | null {
  if (citizenIdProblem(raw) !== null) return null;
  return raw!.replace(/[\s.\-]/g, '');
}

/**
 * Does the ID number agree with the birth year and sex? In the personal identification number the
 * 4th digit encodes century and sex (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s, 8/9: 1800s)
 * and the 5th–6th the last two digits of the birth year (Thông tư 07/2016/TT-BCA Điều 7, from
 * memory: not in the domain notes, UNVERIFIED). A mismatch is a warning for the commune to check,
 * never a refusal. Returns the Vietnamese warning or null.
 */
export function citizenIdMismatch(citizenId: string, birthDate: string, sex: 'male' | 'female'): string | null {
  const id = normalizeCitizenId(citizenId);
  if (id === null) return null;
  const year = Number(birthDate.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  const century = Math.floor(year / 100);
  const base = century === 18 ? 8 : century === 19 ? 0 : century === 20 ? 2 : century === 21 ? 4 : null;
  if (base === null) return null;
  const expected = `${base + (sex === 'female' ? 1 : 0)}${String(year % 100).padStart(2, '0')}`;
  if (id.slice(3, 6) === expected) return null;
  return `Số Căn cước ${id} không khớp với năm sinh ${year} và giới tính ${sex === 'female' ? 'nữ' : 'nam'} (chữ số thứ 4 đến thứ 6 cần là ${expected}): đề nghị kiểm tra lại.`;
}

// ---------------------------------------------------------------------------
// Moves between lists

export type MoveKind =
  | 'temporaryResident'
  | 'movedAfterPosting'
  | 'voteElsewhereCertificate'
  | 'detained'
  | 'quarantined'
  | 'inHospital'
  | 'soldierAtResidence';

export const MOVE_KIND_LABELS: Readonly<Record<MoveKind, string>> = {
  temporaryResident: 'Cử tri tạm trú ghi tên tại nơi tạm trú',
  movedAfterPosting: 'Cử tri chuyển đến nơi ở mới sau khi niêm yết danh sách',
  voteElsewhereCertificate: 'Cử tri được cấp Giấy chứng nhận đi bỏ phiếu nơi khác',
  detained: 'Cử tri đang bị tạm giam, tạm giữ',
  quarantined: 'Cử tri đang cách ly y tế',
  inHospital: 'Cử tri đang điều trị tại bệnh viện',
  soldierAtResidence: 'Quân nhân bỏ phiếu tại nơi cư trú (Mẫu số 12)',
};

/**
 * How quarantined and hospital voters are served: no specific rule in the texts checked
 * (elections.md "Edge cases", UNVERIFIED — CONFIGURABLE). `mobileBox`: they stay on their list and
 * the Tổ brings the mobile box; `certificate`: they take a certificate and are added to the list of
 * the area where they are (a hospital's own polling area), for the NA and province ballots.
 */
export type CarePolicy = 'mobileBox' | 'certificate';
export type MovePolicy = { quarantined: CarePolicy; inHospital: CarePolicy; verified: false };
export const DEFAULT_MOVE_POLICY: MovePolicy = { quarantined: 'mobileBox', inHospital: 'mobileBox', verified: false };

export type ListChange =
  | { action: 'remove'; pollingAreaId: string; note: string; reason: string }
  | { action: 'add'; pollingAreaId: string; note: string; reason: string; status: VoterStatus }
  | { action: 'mark'; pollingAreaId: string; note: string; reason: string; mobileBox: true };

export type MoveRequest = {
  kind: MoveKind;
  /** The polling area whose list the voter is on now. */
  fromAreaId: string;
  /** Where the voter will vote (for `mobileBox` care: ignored). */
  toAreaId: string | null;
  /** The day of the change; after election day nothing moves. */
  on: string;
  electionDay: string;
};

/**
 * The list changes a move makes: every citizen stays on exactly one list, so a move removes (or
 * marks) the old row and adds the new one in the same step; each row gets its column (11) note.
 */
export function planMove(req: MoveRequest, policy: MovePolicy = DEFAULT_MOVE_POLICY): ListChange[] {
  if (!isIsoDate(req.on) || !isIsoDate(req.electionDay)) {
    throw new ElectionRuleError('invalidDate', 'Ngày thay đổi danh sách cử tri hoặc ngày bầu cử không hợp lệ (cần dạng YYYY-MM-DD).');
  }
  if (req.on > req.electionDay) {
    throw new ElectionRuleError('afterElectionDay', `Không thể thay đổi danh sách cử tri sau ngày bầu cử ${formatShortDate(req.electionDay)}.`);
  }
  const label = Object.hasOwn(MOVE_KIND_LABELS, req.kind) ? MOVE_KIND_LABELS[req.kind] : undefined;
  if (label === undefined) throw new ElectionRuleError('unknownMove', `Loại thay đổi danh sách cử tri không hợp lệ: "${String(req.kind)}".`);
  const care = req.kind === 'quarantined' ? policy.quarantined : req.kind === 'inHospital' ? policy.inHospital : null;
  if (care === 'mobileBox') {
    return [
      {
        action: 'mark',
        pollingAreaId: req.fromAreaId,
        note: req.kind === 'quarantined' ? 'Bỏ phiếu bằng hòm phiếu phụ (đang cách ly y tế)' : 'Bỏ phiếu bằng hòm phiếu phụ (đang điều trị tại bệnh viện)',
        reason: `${label}: giữ tên trong danh sách, Tổ bầu cử mang hòm phiếu phụ đến (quy định chưa kiểm chứng, có thể cấu hình).`,
        mobileBox: true,
      },
    ];
  }
  const to = req.toAreaId;
  if (to === null || to === '') throw new ElectionRuleError('destinationMissing', `${label}: cần chọn khu vực bỏ phiếu nơi cử tri sẽ bỏ phiếu.`);
  if (to === req.fromAreaId) throw new ElectionRuleError('sameArea', `${label}: khu vực bỏ phiếu mới trùng với khu vực hiện tại.`);
  const when = formatShortDate(req.on);
  switch (req.kind) {
    case 'temporaryResident':
      return [
        { action: 'remove', pollingAreaId: req.fromAreaId, note: 'Ghi tên tại nơi tạm trú', reason: `${label} (${when}); xóa tên ở nơi thường trú để mỗi cử tri chỉ có tên trong một danh sách.` },
        { action: 'add', pollingAreaId: to, note: 'Tạm trú', reason: `${label} (${when}).`, status: 'none' },
      ];
    case 'movedAfterPosting':
      return [
        { action: 'remove', pollingAreaId: req.fromAreaId, note: 'Đã chuyển đi nơi khác', reason: `${label} (${when}): xóa tên ở nơi cũ (Luật Bầu cử, Điều 34).` },
        { action: 'add', pollingAreaId: to, note: 'Mới chuyển đến', reason: `${label} (${when}): bổ sung vào danh sách nơi ở mới (Luật Bầu cử, Điều 34).`, status: 'none' },
      ];
    case 'voteElsewhereCertificate':
    case 'quarantined':
    case 'inHospital':
      return [
        { action: 'remove', pollingAreaId: req.fromAreaId, note: 'Bỏ phiếu ở nơi khác', reason: `${label} (${when}): đã cấp Giấy chứng nhận (Mẫu số 11), xóa tên khỏi danh sách nơi cũ.` },
        { action: 'add', pollingAreaId: to, note: 'Cử tri không cư trú ở địa phương', reason: `${label} (${when}): bổ sung theo Giấy chứng nhận, chỉ bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh.`, status: 'voteElsewhereCertificate' },
      ];
    case 'detained':
      return [
        { action: 'remove', pollingAreaId: req.fromAreaId, note: 'Người đang bị tạm giam / tạm giữ', reason: `${label} (${when}): ghi tên tại khu vực bỏ phiếu của cơ sở giam giữ.` },
        { action: 'add', pollingAreaId: to, note: 'Người đang bị tạm giam / tạm giữ', reason: `${label} (${when}): bỏ phiếu bằng hòm phiếu phụ, chỉ bầu đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh.`, status: 'detainee' },
      ];
    case 'soldierAtResidence':
      return [
        { action: 'remove', pollingAreaId: req.fromAreaId, note: 'Bỏ phiếu ở nơi cư trú', reason: `${label} (${when}): xóa tên khỏi danh sách của đơn vị vũ trang.` },
        { action: 'add', pollingAreaId: to, note: 'Bỏ phiếu ở nơi cư trú', reason: `${label} (${when}): bổ sung vào danh sách nơi cư trú.`, status: 'none' },
      ];
    default:
      throw new ElectionRuleError('unknownMove', `Loại thay đổi danh sách cử tri không hợp lệ: "${String(req.kind)}".`);
  }
}

/**
 * Is the voter 18 by election day (Luật Bầu cử Điều 2)? A year-only birth date (Mẫu 31 column (2):
 * "year only if unknown") is accepted only when every day of that year is old enough. Returns
 * null, or the Vietnamese reason.
 */
export function voterAgeProblem(birthDate: string, electionDay: string): string | null {
  const year = Number(electionDay.slice(0, 4)) - 18;
  if (/^\d{4}$/.test(birthDate)) {
    if (Number(birthDate) <= year - 1 || `${birthDate}-12-31` <= `${year}${electionDay.slice(4)}`) return null;
    return `Chỉ ghi năm sinh ${birthDate}: chưa chắc đủ 18 tuổi vào ngày bầu cử, cần ghi đủ ngày, tháng, năm sinh.`;
  }
  if (!isIsoDate(birthDate)) return `Ngày sinh không hợp lệ: "${birthDate}" (cần dạng YYYY-MM-DD hoặc chỉ năm YYYY).`;
  let eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  if (!isIsoDate(eighteenth)) eighteenth = `${Number(birthDate.slice(0, 4)) + 18}-03-01`;
  if (eighteenth <= electionDay) return null;
  return `Sinh ngày ${formatShortDate(birthDate)}: chưa đủ 18 tuổi vào ngày bầu cử ${formatShortDate(electionDay)} (Luật Bầu cử, Điều 2).`;
}
