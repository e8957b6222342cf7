import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { DOCUMENT_TIMING_LABELS, documentTiming, latenessByAgency } from './timing.ts';
import type { DocumentTiming } from './timing.ts';

const calendar = createWorkingCalendar(KNOWN_OVERRIDES);
const t = (due: string | null, receivedOn: string | null, today: string, lastRevisedOn: string | null = null) =>
  documentTiming({ due, receivedOn, lastRevisedOn, today, dueSoonWorkingDays: 3, calendar });

describe('documentTiming: every state and its label', () => {
  it('expected: more than 3 working days left', () => {
    expect(t('2026-03-20', null, '2026-03-10')).toEqual({ timing: 'expected', daysLate: null, label: 'Chưa đến hạn (hạn 20/03/2026)' });
  });

  it('dueSoon: 3 working days left (Wed → Mon over a weekend)', () => {
    // After Wednesday 11/03: Thu 12, Fri 13, Mon 16 = 3 working days.
    expect(t('2026-03-16', null, '2026-03-11')).toEqual({
      timing: 'dueSoon',
      daysLate: null,
      label: 'Sắp đến hạn: còn 3 ngày làm việc (hạn 16/03/2026)',
    });
    expect(t('2026-03-17', null, '2026-03-11').timing).toBe('expected');
  });

  it('dueSoon counts working days, not calendar days: 11 days across Tết are 2 working days', () => {
    // From Friday 13/02 to Tuesday 24/02/2026: only 23/02 and 24/02 are working days.
    expect(t('2026-02-24', null, '2026-02-13')).toMatchObject({ timing: 'dueSoon', label: 'Sắp đến hạn: còn 2 ngày làm việc (hạn 24/02/2026)' });
  });

  it('dueSoon on the due date itself', () => {
    expect(t('2026-03-16', null, '2026-03-16')).toEqual({ timing: 'dueSoon', daysLate: null, label: 'Hạn nộp là hôm nay' });
  });

  it('late: not received, counted in calendar days from the day after the due date', () => {
    expect(t('2026-03-16', null, '2026-03-17')).toEqual({ timing: 'late', daysLate: 1, label: 'Quá hạn 1 ngày, chưa nộp' });
    expect(t('2026-02-13', null, '2026-02-24')).toEqual({ timing: 'late', daysLate: 11, label: 'Quá hạn 11 ngày, chưa nộp' });
  });

  it('received on the due date is on time; the day after is 1 day late', () => {
    expect(t('2026-03-16', '2026-03-16', '2026-04-01')).toEqual({ timing: 'receivedOnTime', daysLate: null, label: 'Nộp đúng hạn' });
    expect(t('2026-03-16', '2026-03-17', '2026-04-01')).toEqual({ timing: 'receivedLate', daysLate: 1, label: 'Nộp muộn 1 ngày' });
  });

  it('receivedLate: "Nộp muộn 3 ngày" (due Friday 13/02, received Monday 16/02 during Tết)', () => {
    expect(t('2026-02-13', '2026-02-16', '2026-03-01')).toEqual({ timing: 'receivedLate', daysLate: 3, label: 'Nộp muộn 3 ngày' });
  });

  it('revisedAfterDeadline: on time, then a new version after the due date', () => {
    expect(t('2026-03-16', '2026-03-10', '2026-04-01', '2026-03-20')).toEqual({
      timing: 'revisedAfterDeadline',
      daysLate: 4,
      label: 'Nộp đúng hạn, sửa lại sau hạn 4 ngày',
    });
    // A revision on the due date is still on time.
    expect(t('2026-03-16', '2026-03-10', '2026-04-01', '2026-03-16').timing).toBe('receivedOnTime');
  });

  it('received late and revised later stays receivedLate (lateness of first receipt)', () => {
    expect(t('2026-03-16', '2026-03-18', '2026-04-01', '2026-03-25')).toMatchObject({ timing: 'receivedLate', daysLate: 2 });
  });

  it('without a due date nothing is late', () => {
    expect(t(null, null, '2030-01-01')).toEqual({ timing: 'expected', daysLate: null, label: 'Chưa nộp (không có hạn)' });
    expect(t(null, '2026-03-01', '2030-01-01')).toEqual({ timing: 'receivedOnTime', daysLate: null, label: 'Đã nộp (không có hạn)' });
  });

  it('every timing has a short Vietnamese label', () => {
    const all: DocumentTiming[] = ['expected', 'dueSoon', 'late', 'receivedOnTime', 'receivedLate', 'revisedAfterDeadline'];
    expect(Object.keys(DOCUMENT_TIMING_LABELS).sort()).toEqual([...all].sort());
    for (const k of all) expect(DOCUMENT_TIMING_LABELS[k]).toMatch(/[ạ-ỹĐđ]|[à-ỹ]/);
  });
});

