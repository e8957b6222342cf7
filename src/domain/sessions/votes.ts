/**
 * Votes at a session (issue #12, sessions.md "Votes", rules.md "Sessions"): the result is computed
 * from the roll frozen when the vote closes. Thresholds are rule data with their source; the
 * Luật 72/2025 Điều 49 k2b exception is detected from the roll and the dates; what "tổng số đại
 * biểu" means (the seats or the delegates serving) is a council's setting, shown on every result.
 * Pure: no I/O. Every message is Vietnamese.
 */
import { daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from '../calendar/dates.ts';
import { setsInForce } from '../calendar/validity.ts';
import { formatShortDate } from '../documents/format.ts';
import { SessionRuleError } from './errors.ts';

export type VoteRuleKey = 'resolution' | 'dismissal' | 'election';

/** A threshold: more than (strict) or at least num/den of a base number of delegates. */
export type VoteRule = {
  key: VoteRuleKey;
  label: string;
  num: number;
  den: number;
  strict: boolean;
  /** Vietnamese: the legal basis. */
  source: string;
  verified: boolean;
  validFrom: string;
  validTo: string | null;
};

/** The Điều 49 k2b exception as data: a council below `below` of its seats, with at most `maxMonthsLeft` of its term left and at least `atLeast` of its seats filled, decides everything by more than `num/den` of the delegates serving. */
export type ReducedCouncilRule = {
  below: [number, number];
  atLeast: [number, number];
  maxMonthsLeft: number;
  num: number;
  den: number;
  source: string;
  verified: boolean;
  validFrom: string;
  validTo: string | null;
};

/** Luật 72/2025/QH15 (Luật Tổ chức chính quyền địa phương): in force from 01/07/2025, the two-level reform (the date as in demo-data.md; the law's final article not re-read here). */
const LAW_72_IN_FORCE = '2025-07-01';

export const VOTE_RULES: readonly VoteRule[] = [
  {
    key: 'resolution',
    label: 'Thông qua nghị quyết, quyết định',
    num: 1,
    den: 2,
    strict: true,
    source: 'Luật 72/2025/QH15, Điều 35 khoản 2',
    verified: true,
    validFrom: LAW_72_IN_FORCE,
    validTo: null,
  },
  {
    key: 'dismissal',
    label: 'Bãi nhiệm đại biểu Hội đồng nhân dân',
    num: 2,
    den: 3,
    strict: false,
    source: 'Luật 72/2025/QH15, Điều 35 khoản 2, Điều 38 khoản 5',
    verified: true,
    validFrom: LAW_72_IN_FORCE,
    validTo: null,
  },
  {
    key: 'election',
    label: 'Bầu chức danh tại kỳ họp',
    num: 1,
    den: 2,
    strict: true,
    source: 'Luật 72/2025/QH15, Điều 35 khoản 2, Điều 36 (ngưỡng bầu như thông qua nghị quyết: chưa kiểm chứng)',
    verified: false,
    validFrom: LAW_72_IN_FORCE,
    validTo: null,
  },
];

export const REDUCED_COUNCIL_RULES: readonly ReducedCouncilRule[] = [
  {
    below: [2, 3],
    atLeast: [1, 3],
    maxMonthsLeft: 18,
    num: 2,
    den: 3,
    source: 'Luật 72/2025/QH15, Điều 49 khoản 2 điểm b',
    verified: true,
    validFrom: LAW_72_IN_FORCE,
    validTo: null,
  },
];

export const VOTE_RULE_KEYS: readonly VoteRuleKey[] = ['resolution', 'dismissal', 'election'];

/** The rule `key` in force on `date`. */
export function voteRuleInForce(key: string, date: string, rules: readonly VoteRule[] = VOTE_RULES): VoteRule {
  const found = setsInForce(rules.filter((r) => r.key === key), date);
  if (found.length !== 1) {
    if (!rules.some((r) => r.key === key)) {
      throw new SessionRuleError('vote_rule_unknown', `Không có quy tắc biểu quyết "${key}" (các quy tắc: ${VOTE_RULE_KEYS.join(', ')}).`);
    }
    throw new SessionRuleError('vote_rule_not_in_force', `Không có đúng một quy tắc biểu quyết "${key}" có hiệu lực ngày ${formatShortDate(date)}.`);
  }
  return found[0]!;
}

function reducedRuleInForce(date: string, rules: readonly ReducedCouncilRule[]): ReducedCouncilRule | null {
  return setsInForce(rules.map((r, i) => ({ ...r, key: String(i) })), date)[0] ?? null;
}

/** What "tổng số đại biểu" means: the seats of Điều 30 or the delegates serving (UNVERIFIED; a council's setting). */
export type TotalMeans = 'seats' | 'serving';
export const DEFAULT_TOTAL_MEANS: TotalMeans = 'seats';

/**
 * The roll frozen when a vote closes. Delegates are ids; `suspended` delegates still count as
 * serving but cannot vote. `voted` (who has voted, kept apart from the choices for a secret vote)
 * may be omitted for a show of hands.
 */
export type RollSnapshot = {
  seats: number;
  elected: number;
  serving: number;
  suspended: string[];
  entitled: string[];
  present: string[];
  voted?: string[];
};

export type Choice = 'for' | 'against' | 'abstain';
export const CHOICE_LABELS: Readonly<Record<Choice, string>> = { for: 'Tán thành', against: 'Không tán thành', abstain: 'Không biểu quyết' };

/** Ballot-count minutes of a paper secret ballot (tally committee). */
export type BallotCount = { issued: number; collected: number; valid: number; invalid: number };

export type VoteFigures =
  | { method: 'show_of_hands'; for: number; against: number; abstain: number }
  | { method: 'named'; choices: { delegateId: string; choice: Choice }[] }
  | { method: 'secret'; for: number; against: number; abstain: number; ballots?: BallotCount };

export type VoteMethod = VoteFigures['method'];
export const VOTE_METHOD_LABELS: Readonly<Record<VoteMethod, string>> = {
  show_of_hands: 'Giơ tay',
  named: 'Điện tử ghi danh',
  secret: 'Bỏ phiếu kín',
};

export type VoteDates = { termEndsOn: string; closedOn: string; totalMeans?: TotalMeans };

/** The threshold that applies: how many "for" are needed, out of which number, and why. */
export type Threshold = {
  ruleKey: VoteRuleKey;
  ruleLabel: string;
  source: string;
  verified: boolean;
  /** The Điều 49 k2b exception replaced the rule. */
  reducedCouncil: boolean;
  /** e.g. "quá 1/2", "ít nhất 2/3". */
  fractionLabel: string;
  base: number;
  baseKind: TotalMeans;
  /** Vietnamese: which number the fraction is taken of, and why. */
  baseReason: string;
  /** The smallest number of "for" votes that passes. */
  needed: number;
  /** Vietnamese warnings (a by-election due, an unverified rule). */
  notes: string[];
};

export type VoteResult = Threshold & {
  outcome: 'passed' | 'failed';
  counts: { for: number; against: number; abstain: number; notVoting: number; present: number; entitled: number };
  /** Vietnamese, e.g. "Thông qua: 16/30 đại biểu tán thành, quá 1/2 tổng số đại biểu (cần ít nhất 16)". */
  reason: string;
};

function fail(code: string, message: string): never {
  throw new SessionRuleError(code, message);
}

/** The smallest integer count that is more than (strict) or at least num/den of base. */
export function neededCount(base: number, num: number, den: number, strict: boolean): number {
  return strict ? Math.floor((base * num) / den) + 1 : Math.ceil((base * num) / den);
}

/** `date` plus `months` calendar months (the last day of a shorter month when the day does not exist). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const m0 = year * 12 + (month - 1) + months;
  const y = Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

function checkCount(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail('vote_count_invalid', `${name} phải là số nguyên không âm (nhận được: ${JSON.stringify(value)}).`);
  }
}

function checkIds(name: string, ids: unknown): void {
  if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string' || x === '')) {
    fail('vote_roll_invalid', `${name} phải là danh sách mã đại biểu.`);
  }
  const set = new Set(ids as string[]);
  if (set.size !== ids.length) fail('vote_roll_duplicate', `${name} có mã đại biểu lặp lại.`);
}

/** Checks a roll snapshot; throws a Vietnamese SessionRuleError. */
export function validateRoll(roll: RollSnapshot): void {
  checkCount('Số đại biểu được bầu theo luật định', roll.seats);
  checkCount('Số đại biểu đã được bầu', roll.elected);
  checkCount('Số đại biểu hiện có', roll.serving);
  if (roll.seats === 0) fail('vote_roll_invalid', 'Số đại biểu được bầu theo luật định phải lớn hơn 0.');
  if (roll.elected > roll.seats) fail('vote_roll_inconsistent', `Số đại biểu đã được bầu (${roll.elected}) vượt số đại biểu theo luật định (${roll.seats}).`);
  if (roll.serving > roll.elected) fail('vote_roll_inconsistent', `Số đại biểu hiện có (${roll.serving}) vượt số đại biểu đã được bầu (${roll.elected}).`);
  checkIds('Danh sách đại biểu tạm đình chỉ', roll.suspended);
  checkIds('Danh sách đại biểu có quyền biểu quyết', roll.entitled);
  checkIds('Danh sách đại biểu có mặt', roll.present);
  if (roll.voted !== undefined) checkIds('Danh sách đại biểu đã biểu quyết', roll.voted);
  const suspended = new Set(roll.suspended);
  const entitled = new Set(roll.entitled);
  const bad = roll.entitled.find((id) => suspended.has(id));
  if (bad) fail('vote_suspended_entitled', `Đại biểu ${bad} đang bị tạm đình chỉ nên không có quyền biểu quyết.`);
  if (roll.entitled.length + roll.suspended.length > roll.serving) {
    fail('vote_roll_inconsistent', `Số đại biểu có quyền biểu quyết (${roll.entitled.length}) và tạm đình chỉ (${roll.suspended.length}) vượt số đại biểu hiện có (${roll.serving}).`);
  }
  const stranger = roll.present.find((id) => !entitled.has(id) && !suspended.has(id));
  if (stranger) fail('vote_roll_inconsistent', `Đại biểu có mặt ${stranger} không có trong danh sách đại biểu hiện có.`);
  const present = new Set(roll.present);
  for (const id of roll.voted ?? []) {
    if (suspended.has(id)) fail('vote_suspended_voted', `Đại biểu ${id} đang bị tạm đình chỉ, không được biểu quyết.`);
    if (!entitled.has(id)) fail('vote_not_entitled', `Đại biểu ${id} không có quyền biểu quyết.`);
    if (!present.has(id)) fail('vote_not_present', `Đại biểu ${id} đã biểu quyết nhưng không có tên trong danh sách có mặt.`);
  }
}

function checkDates(dates: VoteDates): void {
  if (!isIsoDate(dates.closedOn)) fail('vote_date_invalid', 'Ngày kết thúc biểu quyết (closedOn) phải có dạng YYYY-MM-DD.');
  if (!isIsoDate(dates.termEndsOn)) fail('vote_date_invalid', 'Ngày kết thúc nhiệm kỳ (termEndsOn) phải có dạng YYYY-MM-DD.');
  if (dates.termEndsOn < dates.closedOn) fail('vote_date_invalid', 'Ngày biểu quyết ở sau ngày kết thúc nhiệm kỳ.');
  const t = dates.totalMeans;
  if (t !== undefined && t !== 'seats' && t !== 'serving') fail('vote_total_means_invalid', 'Cách hiểu "tổng số đại biểu" phải là "seats" (theo luật định) hoặc "serving" (hiện có).');
}

const frac = (num: number, den: number) => `${num}/${den}`;

/**
 * The threshold a rule gives on this roll and these dates: the Điều 49 k2b exception when the
 * council is below 2/3 of its seats with at most 18 months left; an error when it is below 1/3
 * (the UBTVQH decides). Throws SessionRuleError.
 */
export function voteThreshold(
  rule: VoteRule,
  roll: Pick<RollSnapshot, 'seats' | 'serving'>,
  dates: VoteDates,
  reducedRules: readonly ReducedCouncilRule[] = REDUCED_COUNCIL_RULES,
): Threshold {
  checkDates(dates);
  const totalMeans = dates.totalMeans ?? DEFAULT_TOTAL_MEANS;
  const notes: string[] = [];
  if (!rule.verified) notes.push(`Quy tắc "${rule.label}" chưa được kiểm chứng (${rule.source}); Hội đồng nhân dân có thể điều chỉnh.`);
  const base = {
    ruleKey: rule.key,
    ruleLabel: rule.label,
    source: rule.source,
    verified: rule.verified,
  };
  const reduced = reducedRuleInForce(dates.closedOn, reducedRules);
  if (reduced) {
    const { seats, serving } = roll;
    const below = serving * reduced.below[1] < seats * reduced.below[0];
    if (below) {
      const monthsOk = addMonths(dates.closedOn, reduced.maxMonthsLeft) >= dates.termEndsOn;
      const filled = serving * reduced.atLeast[1] >= seats * reduced.atLeast[0];
      const share = `${serving}/${seats} đại biểu hiện có, dưới ${frac(...reduced.below)} số đại biểu theo luật định`;
      if (!filled) {
        fail(
          'vote_council_below_third',
          `Hội đồng nhân dân chỉ còn ${serving}/${seats} đại biểu, dưới ${frac(...reduced.atLeast)} số đại biểu theo luật định: không thể biểu quyết; phải bầu cử bổ sung hoặc Ủy ban Thường vụ Quốc hội quyết định (${reduced.source}).`,
        );
      }
      if (monthsOk) {
        return {
          ...base,
          source: `${reduced.source} (thay cho ${rule.source})`,
          verified: reduced.verified,
          reducedCouncil: true,
          fractionLabel: `quá ${frac(reduced.num, reduced.den)}`,
          base: serving,
          baseKind: 'serving',
          baseReason: `${share} và nhiệm kỳ còn không quá ${reduced.maxMonthsLeft} tháng (đến ${formatShortDate(dates.termEndsOn)}): mọi quyết định cần quá ${frac(reduced.num, reduced.den)} tổng số đại biểu hiện có (${reduced.source}).`,
          needed: neededCount(serving, reduced.num, reduced.den, true),
          notes,
        };
      }
      notes.push(`${share} và nhiệm kỳ còn quá ${reduced.maxMonthsLeft} tháng: phải tổ chức bầu cử bổ sung (Luật 72/2025/QH15, Điều 49 khoản 2 điểm a).`);
    }
  }
  const n = totalMeans === 'seats' ? roll.seats : roll.serving;
  const meaning = totalMeans === 'seats' ? 'số đại biểu được bầu theo luật định' : 'số đại biểu hiện có';
  return {
    ...base,
    reducedCouncil: false,
    fractionLabel: `${rule.strict ? 'quá' : 'ít nhất'} ${frac(rule.num, rule.den)}`,
    base: n,
    baseKind: totalMeans,
    baseReason: `Tổng số đại biểu tính theo ${meaning}: ${n} (cài đặt của Hội đồng nhân dân; cách hiểu "tổng số đại biểu" chưa được kiểm chứng).`,
    needed: neededCount(n, rule.num, rule.den, rule.strict),
    notes,
  };
}

/** The ballot-count minutes add up (sessions.md "Secret ballots"; practice, CONFIGURABLE). */
export function validateBallotCount(b: BallotCount, presentCount: number): void {
  checkCount('Số phiếu phát ra', b.issued);
  checkCount('Số phiếu thu vào', b.collected);
  checkCount('Số phiếu hợp lệ', b.valid);
  checkCount('Số phiếu không hợp lệ', b.invalid);
  if (b.issued > presentCount) fail('ballot_issued_exceeds_present', `Số phiếu phát ra (${b.issued}) vượt số đại biểu có mặt có quyền biểu quyết (${presentCount}).`);
  if (b.collected > b.issued) fail('ballot_collected_exceeds_issued', `Số phiếu thu vào (${b.collected}) vượt số phiếu phát ra (${b.issued}).`);
  if (b.valid + b.invalid !== b.collected) {
    fail('ballot_valid_invalid_mismatch', `Số phiếu hợp lệ (${b.valid}) cộng không hợp lệ (${b.invalid}) phải bằng số phiếu thu vào (${b.collected}).`);
  }
}

type Counts = { for: number; against: number; abstain: number };

/** Counts of the figures, checked against the roll. */
function countFigures(roll: RollSnapshot, figures: VoteFigures, presentEntitled: number): Counts {
  if (figures.method === 'named') {
    if (!Array.isArray(figures.choices)) fail('vote_figures_invalid', 'Biểu quyết ghi danh phải có danh sách lựa chọn (choices).');
    const entitled = new Set(roll.entitled);
    const suspended = new Set(roll.suspended);
    const present = new Set(roll.present);
    const seen = new Set<string>();
    const counts: Counts = { for: 0, against: 0, abstain: 0 };
    for (const c of figures.choices) {
      const id = c?.delegateId;
      if (typeof id !== 'string' || id === '') fail('vote_figures_invalid', 'Mỗi lựa chọn phải có mã đại biểu (delegateId).');
      if (suspended.has(id)) fail('vote_suspended_voted', `Đại biểu ${id} đang bị tạm đình chỉ, không được biểu quyết.`);
      if (!entitled.has(id)) fail('vote_not_entitled', `Đại biểu ${id} không có quyền biểu quyết.`);
      if (!present.has(id)) fail('vote_not_present', `Đại biểu ${id} đã biểu quyết nhưng không có tên trong danh sách có mặt.`);
      if (seen.has(id)) fail('vote_twice', `Đại biểu ${id} biểu quyết hơn một lần.`);
      if (c.choice !== 'for' && c.choice !== 'against' && c.choice !== 'abstain') {
        fail('vote_figures_invalid', `Lựa chọn của đại biểu ${id} phải là "for", "against" hoặc "abstain".`);
      }
      seen.add(id);
      counts[c.choice]++;
    }
    if (roll.voted && (roll.voted.length !== seen.size || roll.voted.some((id) => !seen.has(id)))) {
      fail('vote_voted_mismatch', 'Danh sách đại biểu đã biểu quyết không khớp với các lựa chọn ghi danh.');
    }
    return counts;
  }
  if (figures.method !== 'show_of_hands' && figures.method !== 'secret') {
    fail('vote_method_invalid', 'Hình thức biểu quyết phải là "show_of_hands", "named" hoặc "secret".');
  }
  checkCount('Số tán thành', figures.for);
  checkCount('Số không tán thành', figures.against);
  checkCount('Số không biểu quyết', figures.abstain);
  const counts = { for: figures.for, against: figures.against, abstain: figures.abstain };
  const total = counts.for + counts.against + counts.abstain;
  if (total > presentEntitled) {
    fail('vote_counts_exceed_present', `Tán thành, không tán thành và không biểu quyết (${total}) vượt số đại biểu có mặt có quyền biểu quyết (${presentEntitled}).`);
  }
  if (roll.voted && total > roll.voted.length) {
    fail('vote_counts_exceed_voted', `Tán thành, không tán thành và không biểu quyết (${total}) vượt số đại biểu đã biểu quyết (${roll.voted.length}).`);
  }
  if (figures.method === 'secret' && figures.ballots !== undefined) {
    validateBallotCount(figures.ballots, presentEntitled);
    if (total > figures.ballots.valid) fail('ballot_choices_exceed_valid', `Tổng số lựa chọn (${total}) vượt số phiếu hợp lệ (${figures.ballots.valid}).`);
  }
  return counts;
}

function presentEntitledCount(roll: RollSnapshot): number {
  const entitled = new Set(roll.entitled);
  return roll.present.filter((id) => entitled.has(id)).length;
}

/** "quá 1/2 tổng số đại biểu" / "quá 2/3 tổng số đại biểu hiện có". */
function thresholdPhrase(t: Threshold): string {
  return `${t.fractionLabel} ${t.baseKind === 'serving' ? 'tổng số đại biểu hiện có' : 'tổng số đại biểu'}`;
}

/**
 * The result of a vote from the roll frozen at its close: passed when the "for" votes reach the
 * threshold; a tie never passes and the chair has no casting vote. Throws SessionRuleError
 * (Vietnamese) when the roll or the figures do not add up.
 */
export function computeVoteResult(rule: VoteRule, roll: RollSnapshot, figures: VoteFigures, dates: VoteDates): VoteResult {
  validateRoll(roll);
  const threshold = voteThreshold(rule, roll, dates);
  const presentEntitled = presentEntitledCount(roll);
  const c = countFigures(roll, figures, presentEntitled);
  const passed = c.for >= threshold.needed;
  const notes = [...threshold.notes];
  if (c.for === c.against && c.for > 0) notes.push('Số tán thành bằng số không tán thành: không thông qua; chủ tọa không có phiếu quyết định.');
  const reason = `${passed ? 'Thông qua' : 'Không thông qua'}: ${c.for}/${threshold.base} đại biểu tán thành, ${passed ? '' : 'chưa đạt '}${thresholdPhrase(threshold)} (cần ít nhất ${threshold.needed}).`;
  return {
    ...threshold,
    notes,
    outcome: passed ? 'passed' : 'failed',
    counts: { ...c, notVoting: presentEntitled - (c.for + c.against + c.abstain), present: presentEntitled, entitled: roll.entitled.length },
    reason,
  };
}

// ---------------------------------------------------------------------------
// Elections of positions

export type Candidate = { id: string; name: string; votes: number };
export type ElectionInput = { seatsToFill: number; candidates: Candidate[]; ballots?: BallotCount };
export type CandidateStatus = 'elected' | 'tie' | 'passed_not_elected' | 'below_threshold';
export const CANDIDATE_STATUS_LABELS: Readonly<Record<CandidateStatus, string>> = {
  elected: 'Trúng cử',
  tie: 'Bằng phiếu ở vị trí cuối: cần bầu lại',
  passed_not_elected: 'Đạt ngưỡng nhưng ít phiếu hơn người trúng cử',
  below_threshold: 'Không đạt ngưỡng',
};

export type ElectionResult = Threshold & {
  candidates: (Candidate & { status: CandidateStatus })[];
  elected: string[];
  /** Ids tied at the cut-off: another round is needed for `seatsLeft` seats among them. */
  tied: string[];
  seatsLeft: number;
  reason: string;
};

/**
 * An election of one or more positions from a candidate list: a candidate is elected with the
 * rule's threshold (more than 1/2 of the total); when more pass than there are seats the most
 * votes win; a tie at the cut-off elects nobody of the tied and needs another round.
 */
export function computeElection(rule: VoteRule, roll: RollSnapshot, input: ElectionInput, dates: VoteDates): ElectionResult {
  validateRoll(roll);
  const threshold = voteThreshold(rule, roll, dates);
  const presentEntitled = presentEntitledCount(roll);
  checkCount('Số chức danh cần bầu', input.seatsToFill);
  if (input.seatsToFill === 0) fail('election_invalid', 'Số chức danh cần bầu phải lớn hơn 0.');
  if (!Array.isArray(input.candidates) || input.candidates.length === 0) fail('election_invalid', 'Danh sách ứng cử viên không được trống.');
  const ids = new Set<string>();
  for (const c of input.candidates) {
    if (typeof c.id !== 'string' || c.id === '' || typeof c.name !== 'string') fail('election_invalid', 'Mỗi ứng cử viên phải có mã (id) và họ tên (name).');
    if (ids.has(c.id)) fail('election_invalid', `Ứng cử viên ${c.id} có tên hai lần trong danh sách.`);
    ids.add(c.id);
    checkCount(`Số phiếu của ${c.name}`, c.votes);
  }
  const maxVotes = input.ballots ? input.ballots.valid : roll.voted ? roll.voted.length : presentEntitled;
  if (input.ballots) validateBallotCount(input.ballots, presentEntitled);
  for (const c of input.candidates) {
    if (c.votes > maxVotes) fail('election_votes_exceed', `Số phiếu của ${c.name} (${c.votes}) vượt số phiếu ${input.ballots ? 'hợp lệ' : 'có thể có'} (${maxVotes}).`);
  }
  const sorted = [...input.candidates].sort((a, b) => b.votes - a.votes);
  const passing = sorted.filter((c) => c.votes >= threshold.needed);
  const status = new Map<string, CandidateStatus>(sorted.map((c) => [c.id, 'below_threshold']));
  let elected: string[];
  let tied: string[] = [];
  if (passing.length <= input.seatsToFill) {
    elected = passing.map((c) => c.id);
  } else {
    const cut = passing[input.seatsToFill - 1]!.votes;
    const above = passing.filter((c) => c.votes > cut);
    const atCut = passing.filter((c) => c.votes === cut);
    elected = above.map((c) => c.id);
    if (above.length + atCut.length <= input.seatsToFill) elected.push(...atCut.map((c) => c.id));
    else tied = atCut.map((c) => c.id);
    for (const c of passing) status.set(c.id, 'passed_not_elected');
  }
  for (const id of elected) status.set(id, 'elected');
  for (const id of tied) status.set(id, 'tie');
  const seatsLeft = input.seatsToFill - elected.length;
  const name = (id: string) => input.candidates.find((c) => c.id === id)!.name;
  const parts = [
    elected.length ? `Trúng cử: ${elected.map(name).join(', ')}` : 'Không có người trúng cử',
    `${thresholdPhrase(threshold)} = cần ít nhất ${threshold.needed}/${threshold.base} phiếu`,
  ];
  if (tied.length) parts.push(`${tied.map(name).join(', ')} bằng phiếu ở vị trí cuối: phải bầu lại cho ${seatsLeft} chức danh còn lại`);
  else if (seatsLeft > 0) parts.push(`còn ${seatsLeft} chức danh chưa có người trúng cử`);
  return {
    ...threshold,
    candidates: sorted.map((c) => ({ ...c, status: status.get(c.id)! })),
    elected,
    tied,
    seatsLeft,
    reason: `${parts.join('; ')}.`,
  };
}

// ---------------------------------------------------------------------------
// A vote's life (sessions.md "States": created → open → closed (snapshot) → confirmed; a mistaken
// vote is annulled with a reason and repeated as a new record)

export type VoteState = 'created' | 'open' | 'closed' | 'confirmed' | 'annulled';
export type VoteAction = 'open' | 'close' | 'confirm' | 'annul';
export const VOTE_STATE_LABELS: Readonly<Record<VoteState, string>> = {
  created: 'Chưa bắt đầu',
  open: 'Đang biểu quyết',
  closed: 'Đã kết thúc, chờ chủ tọa xác nhận',
  confirmed: 'Chủ tọa đã xác nhận kết quả',
  annulled: 'Đã hủy',
};
export const VOTE_ACTION_LABELS: Readonly<Record<VoteAction, string>> = {
  open: 'Bắt đầu biểu quyết', close: 'Kết thúc biểu quyết', confirm: 'Xác nhận kết quả', annul: 'Hủy kết quả',
};
const VOTE_TRANSITIONS: Readonly<Record<VoteState, Partial<Record<VoteAction, VoteState>>>> = {
  created: { open: 'open', annul: 'annulled' },
  open: { close: 'closed', annul: 'annulled' },
  closed: { confirm: 'confirmed', annul: 'annulled' },
  confirmed: { annul: 'annulled' },
  annulled: {},
};

/** The state after `action`; throws a Vietnamese SessionRuleError when the action is not allowed. */
export function voteTransition(state: VoteState, action: VoteAction): VoteState {
  const next = VOTE_TRANSITIONS[state]?.[action];
  if (!next) fail('vote_transition', `Không thể "${VOTE_ACTION_LABELS[action].toLowerCase()}" khi lượt biểu quyết ở trạng thái "${VOTE_STATE_LABELS[state] ?? state}".`);
  return next;
}

/** Annulling needs a reason (kept with the vote). */
export function annulReason(reason: unknown): string {
  const r = typeof reason === 'string' ? reason.normalize('NFC').trim() : '';
  if (r.length < 5) fail('vote_annul_reason', 'Phải ghi rõ lý do hủy kết quả biểu quyết (ít nhất 5 ký tự).');
  if (r.length > 2000) fail('vote_annul_reason', 'Lý do hủy kết quả biểu quyết dài quá 2000 ký tự.');
  return r;
}

/** An election ballot approves at most as many candidates as there are positions, each once. */
export function checkElectionBallot(approve: readonly string[], candidateIds: readonly string[], seatsToFill: number): void {
  const known = new Set(candidateIds);
  if (new Set(approve).size !== approve.length) fail('ballot_invalid', 'Mỗi ứng cử viên chỉ được chọn một lần.');
  const stranger = approve.find((id) => !known.has(id));
  if (stranger) fail('ballot_invalid', 'Phiếu có người không có trong danh sách ứng cử viên.');
  if (approve.length > seatsToFill) fail('ballot_invalid', `Chỉ được đồng ý tối đa ${seatsToFill} người (số chức danh cần bầu).`);
}
