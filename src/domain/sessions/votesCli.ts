/**
 * `nghitruong vote result`: one JSON vote on standard input, the computed outcome out, through the
 * same code as the app (votes.ts). Pure: the caller reads stdin and writes stdout; errors are
 * SessionRuleError with a Vietnamese message.
 *
 * Input: {"rule": "resolution" | "dismissal", "roll": RollSnapshot, "figures": VoteFigures,
 *         "termEndsOn": "YYYY-MM-DD", "closedOn": "YYYY-MM-DD", "totalMeans"?: "seats" | "serving"}
 */
import { SessionRuleError } from './errors.ts';
import { computeVoteResult, VOTE_METHOD_LABELS, voteRuleInForce } from './votes.ts';
import type { RollSnapshot, VoteDates, VoteFigures, VoteResult } from './votes.ts';

export const VOTE_USAGE = [
  'Cách dùng: nghitruong vote result [--json] < biểu-quyết.json',
  '  Đầu vào: {"rule": "resolution" | "dismissal", "roll": {...}, "figures": {...},',
  '            "termEndsOn": "YYYY-MM-DD", "closedOn": "YYYY-MM-DD", "totalMeans": "seats" | "serving"}',
  '  --json   in kết quả dạng JSON',
].join('\n');

type VoteInput = VoteDates & { rule: string; roll: RollSnapshot; figures: VoteFigures };

function parseInput(text: string): VoteInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SessionRuleError('vote_input_invalid', 'Đầu vào không phải JSON hợp lệ.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SessionRuleError('vote_input_invalid', 'Đầu vào phải là một đối tượng JSON.');
  const v = value as Record<string, unknown>;
  for (const key of ['rule', 'roll', 'figures', 'termEndsOn', 'closedOn']) {
    if (v[key] === undefined) throw new SessionRuleError('vote_input_invalid', `Thiếu trường "${key}".`);
  }
  for (const key of ['roll', 'figures']) {
    if (typeof v[key] !== 'object' || v[key] === null || Array.isArray(v[key])) throw new SessionRuleError('vote_input_invalid', `Trường "${key}" phải là một đối tượng.`);
  }
  if (typeof v.rule !== 'string') throw new SessionRuleError('vote_input_invalid', 'Trường "rule" phải là tên quy tắc.');
  return v as unknown as VoteInput;
}

/** Vietnamese text of a result: the outcome and its reason, the rule, the base and the counts. */
export function describeVoteResult(r: VoteResult, method: VoteFigures['method']): string {
  const lines = [
    r.reason,
    `Quy tắc: ${r.ruleLabel}${r.reducedCouncil ? ' — áp dụng ngoại lệ Điều 49 khoản 2 điểm b' : ''} (${r.source}${r.verified ? '' : ', chưa kiểm chứng'}).`,
    `Căn cứ tính: ${r.baseReason}`,
    `Hình thức: ${VOTE_METHOD_LABELS[method]}. Có mặt có quyền biểu quyết: ${r.counts.present}/${r.counts.entitled}; tán thành ${r.counts.for}, không tán thành ${r.counts.against}, không biểu quyết ${r.counts.abstain}, chưa biểu quyết ${r.counts.notVoting}.`,
    ...r.notes.map((n) => `Lưu ý: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function runVoteCommand(sub: string, args: string[], stdin: string): string {
  if (sub !== 'result') throw new SessionRuleError('vote_usage', VOTE_USAGE);
  const input = parseInput(stdin);
  const rule = voteRuleInForce(input.rule, typeof input.closedOn === 'string' ? input.closedOn : '');
  const result = computeVoteResult(rule, input.roll, input.figures, {
    termEndsOn: input.termEndsOn,
    closedOn: input.closedOn,
    totalMeans: input.totalMeans,
  });
  if (args.includes('--json')) return `${JSON.stringify(result, null, 2)}\n`;
  return describeVoteResult(result, input.figures.method);
}
