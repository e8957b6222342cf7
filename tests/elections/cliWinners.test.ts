// `nghitruong election winners`: a unit's tally on stdin, the winners by Điều 78–81 with their
// reasons on stdout, through the same code as the app; bad input is one Vietnamese line on stderr.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseWinnersInput } from '../../src/domain/elections/winnersCli.ts';
import { unitOutcome } from '../../src/domain/elections/winners.ts';

const cli = (args: string[], input: string) => spawnSync(process.execPath, [path.resolve('bin/nghitruong.js'), ...args], { input, encoding: 'utf8' });

const unit = {
  seats: 3,
  votersOnList: 1000,
  votersVoted: 920,
  ballotsReceived: 918,
  validBallots: 900,
  round: 'first',
  candidates: [
    { id: 'a', name: 'Nguyễn Văn An', birthDate: '1975-02-01', votes: 700 },
    { id: 'b', name: 'Trần Thị Bình', birthDate: '1980-03-04', votes: 520 },
    { id: 'c', name: 'Lê Văn Cường', birthDate: '1962-07-08', votes: 520 },
    { id: 'd', name: 'Phạm Thị Dung', birthDate: '1990-01-01', votes: 510 },
    { id: 'e', name: 'Võ Văn Em', birthDate: '1985-01-01', votes: 200 },
  ],
};

describe('nghitruong election winners', () => {
  it('prints the winners highest first, the tie settled for the older, every reason', () => {
    const r = cli(['election', 'winners'], JSON.stringify(unit));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Bầu cử lần đầu: 3 đại biểu được bầu; số cử tri đi bầu 92%.');
    expect(lines[1]).toContain('quá một nửa tổng số cử tri: kết quả được công nhận (Luật Bầu cử, Điều 78)');
    expect(r.stdout).toContain('Người trúng cử (3/3): Nguyễn Văn An (700 phiếu, 77,78%); Lê Văn Cường (520 phiếu, 57,78%); Trần Thị Bình (520 phiếu, 57,78%).');
    expect(r.stdout).toContain('- Phạm Thị Dung: Quá nửa số phiếu hợp lệ nhưng không trúng cử do đã đủ số đại biểu.');
    expect(r.stdout).toContain('- Võ Văn Em: Không trúng cử: chưa được quá nửa số phiếu hợp lệ. Võ Văn Em được 200/900 phiếu hợp lệ (22,22%)');
    expect(r.stdout.trim().endsWith('Bước tiếp theo: Không.')).toBe(true);
  });

  it('a tie for the last seat goes to the older candidate', () => {
    const tie = { ...unit, seats: 2, candidates: unit.candidates.filter((c) => c.id !== 'd') };
    const r = cli(['election', 'winners'], JSON.stringify(tie));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Người trúng cử (2/2): Nguyễn Văn An (700 phiếu, 77,78%); Lê Văn Cường (520 phiếu, 57,78%).');
    expect(r.stdout).toContain('Trần Thị Bình bằng phiếu với Lê Văn Cường (sinh ngày 08/07/1962), Trần Thị Bình (sinh ngày 04/03/1980) nhưng ít tuổi hơn: không trúng cử');
  });

  it('gives the same outcome as the app code (--json): 2/3 rule → an additional round', () => {
    const short = { ...unit, candidates: [{ ...unit.candidates[0]!, votes: 700 }, ...unit.candidates.slice(1).map((c) => ({ ...c, votes: 300 }))] };
    const r = cli(['election', 'winners', '--json'], JSON.stringify(short));
    expect(r.status).toBe(0);
    const expected = unitOutcome(parseWinnersInput(JSON.stringify(short)));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.next).toBe('additionalRound');
    const text = cli(['election', 'winners'], JSON.stringify(short)).stdout;
    expect(text).toContain('Bầu được 1/3 đại biểu, chưa đạt hai phần ba số đại biểu được bầu của đơn vị: bầu cử thêm');
  });

  it('winners ≥ 2/3: no additional round, the seat stays empty', () => {
    const two = { ...unit, candidates: unit.candidates.map((c) => (c.id === 'b' || c.id === 'c' || c.id === 'd' ? { ...c, votes: c.id === 'c' ? 600 : 300 } : c)) };
    const r = cli(['election', 'winners'], JSON.stringify(two));
    expect(r.stdout).toContain('Bầu được 2/3 đại biểu, đã đạt hai phần ba số đại biểu được bầu của đơn vị: không bầu cử thêm, khuyết 1 đại biểu');
  });

  it('turnout ≤ 1/2: a re-vote; a re-vote still ≤ 1/2 stands; never a second additional round', () => {
    const low = { ...unit, votersVoted: 500, ballotsReceived: 500, validBallots: 490, candidates: unit.candidates.map((c) => ({ ...c, votes: Math.min(c.votes, 400) })) };
    const first = cli(['election', 'winners'], JSON.stringify(low));
    expect(first.stdout).toContain('chưa quá một nửa tổng số cử tri: kết quả không được công nhận, phải bầu cử lại trong thời hạn 07 ngày');
    expect(first.stdout).toContain('Bước tiếp theo: Bầu cử lại.');
    const again = cli(['election', 'winners'], JSON.stringify({ ...low, round: 'revote' }));
    expect(again.stdout).toContain('không bầu cử lại lần nữa');
    expect(again.stdout).toContain('Bước tiếp theo: Không.');
    const additional = {
      ...unit,
      round: 'additional',
      seats: 2,
      firstRoundNonWinners: ['b', 'c', 'd', 'e'],
      candidates: unit.candidates.slice(1).map((c) => ({ ...c, votes: c.id === 'b' ? 600 : 300 })),
    };
    const add = cli(['election', 'winners'], JSON.stringify(additional));
    expect(add.stdout).toContain('trong bầu cử thêm: không tổ chức bầu cử thêm lần thứ hai, khuyết 1 đại biểu');
    const outsider = cli(['election', 'winners'], JSON.stringify({ ...additional, firstRoundNonWinners: ['c', 'd', 'e'] }));
    expect(outsider.status).toBe(1);
    expect(outsider.stderr.trim()).toBe('Lỗi: Trần Thị Bình không có trong danh sách người không trúng cử ở lần bầu cử đầu: không được ứng cử trong bầu cử thêm.');
  });

  it('bad input: a Vietnamese error and exit code 1', () => {
    const broken = cli(['election', 'winners'], '{"seats": ');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr.trim()).toBe('Lỗi: Đầu vào không phải JSON hợp lệ.');
    expect(cli(['election', 'winners'], JSON.stringify({ ...unit, candidates: undefined })).stderr).toContain('Thiếu trường "candidates"');
    expect(cli(['election', 'winners'], JSON.stringify({ ...unit, ballotsReceived: 800 })).stderr.trim()).toBe('Lỗi: Số phiếu hợp lệ (900) lớn hơn số phiếu thu vào (800).');
    const birth = cli(['election', 'winners'], JSON.stringify({ ...unit, candidates: [{ name: 'X', birthDate: '1970-13-01', votes: 1 }] }));
    expect(birth.stderr.trim()).toBe('Lỗi: Ngày sinh của X không hợp lệ: "1970-13-01" (cần dạng YYYY-MM-DD).');
    const usage = cli(['election', 'count'], '');
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Cách dùng: nghitruong election winners');
  });
});
