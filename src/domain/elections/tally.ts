/**
 * Tally sheets (Mẫu 23 of NQ 40/NQ-HĐBCQG) and the consistency checks of elections.md "The count
 * and the tally sheet", as data: each check has a key, the Vietnamese line it names, its source and
 * whether the source is verified. A failing check blocks locking unless overridden with a reason.
 * Roll-up of polling areas into a unit (Mẫu 24) runs the same checks on the sums.
 */
import { ElectionRuleError } from './errors.ts';
import type { BallotType } from './labels.ts';

export type CandidateVotes = { candidateId: string; name: string; votes: number };

export type BallotInventory = {
  /** Ballots supplied to the Tổ. */
  supplied: number;
  /** Spoiled ballots exchanged. */
  spoiled: number;
  unused: number;
};

export type TallyFigures = {
  ballotType: BallotType;
  seats: number;
  votersOnList: number;
  /** Voters on the list by sex (Mẫu 31 footer); both or neither. */
  votersMale?: number | null;
  votersFemale?: number | null;
  votersVoted: number;
  ballotsIssued: number;
  /** Ballots received in the box. */
  ballotsReceived: number;
  validBallots: number;
  invalidBallots: number;
  inventory?: BallotInventory | null;
  candidates: readonly CandidateVotes[];
  /** Empty name slots on valid ballots (seats − names left, summed), when counted. */
  emptySlots?: number | null;
};

/** Vietnamese names of the Mẫu 23 lines. */
export const TALLY_LINE_LABELS = {
  seats: 'Số đại biểu được bầu',
  votersOnList: 'Tổng số cử tri của khu vực bỏ phiếu',
  votersMale: 'Số cử tri nam',
  votersFemale: 'Số cử tri nữ',
  votersVoted: 'Số cử tri đã tham gia bỏ phiếu',
  ballotsIssued: 'Số phiếu phát ra',
  ballotsReceived: 'Số phiếu thu vào',
  validBallots: 'Số phiếu hợp lệ',
  invalidBallots: 'Số phiếu không hợp lệ',
  supplied: 'Số phiếu nhận được',
  spoiled: 'Số phiếu đổi do gạch hỏng',
  unused: 'Số phiếu chưa sử dụng',
  emptySlots: 'Số ô trống trên phiếu hợp lệ',
} as const;

export type TallyCheckKey =
  | 'votedWithinList'
  | 'receivedWithinIssued'
  | 'issuedWithinList'
  | 'validPlusInvalid'
  | 'inventoryBalances'
  | 'candidateWithinValid'
  | 'votesWithinSeats'
  | 'votesPlusEmptySlots'
  | 'votersBySex';

export type InventoryIdentity = 'issued' | 'received';

export type TallyCheck = {
  key: TallyCheckKey;
  /** Vietnamese statement of the check. */
  label: string;
  source: string;
  verified: boolean;
};

