// Thông báo to the citizen who sent a letter (ND30; Luật Tiếp công dân Điều 28 k1, C1 ≤ 10 working
// days from receipt): accepted for handling (thụ lý), guided (hướng dẫn: where to send it), or
// forwarded (chuyển đơn: to whom, with the công văn's number). A denunciation's or an anonymous
// letter's notice names no one and quotes no content: only its reference (the document register
// is read by more people than the named handlers; the address goes on the envelope by hand).
import { z } from '@hono/zod-openapi';
import { asc, desc, eq } from 'drizzle-orm';
import { conflict, notFound } from '../../server/errors.ts';
import { formatShortDate } from '../../domain/documents/format.ts';
import { LETTER_KIND_LABELS, type LetterKind } from '../../domain/letters/index.ts';
import { agencies } from '../directory/schema.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../documents/templates/common.ts';
import { letterForwardings, letterSigners, letters } from './schema.ts';

export const NOTICE_KINDS = ['accepted', 'guidance', 'forwarded'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  accepted: 'Thông báo thụ lý đơn',
  guidance: 'Thông báo hướng dẫn người gửi đơn',
  forwarded: 'Thông báo chuyển đơn',
};

const Params = z.object({
  letterId: z.string().uuid({ message: 'Mã đơn không hợp lệ.' }),
  noticeKind: z.enum(NOTICE_KINDS, { message: 'Loại thông báo phải là thụ lý, hướng dẫn hoặc chuyển đơn.' }),
  /** For guidance: where and how the citizen should send the letter (default: the letter's guidance note). */
  guidance: z.string().trim().max(3000, { message: 'Nội dung hướng dẫn dài quá 3.000 ký tự.' }).optional(),
  ...SignatureParams,
});
type Params = z.infer<typeof Params>;

const SUBJECTS: Record<NoticeKind, string> = { accepted: 'Về việc thụ lý đơn', guidance: 'Về việc hướng dẫn gửi đơn', forwarded: 'Về việc chuyển đơn' };

export const LETTER_NOTICE_TEMPLATE = 'letter_notice';

export const letterNotice: DocumentTemplate<Params> = {
  key: LETTER_NOTICE_TEMPLATE,
  title: 'Thông báo cho người gửi đơn (thụ lý, hướng dẫn, chuyển đơn)',
  kind: 'thong_bao',
  module: 'letters',
  description: 'Thông báo cho công dân việc thụ lý đơn, hướng dẫn gửi đơn đến cơ quan có thẩm quyền hoặc đã chuyển đơn (trong 10 ngày làm việc kể từ ngày nhận đơn).',
  defaultIssuerKind: 'standing',
  draftingUnit: 'VP',
  wording: {
    opening: { label: 'Đoạn mở đầu ({received}, {kind}, {reference} được thay bằng thông tin của đơn)', default: 'Ngày {received}, Thường trực {council} nhận được {kind} của Ông (Bà) (số hiệu đơn {reference}){summary}' },
    accepted: { label: 'Thụ lý', default: 'Căn cứ quy định của pháp luật, nội dung đơn thuộc thẩm quyền giải quyết; Thường trực {council} thông báo đơn đã được thụ lý để xem xét, giải quyết theo quy định.' },
    guidance: { label: 'Hướng dẫn ({guidance} được thay bằng nội dung hướng dẫn)', default: 'Nội dung đơn không thuộc thẩm quyền giải quyết của Thường trực {council}. Đề nghị Ông (Bà): {guidance}' },
    forwarded: { label: 'Chuyển đơn ({agency}, {letterNumber}, {forwardedOn} được thay bằng thông tin chuyển đơn)', default: 'Thường trực {council} đã chuyển đơn đến {agency} bằng Công văn số {letterNumber} ngày {forwardedOn} để xem xét, giải quyết theo thẩm quyền. Đề nghị Ông (Bà) liên hệ {agency} để được giải quyết.' },
    closing: { label: 'Đoạn kết', default: 'Thường trực {council} thông báo để Ông (Bà) được biết./.' },
    ...signatureSlots({ lines: 'TL. THƯỜNG TRỰC HĐND\nCHÁNH VĂN PHÒNG', recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'].join('\n') }),
  },
  params: Params as unknown as z.ZodType<Params>,
  async build(tx, p, wording, ctx) {
    const [l] = await tx.select().from(letters).where(eq(letters.id, p.letterId));
    if (!l || l.councilId !== ctx.councilId) throw notFound('đơn');
    const signers = await tx.select().from(letterSigners).where(eq(letterSigners.letterId, l.id)).orderBy(asc(letterSigners.position));
    const protectedIdentity = l.handleAsDenunciation || l.anonymous || signers.length === 0;
    if (l.anonymous || signers.length === 0) throw conflict('Đơn không rõ họ tên người gửi: không có người nhận thông báo.');
    const [fw] = await tx.select({ f: letterForwardings, agency: agencies.name }).from(letterForwardings).innerJoin(agencies, eq(agencies.id, letterForwardings.toAgencyId))
      .where(eq(letterForwardings.letterId, l.id)).orderBy(desc(letterForwardings.createdAt)).limit(1);
    if (p.noticeKind === 'forwarded' && !fw) throw conflict('Đơn chưa được chuyển: chưa có công văn chuyển đơn để thông báo.');
    const guidanceText = p.guidance?.trim() || l.outcomeNote.trim();
    if (p.noticeKind === 'guidance' && !guidanceText) throw conflict('Cần nội dung hướng dẫn (nơi, cách gửi đơn) để thông báo cho người gửi đơn.');
    if (p.noticeKind === 'accepted' && l.competence !== 'ours') throw conflict('Đơn không thuộc thẩm quyền: không thông báo thụ lý (hãy hướng dẫn hoặc chuyển đơn).');
    const first = signers[0]!;
    const vars = varsOf(ctx, {
      received: formatShortDate(l.receivedOn),
      kind: `đơn ${LETTER_KIND_LABELS[l.kind as LetterKind].toLowerCase()}`,
      reference: l.reference,
      summary: protectedIdentity ? '.' : `, với nội dung: ${l.summary.endsWith('.') ? l.summary : `${l.summary}.`}`,
      guidance: guidanceText.endsWith('.') ? guidanceText : `${guidanceText}.`,
      agency: fw?.agency ?? '',
      letterNumber: fw?.f.letterNumber ?? '',
      forwardedOn: fw ? formatShortDate(fw.f.forwardedOn) : '',
    });
    const to = protectedIdentity ? `Người gửi đơn số hiệu ${l.reference}` : `Ông (Bà) ${first.name}${first.address ? `, ${first.address}` : ''}`;
    return {
      header: headerOf(ctx),
      kindTitle: 'THÔNG BÁO',
      subject: `${SUBJECTS[p.noticeKind]} ${l.reference}`,
      kinhGui: [to],
      body: [
        { type: 'paragraph', text: fillWording(wording.opening ?? '', vars) },
        { type: 'paragraph', text: fillWording(wording[p.noticeKind] ?? '', vars) },
        { type: 'paragraph', text: fillWording(wording.closing ?? '', vars) },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export function registerLetterNotice(): void {
  if (!getTemplate(LETTER_NOTICE_TEMPLATE)) registerTemplate(letterNotice);
}
