// Helpers for the documents tests: a conclusion notice's params, and the text of a .docx.
import { strFromU8, unzipSync } from 'fflate';

export function noticeParams(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Kết luận của Thường trực HĐND phường tại Hội nghị trực báo ngày 20/11/2026',
    chairPerson: 'đồng chí Nguyễn Văn An - Chủ tịch HĐND phường',
    intro: [
      'Ngày 20/11/2026, tại Hội trường UBND phường, Thường trực HĐND phường tổ chức Hội nghị trực báo để đánh giá tình hình hoạt động năm 2026.',
    ],
    sections: [
      {
        title: 'Kết quả đạt được',
        items: [{ title: 'Trong hoạt động giám sát', text: 'Thường trực và các Ban HĐND phường đã tổ chức 05 đợt giám sát và 01 đợt khảo sát.' }],
      },
      {
        title: 'Nhiệm vụ năm 2027',
        paragraphs: ['Tiếp tục đổi mới công tác tổ chức kỳ họp & nâng cao chất lượng thẩm tra.'],
        bullets: ['Theo dõi, đôn đốc việc giải quyết kiến nghị của cử tri'],
      },
    ],
    signerName: 'Trần Duy Khánh',
    ...overrides,
  };
}

/** The visible text of word/document.xml, paragraph by paragraph. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const paras = xml.split(/<\/w:p>/);
  return paras
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((m) => (m[1] !== undefined ? m[1] : ' '))
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t.length > 0);
}

export function docxText(bytes: Uint8Array): string {
  return docxParagraphs(bytes).join('\n');
}

export async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}
