/**
 * Issue concepts: the same complaint said in different words ("mặt đường lồi lõm, nhiều ổ gà" /
 * "tuyến đường xuống cấp"; "nghĩa trang" / "nghĩa địa"; "đèn chiếu sáng" / "đèn đường"). Each
 * phrase maps to one concept; a text's concepts become extra similarity features ('@c:<key>') so
 * that reworded duplicates share weight, and the *topic* concepts (what the petition is about:
 * roads, power, water, drainage…) let a shared concrete anchor (the same hamlet, road or structure)
 * count as evidence of the same issue (see similarity.ts `combineScore`).
 *
 * Hand-written from the wording of published summaries of voters' petitions. Input is the
 * preprocessed text (Unicode, abbreviations expanded). Accented phrases are matched on the
 * lowercase text; text typed without any accent is matched on its folded form, where only phrases
 * of two or more syllables are used (single folded syllables are ambiguous: chợ/cho, cầu/câu).
 */
import { fold, matchKey } from './normalize.ts';

interface ConceptDef {
  key: string;
  /** Topic concepts name what the petition is about; the others how it is said. */
  topic: boolean;
  phrases: string[];
}

const CONCEPTS: ConceptDef[] = [
  // topics
  { key: 'road', topic: true, phrases: ['mặt đường', 'tuyến đường', 'đường giao thông', 'đường bê tông', 'đường liên thôn', 'đường liên xóm', 'đường đất', 'đường nội bộ', 'đường dân sinh', 'con đường', 'lòng đường', 'đường'] },
  { key: 'power', topic: true, phrases: ['điện sinh hoạt', 'điện áp', 'lưới điện', 'trạm biến áp', 'mất điện', 'cúp điện', 'cắt điện', 'đường dây điện', 'dây điện', 'điện yếu', 'kéo điện', 'ngành điện', 'điện lực'] },
  { key: 'lighting', topic: true, phrases: ['đèn chiếu sáng', 'điện chiếu sáng', 'chiếu sáng công cộng', 'chiếu sáng', 'đèn đường', 'hệ thống đèn', 'tối om', 'lắp đèn'] },
  { key: 'traffic-signal', topic: true, phrases: ['đèn tín hiệu', 'đèn xanh đèn đỏ', 'đèn giao thông', 'biển báo', 'gờ giảm tốc', 'nút giao', 'ngã ba', 'ngã tư'] },
  { key: 'water', topic: true, phrases: ['nước sạch', 'nước máy', 'cấp nước', 'đường ống nước', 'đường ống cấp nước', 'đường ống', 'nước sinh hoạt', 'giếng đào', 'giếng khoan', 'nhiễm phèn', 'nhiễm mặn', 'thiếu nước', 'nước bình', 'giếng'] },
  { key: 'drainage', topic: true, phrases: ['thoát nước', 'ngập úng', 'ngập lụt', 'ngập sâu', 'ngập nước', 'ngập', 'úng', 'đọng nước', 'nước mưa', 'cống thoát', 'mương thoát'] },
  { key: 'waste', topic: true, phrases: ['rác thải', 'thu gom rác', 'thu dọn rác', 'thu gom', 'rác', 'bãi rác', 'vệ sinh môi trường', 'dọn vệ sinh'] },
  { key: 'pollution', topic: true, phrases: ['ô nhiễm', 'mùi hôi', 'hôi thối', 'bốc mùi', 'bụi bặm', 'bụi mù', 'khói bụi', 'bụi', 'nước thải', 'chất thải'] },
  { key: 'erosion', topic: true, phrases: ['sạt lở', 'xói lở', 'sụt trượt', 'sạt taluy', 'taluy', 'mái dốc', 'xâm thực', 'chắn sóng', 'kè chống sạt lở', 'kè', 'lở đất', 'đất đá tràn'] },
  { key: 'accident', topic: true, phrases: ['tai nạn giao thông', 'tai nạn', 'va chạm', 'va quẹt', 'té ngã', 'mất an toàn giao thông'] },
  { key: 'school', topic: true, phrases: ['phòng học', 'lớp học', 'học sinh', 'trường học', 'nhà trường', 'các em'] },
  { key: 'medical', topic: true, phrases: ['bác sĩ', 'y bác sĩ', 'khám bệnh', 'khám chữa bệnh', 'thuốc men', 'trang thiết bị y tế', 'trạm y tế', 'thuốc'] },
  { key: 'irrigation', topic: true, phrases: ['nước tưới', 'tưới tiêu', 'kênh mương', 'kênh tưới', 'kênh', 'mương', 'nạo vét', 'bồi lắng', 'bồi lấp', 'trạm bơm', 'thủy lợi', 'tưới'] },
  { key: 'burial', topic: true, phrases: ['nghĩa trang', 'nghĩa địa', 'chôn cất', 'an táng', 'mồ mả'] },
  { key: 'dogs', topic: true, phrases: ['chó thả rông', 'chó cắn', 'rọ mõm', 'nuôi chó', 'chó'] },
  { key: 'noise', topic: true, phrases: ['tiếng ồn', 'karaoke', 'loa kẹo kéo', 'ồn ào'] },
  { key: 'quarry', topic: true, phrases: ['khai thác đá', 'mỏ đá', 'nổ mìn', 'xe chở đá'] },
  { key: 'community-house', topic: true, phrases: ['nhà văn hóa', 'nhà sinh hoạt cộng đồng', 'nhà sinh hoạt', 'hội trường thôn'] },
  { key: 'market', topic: true, phrases: ['chợ', 'mái che', 'sạp hàng', 'ki ốt'] },
  { key: 'bridge', topic: true, phrases: ['mặt cầu', 'thành cầu', 'lan can cầu', 'cầu'] },
  { key: 'infrastructure', topic: true, phrases: ['hạ tầng', 'cơ sở hạ tầng', 'tái định cư'] },
  // ways of saying it (road classes are part of a road's name: an anchor, not a topic)
  { key: 'road-class', topic: false, phrases: ['quốc lộ', 'đường tỉnh', 'tỉnh lộ', 'đường huyện', 'hương lộ', 'đường xã', 'đường đô thị'] },
  { key: 'damage', topic: false, phrases: ['hư hỏng', 'hư hại', 'xuống cấp', 'ổ gà', 'ổ voi', 'lồi lõm', 'bong tróc', 'sụt lún', 'lún sâu', 'lún', 'nứt', 'gãy', 'cũ nát', 'dột', 'thấm nước', 'dột nát', 'hư'] },
  { key: 'repair', topic: false, phrases: ['sửa chữa', 'nâng cấp', 'khắc phục', 'tu sửa', 'cải tạo', 'làm lại', 'duy tu', 'gia cố', 'tôn tạo', 'kiên cố hóa', 'bê tông hóa'] },
  { key: 'unsafe', topic: false, phrases: ['nguy hiểm', 'mất an toàn', 'không an toàn', 'không bảo đảm an toàn', 'không đảm bảo an toàn'] },
  { key: 'hard-travel', topic: false, phrases: ['đi lại khó khăn', 'đi lại rất khó khăn', 'khó đi lại', 'lầy lội', 'đi lại vất vả'] },
  { key: 'shortage', topic: false, phrases: ['thiếu', 'hết chỗ', 'đã kín', 'chưa có', 'không có'] },
  { key: 'expand', topic: false, phrases: ['mở rộng', 'quy hoạch thêm', 'bổ sung thêm', 'bố trí thêm', 'lắp thêm', 'xây thêm'] },
  { key: 'enforce', topic: false, phrases: ['xử lý', 'xử phạt', 'kiểm tra', 'chấn chỉnh', 'ngăn chặn', 'nhắc nhở'] },
];

