// Demo data of the delegates' portal, on Phường Sa Huỳnh's session being prepared: the ward
// executive's tờ trình published, opened by the demo delegate, then revised and published again
// (so it shows as changed); the committee's report published from its scan; the draft resolution,
// received yesterday, not published yet (delegates do not see it). Three other delegates have
// confirmed attendance (one absent, with reason), one registered to speak with the intended text;
// daibieu.sahuynh has not confirmed attendance yet.
import { and, asc, eq } from 'drizzle-orm';
import type { SeedContext } from '../../../server/module.ts';
import { addDays, todayInVietnam } from '../../../domain/calendar/index.ts';
import type { Actor } from '../../audit/service.ts';
import type { ActionCtx } from '../common.ts';
import { uploadDocumentFile } from '../actions/receipts.ts';
import { demoPdf } from '../seed.ts';
import { councilSessions, sessionDocumentFiles, sessionDocuments, sessionItems } from '../schema.ts';
import { sessionAttendance, sessionSpeakers } from '../portalSchema.ts';
import { publishDocument, recordOpened } from './actions.ts';

export async function seedPortal(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  if (!councilId) return;
  const [s] = await db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.state, 'planned'))).limit(1);
  if (!s) return; // the holiday table does not cover the demo year: no session being prepared
  const docs = await db.select({ doc: sessionDocuments, item: sessionItems }).from(sessionDocuments)
    .innerJoin(sessionItems, eq(sessionItems.id, sessionDocuments.itemId))
    .where(eq(sessionDocuments.sessionId, s.id)).orderBy(asc(sessionItems.position), asc(sessionDocuments.createdAt));
  const submission = docs.find((d) => d.doc.kind === 'submission' && d.doc.agencyId && d.doc.receivedOn)?.doc;
  const bodyReport = docs.find((d) => !d.doc.agencyId && d.doc.receivedVia === 'paper')?.doc;
  if (!submission?.dueDate || !bodyReport?.receivedOn) return;
  const today = todayInVietnam(ctx.today);
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const vp = actor('vp.sahuynh', 'Lê Thị Mỹ');
  const on = (a: Actor, day: string, hour = 3): ActionCtx => ({ db, actor: a, now: new Date(`${day}T0${hour}:00:00Z`) });
  const due = submission.dueDate;

  await publishDocument(on(vp, addDays(due, -2)), councilId, submission.id);
  const delegate = actor('daibieu.sahuynh', 'Đặng Văn Tín');
  const first = await firstFile(db, submission.id);
  await recordOpened(on(delegate, addDays(due, -2), 5), councilId, submission.id, first);
  await uploadDocumentFile(on(actor('ubnd.sahuynh', 'Đỗ Văn Tâm'), addDays(due, -1)), { agencyId: submission.agencyId! }, submission.id, {
    name: `${submission.title} (bản sửa).pdf`, type: 'application/pdf', data: demoPdf(`${submission.title} ban sua`),
  });
  await publishDocument(on(vp, addDays(due, -1), 6), councilId, submission.id);
  // The committee's report came on paper: the secretariat files its scan the same day and publishes it.
  await uploadDocumentFile(on(vp, today), { councilId }, bodyReport.id, { name: `${bodyReport.title}.pdf`, type: 'application/pdf', data: demoPdf(bodyReport.title) }, { receivedOn: bodyReport.receivedOn });
  await publishDocument(on(vp, today, 4), councilId, bodyReport.id);

  // Other delegates (they have no accounts in the demo): their confirmations and a registration.
  const d = (i: number) => ids.get(`delegate:sa-huynh:${i}`)!;
  const at = new Date(`${addDays(today, -1)}T02:00:00Z`);
  await db.insert(sessionAttendance).values([
    { councilId, sessionId: s.id, delegateId: d(0), status: 'present', confirmedAt: at },
    { councilId, sessionId: s.id, delegateId: d(1), status: 'online', confirmedAt: at },
    { councilId, sessionId: s.id, delegateId: d(2), status: 'absent', reason: 'Đi công tác tại tỉnh theo quyết định cử đi học tập kinh nghiệm.', confirmedAt: at },
  ]);
  const item = docs.find((x) => x.doc.id === submission.id)!.item;
  await db.insert(sessionSpeakers).values({
    councilId, sessionId: s.id, itemId: item.id, delegateId: d(0), registeredAt: at, updatedAt: at,
    text: 'Đề nghị làm rõ nguồn thu từ đấu giá quyền sử dụng đất và khả năng cân đối chi đầu tư phát triển.',
  });
}

async function firstFile(db: SeedContext['db'], documentId: string): Promise<string> {
  const [f] = await db.select({ id: sessionDocumentFiles.id }).from(sessionDocumentFiles).where(eq(sessionDocumentFiles.documentId, documentId)).orderBy(asc(sessionDocumentFiles.version)).limit(1);
  return f!.id;
}
