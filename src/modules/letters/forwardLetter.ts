// The forwarding letter (công văn chuyển đơn, ND30): the council sends a citizen's letter to the
// competent body and asks for the result by the due date the letter's rule set gives. A
// denunciation's letter names no one (Luật Tố cáo Điều 47–48): only its reference.
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { notFound } from '../../server/errors.ts';
import { formatShortDate } from '../../domain/documents/format.ts';
import { LETTER_KIND_LABELS, type LetterKind } from '../../domain/letters/index.ts';
import { agencies } from '../directory/schema.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../documents/templates/common.ts';
import { letterSigners, letters } from './schema.ts';

const Params = z.object({
  letterId: z.string().uuid({ message: 'Mã đơn không hợp lệ.' }),
  agencyId: z.string().uuid({ message: 'Mã cơ quan không hợp lệ.' }),
  due: z.string(),
  ...SignatureParams,
});
type Params = z.infer<typeof Params>;

export const LETTER_FORWARD_TEMPLATE = 'letter_forwarding';

export const letterForwarding: DocumentTemplate<Params> = {
  key: LETTER_FORWARD_TEMPLATE,
  title: 'Công văn chuyển đơn của công dân',
  kind: 'cong_van',
  module: 'letters',
  description: 'Công văn chuyển đơn khiếu nại, tố cáo, kiến nghị, phản ánh của công dân đến cơ quan có thẩm quyền giải quyết, đề nghị thông báo kết quả.',
  defaultIssuerKind: 'standing',
  draftingUnit: 'VP',
  wording: {
    opening: {
      label: 'Đoạn mở đầu ({received}, {kind}, {from}, {summary} được thay bằng thông tin của đơn)',
      default: 'Ngày {received}, Thường trực {council} nhận được {kind} {from}, với nội dung: {summary}',
    },
    request: {
      label: 'Đề nghị ({agency}, {due} được thay bằng cơ quan nhận và hạn thông báo kết quả)',
      default:
        'Căn cứ quy định của pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh, Thường trực {council} chuyển đơn nêu trên đến {agency} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả giải quyết về Thường trực {council} (qua Văn phòng) trước ngày {due}./.',
    },
    ...signatureSlots({ lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH', recipients: ['Như trên', 'Người gửi đơn (để biết)', 'Lưu: VT, hồ sơ đơn'].join('\n') }),
  },
  params: Params as unknown as z.ZodType<Params>,
  async build(tx, p, wording, ctx) {
    const [l] = await tx.select().from(letters).where(eq(letters.id, p.letterId));
    if (!l || l.councilId !== ctx.councilId) throw notFound('đơn');
    const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, p.agencyId));
    if (!agency) throw notFound('cơ quan');
    const signers = await tx.select().from(letterSigners).where(eq(letterSigners.letterId, l.id)).orderBy(letterSigners.position);
    const protectedIdentity = l.handleAsDenunciation || l.anonymous || signers.length === 0;
    const from = protectedIdentity
      ? `(số hiệu đơn ${l.reference}${l.handleAsDenunciation ? '; thông tin người tố cáo được giữ bí mật theo quy định' : ''})`
      : `của ${signers[0]!.name}${signers[0]!.address ? ` (địa chỉ: ${signers[0]!.address})` : ''}${signers.length > 1 ? ` và ${signers.length - 1} người khác cùng ký` : ''}`;
    const vars = varsOf(ctx, {
      received: formatShortDate(l.receivedOn),
      kind: `đơn ${LETTER_KIND_LABELS[l.kind as LetterKind].toLowerCase()}`,
      from,
      summary: l.summary.endsWith('.') ? l.summary : `${l.summary}.`,
      agency: agency.name,
      due: formatShortDate(p.due),
    });
    return {
      header: headerOf(ctx, 'V/v chuyển đơn của công dân'),
      kinhGui: [agency.name],
      body: [
        { type: 'paragraph', text: fillWording(wording.opening ?? '', vars) },
        { type: 'paragraph', text: fillWording(wording.request ?? '', vars) },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export function registerLetterTemplates(): void {
  if (!getTemplate(LETTER_FORWARD_TEMPLATE)) registerTemplate(letterForwarding);
}
