// `nghitruong vote result`: a JSON vote on stdin, the statutory outcome and its reason on stdout,
// through the same code as the app; bad input is one Vietnamese line on stderr and exit code 1.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { computeVoteResult, voteRuleInForce } from '../../src/domain/sessions/votes.ts';

const cli = (args: string[], input: string) =>
  spawnSync(process.execPath, [path.resolve('bin/nghitruong.js'), ...args], { input, encoding: 'utf8' });

const delegates = Array.from({ length: 30 }, (_, i) => `d${i + 1}`);
const vote = {
  rule: 'resolution',
  roll: { seats: 30, elected: 30, serving: 30, suspended: [], entitled: delegates, present: delegates.slice(0, 20) },
  figures: { method: 'show_of_hands', for: 16, against: 3, abstain: 1 },
  termEndsOn: '2031-03-01',
  closedOn: '2027-06-15',
};

describe('nghitruong vote result', () => {
  it('prints the outcome, the rule with its source and the base it used', () => {
    const r = cli(['vote', 'result'], JSON.stringify(vote));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Thông qua: 16/30 đại biểu tán thành, quá 1/2 tổng số đại biểu (cần ít nhất 16).');
    expect(r.stdout).toContain('Luật 72/2025/QH15, Điều 35 khoản 2');
    expect(r.stdout).toContain('số đại biểu được bầu theo luật định: 30');
    expect(r.stdout).toContain('Có mặt có quyền biểu quyết: 20/30');
  });

  it('gives the same result as the app code (--json), including the Điều 49 k2b exception', () => {
    const small = {
      ...vote,
      roll: { ...vote.roll, elected: 19, serving: 19, entitled: delegates.slice(0, 19), present: delegates.slice(0, 19) },
      figures: { method: 'show_of_hands', for: 12, against: 7, abstain: 0 },
      closedOn: '2029-09-01',
    } as const;
    const r = cli(['vote', 'result', '--json'], JSON.stringify(small));
    expect(r.status).toBe(0);
    const expected = computeVoteResult(voteRuleInForce('resolution', small.closedOn), { ...small.roll, suspended: [] }, small.figures, small);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected).toMatchObject({ outcome: 'failed', reducedCouncil: true, needed: 13, base: 19 });
    const text = cli(['vote', 'result'], JSON.stringify(small)).stdout;
    expect(text.split('\n')[0]).toBe('Không thông qua: 12/19 đại biểu tán thành, chưa đạt quá 2/3 tổng số đại biểu hiện có (cần ít nhất 13).');
    expect(text).toContain('áp dụng ngoại lệ Điều 49 khoản 2 điểm b');
  });

  it('bad JSON or figures that do not add up: a Vietnamese error and exit code 1', () => {
    const bad = cli(['vote', 'result'], '{"rule": ');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe('Lỗi: Đầu vào không phải JSON hợp lệ.');
    const tooMany = cli(['vote', 'result'], JSON.stringify({ ...vote, figures: { method: 'show_of_hands', for: 18, against: 3, abstain: 0 } }));
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr.trim()).toBe('Lỗi: Tán thành, không tán thành và không biểu quyết (21) vượt số đại biểu có mặt có quyền biểu quyết (20).');
    const missing = cli(['vote', 'result'], JSON.stringify({ ...vote, roll: undefined }));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Thiếu trường "roll"');
    const usage = cli(['vote', 'tally'], '');
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Cách dùng: nghitruong vote result');
  });
});
