import { describe, expect, it } from 'vitest';
import { checkVoterListPosting, electionCalendar, milestoneOf } from './calendar.ts';
import { ElectionRuleError } from './errors.ts';

const DAY_2026 = '2026-03-15';

describe('election calendar (elections.md, 2026 example)', () => {
  it('generates every 2026 date of elections.md from election day', () => {
    const byKey = Object.fromEntries(electionCalendar(DAY_2026).map((x) => [x.key, x]));
    expect(byKey.firstConsultation!.by).toBe('2025-12-10');
    expect(byKey.candidacyFiles!.from).toBe('2025-12-15');
    expect(byKey.candidacyFiles!.by).toBe('2026-02-01');
    expect(byKey.candidacyFiles!.byTime).toBe('17:00');
    expect(byKey.secondConsultation!.by).toBe('2026-02-03');
    expect(byKey.voterListPosted!.by).toBe('2026-02-03');
    expect(byKey.thirdConsultation!.by).toBe('2026-02-20');
    expect(byKey.frontSendsThirdRoundList!.by).toBe('2026-02-22');
    expect(byKey.officialCandidateList!.by).toBe('2026-02-26');
    expect(byKey.candidateListPosted!.by).toBe('2026-02-27');
    expect(byKey.campaigning!.from).toBe('2026-02-26');
    expect(byKey.campaigning!.by).toBe('2026-03-14');
    expect(byKey.candidateComplaintsClosed!.from).toBe('2026-03-05');
    expect(byKey.teamAnnouncesVoting!.from).toBe('2026-03-05');
    expect(byKey.teamAnnouncesVoting!.by).toBe('2026-03-14');
    expect(byKey.voting!.by).toBe('2026-03-15');
    expect(byKey.teamTallyDelivered!.by).toBe('2026-03-18');
    expect(byKey.boardResultRecord!.by).toBe('2026-03-20');
    expect(byKey.additionalRoundOrRevote!.by).toBe('2026-03-22');
    expect(byKey.resultsPublished!.by).toBe('2026-03-25');
    expect(byKey.firstSessionOfNewCouncil!.by).toBe('2026-04-29');
  });

  it('never shifts a deadline off a weekend: Sunday 01/02 and Sunday 22/03/2026 stay', () => {
    const files = milestoneOf('candidacyFiles', DAY_2026);
    expect(files.by).toBe('2026-02-01');
    expect(files.onWeekend).toBe(true);
    const revote = milestoneOf('additionalRoundOrRevote', DAY_2026);
    expect(revote.by).toBe('2026-03-22');
    expect(revote.onWeekend).toBe(true);
    expect(milestoneOf('resultsPublished', DAY_2026).onWeekend).toBe(false);
  });

  it('every milestone carries a source and a verified flag; the unverified one is marked', () => {
    for (const x of electionCalendar(DAY_2026)) {
      expect(x.source.length).toBeGreaterThan(10);
    }
    expect(milestoneOf('firstConsultation', DAY_2026).verified).toBe(false);
    expect(milestoneOf('voterListPosted', DAY_2026).verified).toBe(true);
  });

  it('is ordered by deadline and follows another election day (2031)', () => {
    const cal = electionCalendar('2031-05-25');
    const dates = cal.map((x) => x.by);
    expect([...dates].sort()).toEqual(dates);
    expect(milestoneOf('voterListPosted', '2031-05-25').by).toBe('2031-04-15');
  });

  it('refuses a bad date and an election before any rule set, in Vietnamese', () => {
    expect(() => electionCalendar('15/03/2026')).toThrow(ElectionRuleError);
    expect(() => electionCalendar('2021-05-23')).toThrow(/Chưa có bộ quy định/);
  });

  it('checks the voter list posting against the 40-day rule, boundary included', () => {
    expect(checkVoterListPosting('2026-02-03', DAY_2026)).toBeNull();
    expect(checkVoterListPosting('2026-02-04', DAY_2026)).toMatch(/muộn hơn hạn chậm nhất 03\/02\/2026/);
  });
});
