// Giấy chứng nhận hoàn thành lớp bồi dưỡng (ND30 layout, kind GCN): who, which class of which
// course, when, how many sessions attended against the share required — built from the data of
// the enrolment when issued (actions issueCertificate), numbered in the register.
import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { documentKindInfo, formatShortDate, twoDigits } from '../../domain/documents/format.ts';
import { fillWording, getTemplate, registerTemplate, type DocumentTemplate } from '../documents/templates/registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, varsOf } from '../documents/templates/common.ts';
import { notFound } from '../../server/errors.ts';
import { sessionsNeeded, shareInForce } from '../../domain/training/index.ts';
import { delegates, terms } from '../directory/schema.ts';
import { councilShare, MODE_LABELS } from './common.ts';
import { trainingAttendance, trainingClasses, trainingCourses, trainingEnrolments, trainingSessions } from './schema.ts';

const Params = z.object({ enrolmentId: z.string().uuid({ message: 'Mã ghi danh không hợp lệ.' }), ...SignatureParams });
type Params = z.infer<typeof Params>;

export const TRAINING_CERTIFICATE_TEMPLATE = 'training_certificate';

const range = (from: string, to: string) => (from === to ? `ngày ${formatShortDate(from)}` : `từ ngày ${formatShortDate(from)} đến ngày ${formatShortDate(to)}`);

export const trainingCertificate: DocumentTemplate<Params> = {
  key: TRAINING_CERTIFICATE_TEMPLATE,
  title: 'Giấy chứng nhận hoàn thành lớp bồi dưỡng đại biểu',
  kind: 'giay_chung_nhan',
  module: 'training',
  description: 'Chứng nhận đại biểu HĐND đã hoàn thành một lớp bồi dưỡng (tham dự đủ tỷ lệ buổi học theo quy định của khóa).',
  defaultIssuerKind: 'standing',
  wording: {
    intro: { label: 'Dòng mở đầu', default: 'Thường trực {council} chứng nhận:' },
    closing: { label: 'Đoạn kết', default: 'Giấy chứng nhận này là căn cứ ghi nhận kết quả bồi dưỡng trong hồ sơ đại biểu Hội đồng nhân dân nhiệm kỳ {term}./.' },
    ...signatureSlots({ lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH', recipients: ['Người được chứng nhận', 'Lưu: VT, hồ sơ đại biểu'].join('\n') }),
  },
  params: Params as unknown as z.ZodType<Params>,
  async build(tx, p, wording, ctx) {
    const [r] = await tx.select({ e: trainingEnrolments, cl: trainingClasses, course: trainingCourses, d: delegates, termName: terms.name, startYear: terms.startYear, endYear: terms.endYear })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .innerJoin(delegates, eq(delegates.id, trainingEnrolments.delegateId))
      .innerJoin(terms, eq(terms.id, trainingCourses.termId))
      .where(and(eq(trainingEnrolments.id, p.enrolmentId), eq(trainingClasses.councilId, ctx.councilId)));
    if (!r) throw notFound('ghi danh');
    const [a] = await tx.select({ n: sql<number>`count(*)::int`, present: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'present')::int` })
      .from(trainingSessions).leftJoin(trainingAttendance, and(eq(trainingAttendance.sessionId, trainingSessions.id), eq(trainingAttendance.enrolmentId, r.e.id)))
      .where(eq(trainingSessions.classId, r.cl.id));
    const share = shareInForce(r.course.completionShare, await councilShare(tx, ctx.councilId)).share;
    const sessions = a?.n ?? 0;
    const term = `${r.startYear}–${r.endYear}`;
    const vars = varsOf(ctx, { term });
    const title = r.d.gender === 'female' ? 'Bà' : r.d.gender === 'male' ? 'Ông' : 'Ông/Bà';
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('giay_chung_nhan').title!,
      subject: 'Hoàn thành lớp bồi dưỡng đại biểu Hội đồng nhân dân',
      body: [
        { type: 'paragraph', text: fillWording(wording.intro ?? '', vars) },
        { type: 'paragraph', text: [`${title}: `, { text: r.d.fullName, bold: true }, r.d.birthYear ? `, sinh năm ${r.d.birthYear}` : ''] },
        { type: 'paragraph', text: `Đại biểu ${ctx.council.name} ${r.termName}, nhiệm kỳ ${term}${r.d.position && r.d.position !== 'Đại biểu' ? `; ${r.d.position}` : ''}.` },
        { type: 'paragraph', text: ['Đã hoàn thành: ', { text: r.cl.title, bold: true }, `, thuộc khóa bồi dưỡng “${r.course.title}”${r.course.programme ? ` (${r.course.programme})` : ''}.`] },
        { type: 'paragraph', text: `Thời gian: ${range(r.cl.startsOn, r.cl.endsOn)}; hình thức: ${(MODE_LABELS[r.course.mode] ?? r.course.mode).toLowerCase()}${r.cl.place ? `; địa điểm: ${r.cl.place}` : ''}.` },
        { type: 'paragraph', text: `Số buổi tham dự: ${twoDigits(a?.present ?? 0)}/${twoDigits(sessions)} buổi (yêu cầu tối thiểu ${twoDigits(sessionsNeeded(sessions, share))} buổi, ${Math.round(share * 100)}% số buổi của lớp).` },
        { type: 'paragraph', text: fillWording(wording.closing ?? '', vars) },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export function registerTrainingTemplates(): void {
  if (!getTemplate(TRAINING_CERTIFICATE_TEMPLATE)) registerTemplate(trainingCertificate);
}
