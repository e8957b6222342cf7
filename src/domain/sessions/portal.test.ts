import { describe, expect, it } from 'vitest';
import { attendanceCounts, checkAttendance, seenState, speechText } from './portal.ts';

describe('what a delegate has seen of a published document', () => {
  it('is new until a version is opened, read when the current one is, changed when only earlier ones are', () => {
    expect(seenState(1, [])).toBe('new');
    expect(seenState(1, [1])).toBe('read');
    expect(seenState(3, [1, 2])).toBe('changed');
    expect(seenState(3, [1, 3])).toBe('read');
  });
});

describe('attendance confirmed before a session', () => {
  it('needs a reason when absent, and keeps it only then', () => {
    expect(checkAttendance({ status: 'absent' })).toEqual({ ok: false, message: 'Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.' });
    expect(checkAttendance({ status: 'absent', reason: '   ' }).ok).toBe(false);
    expect(checkAttendance({ status: 'absent', reason: ' Ốm ' })).toEqual({ ok: true, status: 'absent', reason: 'Ốm' });
    expect(checkAttendance({ status: 'online', reason: 'không cần' })).toEqual({ ok: true, status: 'online', reason: '' });
    expect(checkAttendance({ status: 'late' })).toEqual({ ok: false, message: 'Hình thức tham dự không hợp lệ.' });
    expect(checkAttendance({ status: 'absent', reason: 'x'.repeat(2001) }).ok).toBe(false);
  });
  it('counts every delegate once, unconfirmed included', () => {
    expect(attendanceCounts(['present', 'online', null, 'absent', 'present', null])).toEqual({ total: 6, present: 2, online: 1, absent: 1, unconfirmed: 2 });
    expect(attendanceCounts([])).toEqual({ total: 0, present: 0, online: 0, absent: 0, unconfirmed: 0 });
  });
});

describe('the intended speech', () => {
  it('is normalised to NFC and trimmed; too long is refused', () => {
    expect(speechText(' Đe\u0302\u0300 nghị ')).toBe('Đề nghị');
    expect(speechText(undefined)).toBe('');
    expect(speechText('x'.repeat(20_001))).toBeNull();
  });
});