export interface ConceptMatch {
  /** Topic concepts: what the text is about. */
  topics: Set<string>;
  /** The other concepts: how it is put. */
  predicates: Set<string>;
}

const TOPIC = new Set(CONCEPTS.filter((c) => c.topic).map((c) => c.key));

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation per mode, longest phrases first, so 'đường ống nước' wins over 'đường'. */
function buildMatcher(folded: boolean): { re: RegExp; conceptOf: Map<string, string> } {
  const conceptOf = new Map<string, string>();
  for (const c of CONCEPTS) {
    for (const p of c.phrases) {
      const key = folded ? fold(p) : matchKey(p);
      if (folded && !key.includes(' ')) continue;
      if (!conceptOf.has(key)) conceptOf.set(key, c.key);
    }
  }
  const alts = [...conceptOf.keys()].sort((a, b) => b.length - a.length).map((k) => escape(k).replace(/ /g, '\\s+'));
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), conceptOf };
}

const ACCENTED = buildMatcher(false);
const FOLDED = buildMatcher(true);

/**
 * Concepts of a preprocessed text. `anchorTexts` (the concrete things named: 'chợ Phổ Văn',
 * 'cầu Suối Đá') are left out first: a shared anchor already says both texts name a market or a
 * bridge, so its keyword is no further evidence of the same issue.
 */
export function concepts(preprocessed: string, anchorTexts: readonly string[] = []): ConceptMatch {
  const key = matchKey(preprocessed);
  const accented = /[^\x00-\x7f]/.test(key);
  const m = accented ? ACCENTED : FOLDED;
  let src = accented ? key : fold(key);
  for (const t of anchorTexts) {
    const k = accented ? matchKey(t) : fold(t);
    if (k) src = src.split(k).join(' ');
  }
  const topics = new Set<string>();
  const predicates = new Set<string>();
  for (const hit of src.matchAll(m.re)) {
    const c = m.conceptOf.get(hit[0].replace(/\s+/g, ' '));
    if (c) (TOPIC.has(c) ? topics : predicates).add(c);
  }
  return { topics, predicates };
}

function common(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/**
 * How much of an issue two texts share: each common topic counts 1, each common predicate ½
 * ('sụt lún… sửa chữa' / 'hư hại… khắc phục' about the same road).
 */
export function sharedIssue(a: ConceptMatch, b: ConceptMatch): number {
  if (!a.topics.size && !a.predicates.size) return 0;
  return common(a.topics, b.topics) + 0.5 * common(a.predicates, b.predicates);
}
