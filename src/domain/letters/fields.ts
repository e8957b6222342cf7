/**
 * Fields (lĩnh vực) of citizen letters, as data: the shipped default taxonomy a council replaces
 * with its own (letters.md "Classification"; the categories follow the usual split of letters
 * into administrative fields — đất đai, môi trường, chính sách xã hội… — and tư pháp; UNVERIFIED
 * against TT 05/2021/TT-TTCP, CONFIGURABLE). The suggestion is the text engine's suggestField
 * with this taxonomy; the clerk confirms or changes it.
 */
import { suggestField, type FieldSuggestion } from '../text/classify.ts';
import { DEFAULT_FIELDS, type FieldDefinition } from '../text/fields.ts';

const petitionKeywords = (code: string): string[] => DEFAULT_FIELDS.find((f) => f.code === code)?.keywords ?? [];

/** The default fields of letters; keywords partly shared with the petitions taxonomy. */
export const DEFAULT_LETTER_FIELDS: readonly FieldDefinition[] = [
  { code: 'land', name: 'Đất đai', keywords: petitionKeywords('land') },
  { code: 'environment', name: 'Môi trường', keywords: petitionKeywords('environment') },
  { code: 'social_policy', name: 'Chính sách xã hội', keywords: [...petitionKeywords('social_policy'), ...petitionKeywords('labour')] },
  {
    code: 'justice', name: 'Tư pháp',
    keywords: [
      'tòa án', 'bản án', 'thi hành án', 'viện kiểm sát', 'điều tra', 'công an điều tra', 'khởi tố', 'tạm giam', 'xét xử', 'hộ tịch',
      'công chứng', 'chứng thực', 'trợ giúp pháp lý', 'giám định', 'án dân sự', 'cưỡng chế thi hành án',
    ],
  },
  { code: 'construction', name: 'Xây dựng, nhà ở', keywords: petitionKeywords('construction') },
  { code: 'officials', name: 'Cán bộ, công chức; tham nhũng, tiêu cực', keywords: ['cán bộ', 'công chức', 'nhận tiền', 'tham nhũng', 'tiêu cực', 'hối lộ', 'lạm quyền', 'nhũng nhiễu', 'gây phiền hà', 'vi phạm đạo đức', 'thiếu trách nhiệm'] },
  { code: 'finance', name: 'Tài chính, thuế, ngân sách', keywords: petitionKeywords('finance') },
  { code: 'transport', name: 'Giao thông', keywords: petitionKeywords('transport') },
  { code: 'health_education', name: 'Y tế, giáo dục', keywords: [...petitionKeywords('health'), ...petitionKeywords('education')] },
  { code: 'other', name: 'Lĩnh vực khác', keywords: [] },
];

export const LETTER_FIELD_OTHER = 'other';

/** The field the text engine suggests for a letter (null when nothing points anywhere); the clerk decides. */
export function suggestLetterField(text: string, taxonomy: readonly FieldDefinition[] = DEFAULT_LETTER_FIELDS): FieldSuggestion {
  return suggestField(text, { taxonomy: taxonomy.filter((f) => f.keywords.length > 0) });
}

/** The name of a field code in a taxonomy ("Chưa phân lĩnh vực" for none, the code itself if it left the taxonomy). */
export function letterFieldName(code: string | null, taxonomy: readonly FieldDefinition[]): string {
  if (!code) return 'Chưa phân lĩnh vực';
  return taxonomy.find((f) => f.code === code)?.name ?? code;
}
