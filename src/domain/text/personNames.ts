/**
 * What a Vietnamese person's name looks like in minutes: a title ("ông", "bà", "cử tri"…), then
 * capitalised syllables, usually opening with a common surname. Shared by speaker separation
 * (domain/petitions/speaker.ts) and the personal-data guard (personal.ts).
 */
import { matchKey } from './normalize.ts';

/** The common surnames (họ), lowercase; they cover the great majority of Vietnamese people. */
export const SURNAMES: ReadonlySet<string> = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trương ' +
    'lâm mai tô trịnh hà cao lương lưu tạ châu thái kiều quách phùng văn thân giang triệu từ ' +
    'la lục ninh khổng kim chu hứa tăng mạc âu đàm nghiêm viên khúc mã tống thạch lò ông ' +
    'quan hầu diệp tôn vương lại vi bế hoàng'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => matchKey(s)),
);

/** Titles before a person's name, lowercase (longest first when used in a pattern). */
export const PERSON_TITLES: readonly string[] = [
  'đại diện cử tri', 'đồng chí', 'cử tri', 'đ/c', 'ông', 'bà', 'anh', 'chị', 'cụ', 'cô', 'chú', 'bác', 'em', 'hộ', 'gia đình',
];

/** Nouns that make the capitalised words after them a place or an institution, not a person. */
export const PLACE_NOUNS: readonly string[] = [
  'đường', 'phố', 'trường', 'cầu', 'chợ', 'xã', 'phường', 'thôn', 'khu', 'quận', 'huyện', 'tỉnh', 'thành phố', 'thị xã',
  'thị trấn', 'tượng', 'đền', 'chùa', 'nhà văn hóa', 'công viên', 'hẻm', 'kiệt', 'ngõ', 'tuyến', 'bệnh viện', 'trạm',
  'cảng', 'sông', 'núi', 'đập', 'hồ', 'bến', 'lăng', 'quảng trường', 'tổ dân phố', 'khu phố', 'làng', 'ấp', 'xóm', 'bản',
];

/** A capitalised syllable (letters only, first upper-case). */
export const CAPITALISED = String.raw`\p{Lu}[\p{Ll}\p{M}]*`;

export function isSurname(word: string): boolean {
  return SURNAMES.has(matchKey(word));
}

/** True for "Đặng Văn Sơn", "Nguyễn Thị B", "Lê Lan": 2–5 capitalised syllables starting with a surname. */
export function looksLikeFullName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 5) return false;
  if (!isSurname(words[0]!)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w));
}