export const TALLY_CHECKS: readonly TallyCheck[] = [
  { key: 'votedWithinList', label: 'Số cử tri đã bỏ phiếu không vượt quá tổng số cử tri', source: 'Số liệu Mẫu số 23', verified: true },
  { key: 'receivedWithinIssued', label: 'Số phiếu thu vào không vượt quá số phiếu phát ra', source: 'Thực tiễn các ứng dụng bầu cử năm 2026', verified: false },
  { key: 'issuedWithinList', label: 'Số phiếu phát ra không vượt quá tổng số cử tri', source: 'Thực tiễn các ứng dụng bầu cử năm 2026', verified: false },
  { key: 'validPlusInvalid', label: 'Số phiếu hợp lệ cộng số phiếu không hợp lệ bằng số phiếu thu vào', source: 'Số liệu Mẫu số 23', verified: true },
  { key: 'inventoryBalances', label: 'Số phiếu nhận được bằng số phiếu phát ra (hoặc thu vào) cộng số phiếu đổi do gạch hỏng và số phiếu chưa sử dụng', source: 'Số liệu Mẫu số 32; đẳng thức chính xác chưa kiểm chứng, có thể cấu hình', verified: false },
  { key: 'candidateWithinValid', label: 'Số phiếu bầu cho mỗi người ứng cử không vượt quá số phiếu hợp lệ', source: 'Mẫu số 23 ("được … phiếu/… phiếu hợp lệ")', verified: true },
  { key: 'votesWithinSeats', label: 'Mỗi phiếu hợp lệ bầu không quá số đại biểu được bầu', source: 'Phiếu bầu để lại nhiều tên hơn số đại biểu được bầu là phiếu không hợp lệ (Luật Bầu cử)', verified: true },
  { key: 'votesPlusEmptySlots', label: 'Tổng số phiếu bầu cho các người ứng cử cộng số ô trống bằng số phiếu hợp lệ nhân số đại biểu được bầu', source: 'Thực tiễn (ứng dụng bầu cử phường năm 2026)', verified: false },
  { key: 'votersBySex', label: 'Số cử tri nam cộng số cử tri nữ bằng tổng số cử tri', source: 'Phần tổng hợp cuối Mẫu số 31', verified: true },
];

export type TallyOptions = { inventoryIdentity: InventoryIdentity };
/** `issued` is the Mẫu 32 reading; `received` fails when a voter leaves with a ballot (UNVERIFIED, CONFIGURABLE). */
export const DEFAULT_TALLY_OPTIONS: TallyOptions = { inventoryIdentity: 'issued' };

export type TallyFailure = { check: TallyCheckKey; message: string };

function count(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** Input errors: every figure a whole number ≥ 0, seats ≥ 1, candidate ids unique. Throws. */
export function assertTallyShape(f: TallyFigures): void {
  const whole = (label: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new ElectionRuleError('invalidFigure', `Dòng "${label}" phải là số nguyên không âm (đã nhập: ${String(v)}).`);
    }
  };
  const L = TALLY_LINE_LABELS;
  whole(L.seats, f.seats);
  if (f.seats < 1) throw new ElectionRuleError('invalidFigure', `Dòng "${L.seats}" phải ít nhất là 1.`);
  for (const k of ['votersOnList', 'votersVoted', 'ballotsIssued', 'ballotsReceived', 'validBallots', 'invalidBallots'] as const) whole(L[k], f[k]);
  if (f.votersMale != null || f.votersFemale != null) {
    whole(L.votersMale, f.votersMale);
    whole(L.votersFemale, f.votersFemale);
  }
  if (f.inventory) for (const k of ['supplied', 'spoiled', 'unused'] as const) whole(L[k], f.inventory[k]);
  if (f.emptySlots != null) whole(L.emptySlots, f.emptySlots);
  const ids = new Set<string>();
  for (const c of f.candidates) {
    whole(`Số phiếu bầu cho ${c.name}`, c.votes);
    if (ids.has(c.candidateId)) throw new ElectionRuleError('duplicateCandidate', `Người ứng cử ${c.name} được nhập hai lần.`);
    ids.add(c.candidateId);
  }
}

