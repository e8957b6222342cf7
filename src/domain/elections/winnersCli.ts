/**
 * `nghitruong election winners`: one unit's tally as JSON on standard input, the outcome by
 * Luật Bầu cử Điều 78–81 with every reason out, through the same code as the app (winners.ts).
 * Pure: the caller reads stdin and writes stdout; errors are ElectionRuleError with a Vietnamese
 * message.
 *
 * Input: {"body"?: "council" | "nationalAssembly", "round"?: "first" | "revote" | "additional",
 *         "seats": n, "votersOnList": n, "votersVoted": n, "ballotsReceived"?: n, "validBallots": n,
 *         "candidates": [{"id"?, "name", "birthDate": "YYYY-MM-DD", "votes", "struckOff"?}],
 *         "firstRoundNonWinners"?: [id…]}
 */
import { ElectionRuleError } from './errors.ts';
import { ROUND_KIND_LABELS } from './labels.ts';
import { CANDIDATE_OUTCOME_LABELS, NEXT_STEP_LABELS, unitOutcome } from './winners.ts';
import type { CandidateResult, UnitOutcome, UnitTally } from './winners.ts';

export const ELECTION_USAGE = [
  'Cách dùng: nghitruong election winners [--json] < kiểm-phiếu.json',
  '  Đầu vào: {"body": "council" | "nationalAssembly", "round": "first" | "revote" | "additional",',
  '            "seats": 3, "votersOnList": 1000, "votersVoted": 900, "validBallots": 880,',
  '            "candidates": [{"id": "a", "name": "…", "birthDate": "YYYY-MM-DD", "votes": 500}],',
  '            "firstRoundNonWinners": ["a", …] (chỉ khi bầu cử thêm)}',
  '  --json   in kết quả dạng JSON',
].join('\n');

const bad = (message: string) => new ElectionRuleError('winners_input_invalid', message);

/** The JSON input as the domain's UnitTally (`id` defaults to the candidate's position). */
export function parseWinnersInput(text: string): UnitTally {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('Đầu vào không phải JSON hợp lệ.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('Đầu vào phải là một đối tượng JSON.');
  const v = value as Record<string, unknown>;
  for (const key of ['seats', 'votersOnList', 'votersVoted', 'validBallots', 'candidates']) {
    if (v[key] === undefined) throw bad(`Thiếu trường "${key}".`);
  }
  if (!Array.isArray(v.candidates)) throw bad('Trường "candidates" phải là một danh sách.');
  const candidates: CandidateResult[] = v.candidates.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad(`Người ứng cử thứ ${i + 1} phải là một đối tượng.`);
    const c = raw as Record<string, unknown>;
    if (typeof c.name !== 'string' || !c.name.trim()) throw bad(`Người ứng cử thứ ${i + 1}: thiếu họ và tên ("name").`);
    return {
      candidateId: c.id === undefined ? String(i + 1) : String(c.id),
      name: c.name.trim(),
      birthDate: c.birthDate as string,
      votes: c.votes as number,
      struckOff: c.struckOff === true,
    };
  });
  const nonWinners = v.firstRoundNonWinners;
  if (nonWinners !== undefined && !Array.isArray(nonWinners)) throw bad('Trường "firstRoundNonWinners" phải là một danh sách.');
  if (v.ballotsReceived !== undefined) {
    const r = v.ballotsReceived;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) throw bad(`Số phiếu thu vào phải là số nguyên không âm (đã nhập: ${String(r)}).`);
    if (typeof v.validBallots === 'number' && v.validBallots > r) throw bad(`Số phiếu hợp lệ (${v.validBallots}) lớn hơn số phiếu thu vào (${r}).`);
  }
  return {
    body: (v.body ?? 'council') as UnitTally['body'],
    round: (v.round ?? 'first') as UnitTally['round'],
    seats: v.seats as number,
    votersOnList: v.votersOnList as number,
    votersVoted: v.votersVoted as number,
    validBallots: v.validBallots as number,
    candidates,
    firstRoundNonWinners: nonWinners?.map(String),
  };
}

const pct = (x: number): string => `${x.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** Vietnamese text of an outcome: the round, the unit's reasons, the winners, every candidate. */
export function describeUnitOutcome(t: UnitTally, o: UnitOutcome): string {
  const lines = [
    `${ROUND_KIND_LABELS[t.round]}: ${t.seats} đại biểu được bầu; số cử tri đi bầu ${pct(o.turnoutPercent)}.`,
    ...o.reasons,
    o.winners.length > 0 ? `Người trúng cử (${o.winners.length}/${t.seats}): ${o.winners.map((w) => `${w.name} (${w.votes.toLocaleString('vi-VN')} phiếu, ${pct(w.percent)})`).join('; ')}.` : 'Chưa có người trúng cử.',
    ...o.candidates.map((c) => `- ${c.name}: ${CANDIDATE_OUTCOME_LABELS[c.outcome]}. ${c.reason}`),
    `Bước tiếp theo: ${NEXT_STEP_LABELS[o.next]}.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function runElectionCommand(sub: string, args: string[], stdin: string): string {
  if (sub !== 'winners') throw new ElectionRuleError('election_usage', ELECTION_USAGE);
  const tally = parseWinnersInput(stdin);
  const outcome = unitOutcome(tally);
  if (args.includes('--json')) return `${JSON.stringify(outcome, null, 2)}\n`;
  return describeUnitOutcome(tally, outcome);
}
