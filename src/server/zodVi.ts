// Zod's messages in Vietnamese, at the source: zod's own Vietnamese locale still names types and
// formats in English ("mong đợi object", "int", "array", "UUID"), so every issue code gets a
// Vietnamese message here; a schema's own message (text(), IsoDate, Id…) still comes first.
import { z } from '@hono/zod-openapi';

const TYPE: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  date: 'ngày',
  null: 'giá trị rỗng',
  undefined: 'giá trị',
  file: 'tệp',
  nan: 'số',
};

const FORMAT: Record<string, string> = {
  uuid: 'mã định danh',
  guid: 'mã định danh',
  email: 'địa chỉ thư điện tử',
  url: 'địa chỉ trang web',
  date: 'ngày (dạng YYYY-MM-DD)',
  datetime: 'thời điểm (ngày và giờ)',
  time: 'giờ',
  duration: 'khoảng thời gian',
  ipv4: 'địa chỉ IP',
  ipv6: 'địa chỉ IP',
  base64: 'dữ liệu mã hóa',
  json_string: 'chuỗi JSON',
};

const UNIT: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', file: 'byte' };

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : typeof v === 'boolean' ? (v ? 'đúng' : 'sai') : String(v));

/** The raw issue zod hands to an error map (only the fields read here). */
type Issue = { code?: string } & Record<string, unknown>;

export function vietnameseIssue(issue: Issue): string | undefined {
  const i = issue;
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined ? 'Thiếu dữ liệu bắt buộc.' : `Phải là ${TYPE[String(i.expected)] ?? 'giá trị đúng kiểu'}.`;
    case 'too_small': {
      const origin = String(i.origin);
      const n = Number(i.minimum);
      if (origin === 'string' && n === 1) return 'Không được để trống.';
      if (UNIT[origin]) return `Phải có ít nhất ${n} ${UNIT[origin]}.`;
      if (origin === 'date') return 'Ngày quá sớm.';
      return `Phải ${i.inclusive ? 'từ' : 'lớn hơn'} ${n}${i.inclusive ? ' trở lên' : ''}.`;
    }
    case 'too_big': {
      const origin = String(i.origin);
      const n = Number(i.maximum);
      if (UNIT[origin]) return `Chỉ được tối đa ${n} ${UNIT[origin]}.`;
      if (origin === 'date') return 'Ngày quá muộn.';
      return `Phải ${i.inclusive ? 'không quá' : 'nhỏ hơn'} ${n}.`;
    }
    case 'invalid_format': {
      const f = String(i.format);
      if (f === 'regex') return 'Không đúng định dạng.';
      if (f === 'starts_with' || f === 'ends_with' || f === 'includes') return 'Không đúng định dạng.';
      return `${(FORMAT[f] ?? 'giá trị').replace(/^./, (c) => c.toUpperCase())} không hợp lệ.`;
    }
    case 'not_multiple_of':
      return `Phải là bội số của ${String(i.divisor)}.`;
    case 'unrecognized_keys':
      return `Có trường không được chấp nhận: ${(i.keys as string[]).map(quote).join(', ')}.`;
    case 'invalid_key':
      return 'Có khóa không hợp lệ.';
    case 'invalid_element':
      return 'Có phần tử không hợp lệ.';
    case 'invalid_union':
      return 'Dữ liệu không đúng với dạng nào được chấp nhận.';
    case 'invalid_value': {
      const values = (i.values as unknown[]) ?? [];
      return values.length === 1 ? `Phải là ${quote(values[0])}.` : `Phải là một trong các giá trị: ${values.map(quote).join(', ')}.`;
    }
    case 'custom':
      return 'Giá trị không hợp lệ.';
    default:
      return undefined;
  }
}

/** Sets zod's messages for the whole process (the server and the CLI's checks). */
export function useVietnameseZod(): void {
  z.config({ ...z.locales.vi(), customError: vietnameseIssue as never });
}