describe('latenessByAgency against a hand count', () => {
  const today = '2026-03-02';
  const rows = [
    // Sở Tài chính: 4 documents. Received 3 days late, received 10 days late, on time, not received
    // and due 20/02 (10 days late on 02/03). Late = 3, receivedLate = 2, outstanding = 1,
    // average (3 + 10 + 10) / 3 = 7.7.
    { agencyId: 'stc', agencyName: 'Sở Tài chính', due: '2026-02-13', receivedOn: '2026-02-16', lastRevisedOn: null },
    { agencyId: 'stc', agencyName: 'Sở Tài chính', due: '2026-02-13', receivedOn: '2026-02-23', lastRevisedOn: null },
    { agencyId: 'stc', agencyName: 'Sở Tài chính', due: '2026-02-13', receivedOn: '2026-02-12', lastRevisedOn: null },
    { agencyId: 'stc', agencyName: 'Sở Tài chính', due: '2026-02-20', receivedOn: null, lastRevisedOn: null },
    // UBND: 3 documents. One 1 day late, one on time but revised after, one not due yet.
    // Late = 1, average 1.
    { agencyId: 'ubnd', agencyName: 'Ủy ban nhân dân tỉnh', due: '2026-02-13', receivedOn: '2026-02-14', lastRevisedOn: null },
    { agencyId: 'ubnd', agencyName: 'Ủy ban nhân dân tỉnh', due: '2026-02-13', receivedOn: '2026-02-10', lastRevisedOn: '2026-02-25' },
    { agencyId: 'ubnd', agencyName: 'Ủy ban nhân dân tỉnh', due: '2026-03-20', receivedOn: null, lastRevisedOn: null },
    // Tòa án: 1 document, 1 outstanding and 30 days late (due 31/01). Late = 1, average 30.
    { agencyId: 'ta', agencyName: 'Tòa án nhân dân tỉnh', due: '2026-01-31', receivedOn: null, lastRevisedOn: null },
    // Viện kiểm sát: all on time.
    { agencyId: 'vks', agencyName: 'Viện kiểm sát nhân dân tỉnh', due: '2026-02-13', receivedOn: '2026-02-13', lastRevisedOn: null },
    { agencyId: 'vks', agencyName: 'Viện kiểm sát nhân dân tỉnh', due: null, receivedOn: null, lastRevisedOn: null },
  ];

  it('counts documents, late, received late, outstanding and the average, worst first', () => {
    expect(latenessByAgency(rows, today, calendar, 3)).toEqual([
      { agencyId: 'stc', agencyName: 'Sở Tài chính', documents: 4, late: 3, receivedLate: 2, outstandingLate: 1, revisedAfterDeadline: 0, averageDaysLate: 7.7 },
      { agencyId: 'ta', agencyName: 'Tòa án nhân dân tỉnh', documents: 1, late: 1, receivedLate: 0, outstandingLate: 1, revisedAfterDeadline: 0, averageDaysLate: 30 },
      { agencyId: 'ubnd', agencyName: 'Ủy ban nhân dân tỉnh', documents: 3, late: 1, receivedLate: 1, outstandingLate: 0, revisedAfterDeadline: 1, averageDaysLate: 1 },
      { agencyId: 'vks', agencyName: 'Viện kiểm sát nhân dân tỉnh', documents: 2, late: 0, receivedLate: 0, outstandingLate: 0, revisedAfterDeadline: 0, averageDaysLate: null },
    ]);
  });

  it('an outstanding document gets later every day: a day later the court is 31 days late', () => {
    const r = latenessByAgency(rows, '2026-03-03', calendar, 3);
    expect(r.find((a) => a.agencyId === 'ta')!.averageDaysLate).toBe(31);
    // Sở Tài chính: (3 + 10 + 11) / 3 = 8.
    expect(r.find((a) => a.agencyId === 'stc')!.averageDaysLate).toBe(8);
  });

  it('no rows, no agencies', () => {
    expect(latenessByAgency([], today, calendar, 3)).toEqual([]);
  });

  it('ties on everything are sorted by name in Vietnamese order', () => {
    const r = latenessByAgency(
      [
        { agencyId: '2', agencyName: 'Ủy ban MTTQ', due: '2026-03-01', receivedOn: '2026-03-01', lastRevisedOn: null },
        { agencyId: '1', agencyName: 'Ban Pháp chế', due: '2026-03-01', receivedOn: '2026-03-01', lastRevisedOn: null },
        { agencyId: '3', agencyName: 'Đài Phát thanh', due: '2026-03-01', receivedOn: '2026-03-01', lastRevisedOn: null },
      ],
      today,
      calendar,
      3,
    );
    expect(r.map((a) => a.agencyName)).toEqual(['Ban Pháp chế', 'Đài Phát thanh', 'Ủy ban MTTQ']);
  });
});
