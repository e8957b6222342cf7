// Thông báo kết luận: the shape of the founding notice (Thông báo kết luận của Thường trực HĐND
// thị xã Đức Phổ tại Hội nghị trực báo, 25/11/2021): header, THÔNG BÁO, subject, what the meeting
// was, the lead sentence, numbered sections (1., 1.1. run-in), the closing sentence, "Nơi nhận"
// and a TL./KT. signature. The user writes the sections; the council's wording gives the rest.
import { z } from '@hono/zod-openapi';
import type { Block } from '../../../domain/documents/content.ts';
import { documentKindInfo } from '../../../domain/documents/format.ts';
import { fillWording } from './registry.ts';
import type { DocumentTemplate } from './registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from './common.ts';

const para = z.string().trim().min(1, { message: 'Đoạn văn không được để trống.' }).max(10_000, { message: 'Đoạn văn dài quá 10.000 ký tự.' });

const Section = z.object({
  title: z.string().trim().min(1, { message: 'Tên mục không được để trống.' }).max(500),
  paragraphs: z.array(para).max(100).default([]),
  /** Sub-sections "1.1. Title: text" (run-in, as in the founding notice). */
  items: z
    .array(z.object({ title: z.string().trim().min(1).max(500), text: z.string().trim().max(10_000).default('') }))
    .max(50)
    .default([]),
  bullets: z.array(para).max(100).default([]),
});

export const ConclusionNoticeParams = z.object({
  subject: z
    .string({ message: 'Trích yếu: phải là chuỗi ký tự.' })
    .trim()
    .min(1, { message: 'Trích yếu không được để trống.' })
    .max(500, { message: 'Trích yếu dài quá 500 ký tự.' }),
  /** Who concluded ("đồng chí Nguyễn Văn An - Chủ tịch HĐND phường"): the {chairPerson} placeholder. */
  chairPerson: z.string().trim().max(300).optional(),
  intro: z.array(para).min(1, { message: 'Cần ít nhất một đoạn mở đầu (thời gian, địa điểm, thành phần hội nghị).' }).max(20),
  sections: z.array(Section).min(1, { message: 'Cần ít nhất một mục kết luận.' }).max(30),
  ...SignatureParams,
});
export type ConclusionNoticeParams = z.infer<typeof ConclusionNoticeParams>;

export const conclusionNotice: DocumentTemplate<ConclusionNoticeParams> = {
  key: 'conclusion_notice',
  title: 'Thông báo kết luận',
  kind: 'thong_bao',
  module: 'documents',
  description: 'Thông báo kết luận của Thường trực HĐND tại hội nghị, cuộc họp (như Thông báo kết luận hội nghị trực báo).',
  defaultIssuerKind: 'standing',
  wording: {
    lead: {
      label: 'Câu dẫn trước các nội dung kết luận',
      default:
        'Qua ý kiến phát biểu, thảo luận của các cơ quan, đơn vị, địa phương tham gia hội nghị; {chairPerson} thay mặt Thường trực {council} kết luận một số nội dung sau:',
    },
    closing: {
      label: 'Câu kết thúc',
      default: 'Thừa lệnh Thường trực {council}, Văn phòng thông báo đến các cơ quan, đơn vị, địa phương liên quan biết, phối hợp thực hiện./.',
    },
    ...signatureSlots({
      lines: 'TL. THƯỜNG TRỰC HĐND\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG',
      recipients: [
        'TT Đảng ủy {level}',
        'TT {council}',
        'Các Ban {council}',
        'UBND {level}',
        'BTT UBMTTQVN {level}',
        'Tổ trưởng các Tổ đại biểu {council}',
        'Các cơ quan, đơn vị liên quan',
        'Lưu: VT',
      ].join('\n'),
    }),
  },
  params: ConclusionNoticeParams as unknown as z.ZodType<ConclusionNoticeParams>,
  async build(_tx, p, wording, ctx) {
    const vars = varsOf(ctx, { chairPerson: p.chairPerson?.trim() || `Thường trực ${ctx.council.shortName}` });
    const body: Block[] = [];
    for (const text of p.intro) body.push({ type: 'paragraph', text });
    const lead = fillWording(wording.lead ?? '', vars).trim();
    if (lead) body.push({ type: 'paragraph', text: lead });
    p.sections.forEach((s, i) => {
      body.push({ type: 'heading', level: 2, text: s.title });
      for (const text of s.paragraphs) body.push({ type: 'paragraph', text });
      s.items.forEach((item, j) => {
        const title = /[:.]$/.test(item.title) ? item.title : `${item.title}:`;
        body.push({
          type: 'heading', level: 3, number: `${i + 1}.${j + 1}.`, text: title, ...(item.text ? { runIn: item.text } : {}),
        });
      });
      if (s.bullets.length > 0) body.push({ type: 'list', style: 'bullets', items: s.bullets });
    });
    const closing = fillWording(wording.closing ?? '', vars).trim();
    if (closing) body.push({ type: 'paragraph', text: closing });
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('thong_bao').title!,
      subject: p.subject,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};