/** Every failing check of a sheet, each naming its line with the figures. */
export function checkTally(f: TallyFigures, options: TallyOptions = DEFAULT_TALLY_OPTIONS): TallyFailure[] {
  assertTallyShape(f);
  const L = TALLY_LINE_LABELS;
  const out: TallyFailure[] = [];
  const fail = (check: TallyCheckKey, message: string): void => {
    out.push({ check, message });
  };
  if (f.votersVoted > f.votersOnList) {
    fail('votedWithinList', `Dòng "${L.votersVoted}" (${count(f.votersVoted)}) lớn hơn dòng "${L.votersOnList}" (${count(f.votersOnList)}).`);
  }
  if (f.ballotsReceived > f.ballotsIssued) {
    fail('receivedWithinIssued', `Dòng "${L.ballotsReceived}" (${count(f.ballotsReceived)}) lớn hơn dòng "${L.ballotsIssued}" (${count(f.ballotsIssued)}).`);
  }
  if (f.ballotsIssued > f.votersOnList) {
    fail('issuedWithinList', `Dòng "${L.ballotsIssued}" (${count(f.ballotsIssued)}) lớn hơn dòng "${L.votersOnList}" (${count(f.votersOnList)}).`);
  }
  if (f.validBallots + f.invalidBallots !== f.ballotsReceived) {
    fail(
      'validPlusInvalid',
      `Dòng "${L.validBallots}" (${count(f.validBallots)}) cộng dòng "${L.invalidBallots}" (${count(f.invalidBallots)}) bằng ${count(f.validBallots + f.invalidBallots)}, khác dòng "${L.ballotsReceived}" (${count(f.ballotsReceived)}).`,
    );
  }
  if (f.inventory) {
    const base = options.inventoryIdentity === 'received' ? f.ballotsReceived : f.ballotsIssued;
    const baseLabel = options.inventoryIdentity === 'received' ? L.ballotsReceived : L.ballotsIssued;
    const sum = base + f.inventory.spoiled + f.inventory.unused;
    if (sum !== f.inventory.supplied) {
      fail(
        'inventoryBalances',
        `Dòng "${L.supplied}" (${count(f.inventory.supplied)}) khác tổng dòng "${baseLabel}" (${count(base)}), "${L.spoiled}" (${count(f.inventory.spoiled)}) và "${L.unused}" (${count(f.inventory.unused)}) là ${count(sum)}.`,
      );
    }
  }
  for (const c of f.candidates) {
    if (c.votes > f.validBallots) {
      fail('candidateWithinValid', `Số phiếu bầu cho ${c.name} (${count(c.votes)}) lớn hơn dòng "${L.validBallots}" (${count(f.validBallots)}).`);
    }
  }
  const total = f.candidates.reduce((s, c) => s + c.votes, 0);
  const maxVotes = f.validBallots * f.seats;
  if (total > maxVotes) {
    fail(
      'votesWithinSeats',
      `Tổng số phiếu bầu cho các người ứng cử (${count(total)}) lớn hơn dòng "${L.validBallots}" (${count(f.validBallots)}) nhân "${L.seats}" (${f.seats}) là ${count(maxVotes)}: có phiếu hợp lệ bầu quá số đại biểu được bầu.`,
    );
  }
  if (f.emptySlots != null && total + f.emptySlots !== maxVotes) {
    fail(
      'votesPlusEmptySlots',
      `Tổng số phiếu bầu cho các người ứng cử (${count(total)}) cộng dòng "${L.emptySlots}" (${count(f.emptySlots)}) là ${count(total + f.emptySlots)}, khác "${L.validBallots}" nhân "${L.seats}" là ${count(maxVotes)}.`,
    );
  }
  if (f.votersMale != null && f.votersFemale != null && f.votersMale + f.votersFemale !== f.votersOnList) {
    fail(
      'votersBySex',
      `Dòng "${L.votersMale}" (${count(f.votersMale)}) cộng dòng "${L.votersFemale}" (${count(f.votersFemale)}) là ${count(f.votersMale + f.votersFemale)}, khác dòng "${L.votersOnList}" (${count(f.votersOnList)}).`,
    );
  }
  return out;
}

/** Overrides of failing checks, each with its Vietnamese reason. */
export type TallyOverrides = Partial<Record<TallyCheckKey, string>>;

/** Can the sheet be locked? Every failing check needs an override with a non-empty reason. */
export function lockBlockers(f: TallyFigures, overrides: TallyOverrides = {}, options: TallyOptions = DEFAULT_TALLY_OPTIONS): TallyFailure[] {
  return checkTally(f, options).filter((x) => !(overrides[x.check] ?? '').trim());
}

/** a / b as a percentage (0 when b = 0), for "%" lines of Mẫu 23/24. */
export function percentOf(a: number, b: number): number {
  return b === 0 ? 0 : (a * 100) / b;
}

