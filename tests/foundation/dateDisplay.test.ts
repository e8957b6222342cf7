// Display helpers of the web (src/web/lib/format.ts). Times are shown in Vietnam's time whatever the device's time zone: a delegate's phone set to
// another zone (or a server-side renderer in UTC) must not move a 09:00 meeting to 02:00.
import { afterEach, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { clip, fmtDate, fmtDateTime, fmtPercent, fmtSize, vnTimestamp } from '../../src/web/lib/format.ts';

const original = process.env.TZ;
afterEach(() => { process.env.TZ = original; });

describe('Vietnamese date display', () => {
  for (const tz of ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
    it(`shows Vietnam time on a device in ${tz}`, () => {
      process.env.TZ = tz;
      expect(fmtDateTime('2026-03-09T02:00:00Z')).toBe('09/03/2026 09:00');
      expect(fmtDateTime('2026-03-09T09:00:00+07:00')).toBe('09/03/2026 09:00');
      // 23:30 on the 8th in UTC is already the 9th in Vietnam
      expect(fmtDate('2026-03-08T23:30:00Z')).toBe('09/03/2026');
      // a plain day is that day everywhere
      expect(fmtDate('2026-03-09')).toBe('09/03/2026');
      // a meeting picked at 09:00 in a form is 09:00 in Vietnam, and shown back as 09:00
      const picked = dayjs('2026-03-09 09:00', 'YYYY-MM-DD HH:mm');
      expect(vnTimestamp(picked)).toBe('2026-03-09T09:00:00+07:00');
      expect(fmtDateTime(vnTimestamp(picked))).toBe('09/03/2026 09:00');
    });
  }
  it('leaves nothing and unreadable values as they are', () => {
    expect(fmtDate(null)).toBe('');
    expect(fmtDateTime('không phải ngày')).toBe('không phải ngày');
  });
});

describe('Vietnamese numbers and cut texts', () => {
  it('writes percentages with a decimal comma and no space, two decimals at most', () => {
    expect(fmtPercent(66.66666)).toBe('66,67%');
    expect(fmtPercent(80)).toBe('80%');
    expect(fmtPercent(12.5)).toBe('12,5%');
    expect(fmtPercent(null)).toBe('—');
    expect(fmtPercent(Number.NaN)).toBe('—');
  });
  it('writes file sizes in B, KB and MB with a decimal comma', () => {
    expect(fmtSize(850)).toBe('850 B');
    expect(fmtSize(12_595)).toBe('12,3 KB');
    expect(fmtSize(1_572_864)).toBe('1,5 MB');
  });
  it('cuts a long text with an ellipsis and leaves a short one whole', () => {
    expect(clip('Chi trả dứt điểm tiền bồi thường', 40)).toBe('Chi trả dứt điểm tiền bồi thường');
    expect(clip('Chi trả dứt điểm tiền bồi thường', 10)).toBe('Chi trả d…');
    expect(clip('Chi trả dứt điểm tiền bồi thường', 10)).toHaveLength(10);
  });
});
