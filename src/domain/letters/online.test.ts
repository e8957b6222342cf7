import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { checkRequestable, linkTestDeadline, noticeDeadline } from './online.ts';
import { DEFAULT_LETTER_FIELDS, letterFieldName, suggestLetterField } from './fields.ts';

const calendar = createWorkingCalendar(KNOWN_OVERRIDES);

describe('online reception (C22, NĐ 154/2026 Điều 23)', () => {
  it('the citizen is told ≥ 05 working days before, the link tested ≥ 01 working day before', () => {
    // Friday 18/12/2026: five working days back is Friday 11/12; one is Thursday 17/12.
    expect(noticeDeadline('2026-12-18', calendar)).toBe('2026-12-11');
    expect(linkTestDeadline('2026-12-18', calendar)).toBe('2026-12-17');
  });
  it('a day can be asked for only online, from 01/07/2026, on a working day, before its notice date', () => {
    expect(() => checkRequestable({ on: '2026-12-18', online: true }, '2026-12-11', calendar)).not.toThrow();
    expect(() => checkRequestable({ on: '2026-12-18', online: true }, '2026-12-14', calendar)).toThrow(/chậm nhất ngày 11\/12\/2026/);
    expect(() => checkRequestable({ on: '2026-06-30', online: true }, '2026-06-01', calendar)).toThrow(/từ ngày 01\/07\/2026/);
    expect(() => checkRequestable({ on: '2026-12-19', online: true }, '2026-12-01', calendar)).toThrow(/ngày nghỉ/);
    expect(() => checkRequestable({ on: '2026-12-18', online: false }, '2026-12-01', calendar)).toThrow(/không tiếp công dân trực tuyến/);
  });
});

describe('letter fields as data', () => {
  it('the text engine suggests a field of the letters taxonomy', () => {
    expect(suggestLetterField('Khiếu nại việc bồi thường khi thu hồi đất làm đường').field).toBe('land');
    expect(suggestLetterField('Đề nghị cơ quan thi hành án dân sự cưỡng chế thi hành án').field).toBe('justice');
    expect(suggestLetterField('Phản ánh xả nước thải gây ô nhiễm môi trường').field).toBe('environment');
    expect(suggestLetterField('xin chào').field).toBeNull();
  });
  it('names a code, keeps an unknown one, says when there is none', () => {
    expect(letterFieldName('social_policy', DEFAULT_LETTER_FIELDS)).toBe('Chính sách xã hội');
    expect(letterFieldName('gone', DEFAULT_LETTER_FIELDS)).toBe('gone');
    expect(letterFieldName(null, DEFAULT_LETTER_FIELDS)).toBe('Chưa phân lĩnh vực');
  });
});