/** One polling area's sheet in a unit's roll-up. */
export type AreaSheet = { pollingAreaId: string; figures: TallyFigures };

export type UnitRollUp = {
  figures: TallyFigures;
  /** Failures of the sums. */
  failures: TallyFailure[];
  /** Failures of each area, by area id (only areas that fail). */
  areaFailures: Record<string, TallyFailure[]>;
};

/**
 * Sum the polling areas of one unit and one ballot type (Mẫu 24): every area must have the same
 * ballot type, seats and candidates; the sums get the same checks as a sheet.
 */
export function rollUpUnit(sheets: readonly AreaSheet[], options: TallyOptions = DEFAULT_TALLY_OPTIONS): UnitRollUp {
  if (sheets.length === 0) throw new ElectionRuleError('noSheets', 'Chưa có biên bản kết quả kiểm phiếu nào của đơn vị bầu cử.');
  const first = sheets[0]!.figures;
  const ids = first.candidates.map((c) => c.candidateId).sort().join('|');
  const seen = new Set<string>();
  const areaFailures: Record<string, TallyFailure[]> = {};
  const sum = (k: 'votersOnList' | 'votersVoted' | 'ballotsIssued' | 'ballotsReceived' | 'validBallots' | 'invalidBallots'): number =>
    sheets.reduce((s, x) => s + x.figures[k], 0);
  for (const s of sheets) {
    if (seen.has(s.pollingAreaId)) throw new ElectionRuleError('duplicateArea', `Khu vực bỏ phiếu ${s.pollingAreaId} có hai biên bản trong cùng lần tổng hợp.`);
    seen.add(s.pollingAreaId);
    const f = s.figures;
    if (f.ballotType !== first.ballotType || f.seats !== first.seats || f.candidates.map((c) => c.candidateId).sort().join('|') !== ids) {
      throw new ElectionRuleError(
        'mismatchedSheet',
        `Biên bản của khu vực bỏ phiếu ${s.pollingAreaId} khác loại phiếu, số đại biểu được bầu hoặc danh sách người ứng cử của đơn vị bầu cử.`,
      );
    }
    const fails = checkTally(f, options);
    if (fails.length > 0) areaFailures[s.pollingAreaId] = fails;
  }
  const allSex = sheets.every((s) => s.figures.votersMale != null && s.figures.votersFemale != null);
  const allInventory = sheets.every((s) => s.figures.inventory);
  const allEmpty = sheets.every((s) => s.figures.emptySlots != null);
  const figures: TallyFigures = {
    ballotType: first.ballotType,
    seats: first.seats,
    votersOnList: sum('votersOnList'),
    votersMale: allSex ? sheets.reduce((s, x) => s + x.figures.votersMale!, 0) : null,
    votersFemale: allSex ? sheets.reduce((s, x) => s + x.figures.votersFemale!, 0) : null,
    votersVoted: sum('votersVoted'),
    ballotsIssued: sum('ballotsIssued'),
    ballotsReceived: sum('ballotsReceived'),
    validBallots: sum('validBallots'),
    invalidBallots: sum('invalidBallots'),
    inventory: allInventory
      ? {
          supplied: sheets.reduce((s, x) => s + x.figures.inventory!.supplied, 0),
          spoiled: sheets.reduce((s, x) => s + x.figures.inventory!.spoiled, 0),
          unused: sheets.reduce((s, x) => s + x.figures.inventory!.unused, 0),
        }
      : null,
    candidates: first.candidates.map((c) => ({
      candidateId: c.candidateId,
      name: c.name,
      votes: sheets.reduce((s, x) => s + x.figures.candidates.find((d) => d.candidateId === c.candidateId)!.votes, 0),
    })),
    emptySlots: allEmpty ? sheets.reduce((s, x) => s + x.figures.emptySlots!, 0) : null,
  };
  return { figures, failures: checkTally(figures, options), areaFailures };
}
