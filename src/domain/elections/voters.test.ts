import { describe, expect, it } from 'vitest';
import { ElectionRuleError } from './errors.ts';
import { ballotMarks, citizenIdMismatch, citizenIdProblem, planMove, registeredTwelveMonths, voterEligibility } from './voters.ts';

const DAY = '2026-03-15';
const permanent = { kind: 'permanent' as const };

describe('ballots per voter (Mẫu 31 columns 8–10)', () => {
  it('permanent resident: X X X', () => {
    expect(ballotMarks(voterEligibility({ residence: permanent, status: 'none' }, DAY))).toEqual(['X', 'X', 'X']);
  });
  it('temporary resident: 12 months exactly by election day → X X X; one day short → X X 0', () => {
    const full = voterEligibility({ residence: { kind: 'temporary', since: '2025-03-15' }, status: 'none' }, DAY);
    expect(ballotMarks(full)).toEqual(['X', 'X', 'X']);
    const short = voterEligibility({ residence: { kind: 'temporary', since: '2025-03-16' }, status: 'none' }, DAY);
    expect(ballotMarks(short)).toEqual(['X', 'X', '0']);
    expect(short.reason).toContain('chưa đủ 12 tháng');
    expect(registeredTwelveMonths('2024-02-29', '2025-02-28')).toBe(false);
    expect(registeredTwelveMonths('2024-02-29', '2025-03-01')).toBe(true);
  });
  it('soldier, detainee, certificate to vote elsewhere: X X 0 whatever the residence', () => {
    for (const status of ['soldier', 'detainee', 'voteElsewhereCertificate'] as const) {
      expect(ballotMarks(voterEligibility({ residence: permanent, status }, DAY))).toEqual(['X', 'X', '0']);
    }
  });
  it('quarantined and hospital voters keep the ballots of their residence', () => {
    expect(ballotMarks(voterEligibility({ residence: permanent, status: 'quarantined' }, DAY))).toEqual(['X', 'X', 'X']);
    expect(ballotMarks(voterEligibility({ residence: { kind: 'temporary', since: '2026-01-01' }, status: 'inHospital' }, DAY))).toEqual(['X', 'X', '0']);
  });
  it('excluded voters get no ballot; re-added when the ground ends ≥ 24 h before voting opens', () => {
    const prison = (endsAt: string | null) => voterEligibility({ residence: permanent, status: 'none', exclusion: { ground: 'prisonTerm', endsAt } }, DAY);
    expect(ballotMarks(prison(null))).toEqual(['0', '0', '0']);
    expect(prison(null).reason).toContain('hình phạt tù');
    expect(ballotMarks(prison('2026-03-14T07:00'))).toEqual(['X', 'X', 'X']);
    expect(prison('2026-03-14T07:00').reason).toContain('Được bổ sung');
    expect(ballotMarks(prison('2026-03-14T07:01'))).toEqual(['0', '0', '0']);
  });
  it('a temporary resident needs the start date', () => {
    expect(() => voterEligibility({ residence: { kind: 'temporary' }, status: 'none' }, DAY)).toThrow(/ngày bắt đầu đăng ký tạm trú/);
  });
});

describe('ID number', () => {
  it('accepts 12 digits (spaces allowed), refuses others with a Vietnamese reason', () => {
    expect(citizenIdProblem('051 090 001 234')).toBeNull();
    expect(citizenIdProblem('05109000123')).toMatch(/11 chữ số/);
    expect(citizenIdProblem('05109000123A')).toMatch(/không phải chữ số/);
    expect(citizenIdProblem(null)).toMatch(/Chưa có/);
  });
  it('warns when the ID does not agree with birth year and sex', () => {
    expect(citizenIdMismatch('051080001234', '1980-04-02', 'male')).toBeNull();
    expect(citizenIdMismatch('051180001234', '1980-04-02', 'female')).toBeNull();
    expect(citizenIdMismatch('051305001234', '2005-01-01', 'female')).toBeNull();
    expect(citizenIdMismatch('051080001234', '1980-04-02', 'female')).toMatch(/cần là 180/);
    expect(citizenIdMismatch('051081001234', '1980-04-02', 'male')).toMatch(/không khớp/);
  });
});

describe('moves between lists keep every citizen on one list', () => {
  const base = { fromAreaId: 'KV1', toAreaId: 'KV2', on: '2026-03-01', electionDay: DAY };
  it('each move that changes list removes the old row and adds the new one', () => {
    for (const kind of ['temporaryResident', 'movedAfterPosting', 'voteElsewhereCertificate', 'detained', 'soldierAtResidence'] as const) {
      const changes = planMove({ ...base, kind });
      expect(changes.map((c) => c.action)).toEqual(['remove', 'add']);
      expect(changes[0]!.pollingAreaId).toBe('KV1');
      expect(changes[1]!.pollingAreaId).toBe('KV2');
      for (const c of changes) expect(c.reason.length).toBeGreaterThan(10);
    }
  });
  it('a detainee is added with the detainee status and the law\'s note; a certificate holder with "Cử tri không cư trú ở địa phương"', () => {
    const d = planMove({ ...base, kind: 'detained' });
    expect(d[1]).toMatchObject({ action: 'add', status: 'detainee', note: 'Người đang bị tạm giam / tạm giữ' });
    const c = planMove({ ...base, kind: 'voteElsewhereCertificate' });
    expect(c[0]!.note).toBe('Bỏ phiếu ở nơi khác');
    expect(c[1]).toMatchObject({ status: 'voteElsewhereCertificate', note: 'Cử tri không cư trú ở địa phương' });
  });
  it('quarantined voters stay on their list with the mobile box by default; the policy can send them by certificate', () => {
    const q = planMove({ ...base, kind: 'quarantined', toAreaId: null });
    expect(q).toEqual([expect.objectContaining({ action: 'mark', pollingAreaId: 'KV1', mobileBox: true })]);
    const h = planMove({ ...base, kind: 'inHospital' }, { quarantined: 'mobileBox', inHospital: 'certificate', verified: false });
    expect(h.map((c) => c.action)).toEqual(['remove', 'add']);
  });
  it('refuses a move after election day, to the same area, or without destination', () => {
    expect(() => planMove({ ...base, kind: 'movedAfterPosting', on: '2026-03-16' })).toThrow(/sau ngày bầu cử/);
    expect(() => planMove({ ...base, kind: 'movedAfterPosting', toAreaId: 'KV1' })).toThrow(ElectionRuleError);
    expect(() => planMove({ ...base, kind: 'detained', toAreaId: null })).toThrow(/cần chọn khu vực/);
  });
});

describe('voterAgeProblem', () => {
  it('18 on or before election day; a year-only date only when the whole year is old enough', async () => {
    const { voterAgeProblem } = await import('./voters.ts');
    expect(voterAgeProblem('2008-03-15', '2026-03-15')).toBeNull();
    expect(voterAgeProblem('2008-03-16', '2026-03-15')).toContain('chưa đủ 18 tuổi');
    expect(voterAgeProblem('2007', '2026-03-15')).toBeNull();
    expect(voterAgeProblem('2008', '2026-03-15')).toContain('chưa chắc đủ 18 tuổi');
    expect(voterAgeProblem('15/03/1990', '2026-03-15')).toContain('không hợp lệ');
  });
});
