// Demo data of the floor, Phường Sa Huỳnh. The mid-year session (held, closed): the attendance as
// the secretariat checked it on the opening day (five in the room or online, one absent with the
// reason he gave), written as it stood then. The demo session (Kỳ họp thứ 3, where the votes' demo
// also sits): the attendance as the secretariat would check it — in line with what the delegates
// confirmed on the portal (the vice-chair online, one absent with the reason he gave), the others
// in the room — written directly like the held one, since the app checks in only once a session is
// convened; and the speakers' list of the budget tờ trình, one registered in advance on the portal
// and two more the secretariat entered, ordered by the chair through the app.
import { and, asc, eq } from 'drizzle-orm';
import type { SeedContext } from '../../../server/module.ts';
import { addDays, todayInVietnam } from '../../../domain/calendar/index.ts';
import type { Actor } from '../../audit/service.ts';
import type { ActionCtx } from '../common.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { chamberAttendance } from './attendanceSchema.ts';
import { addSpeaker, reorderSpeakers } from './speakers.ts';

export async function seedFloor(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const councilId = ids.get('council:sa-huynh');
  if (!councilId) return;
  const d = (i: number) => ids.get(`delegate:sa-huynh:${i}`)!;
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const vp = actor('vp.sahuynh', 'Lê Thị Mỹ');
  const tt = actor('tt.sahuynh', 'Huỳnh Văn Đạt');
  const sessions = await db.select().from(councilSessions).where(eq(councilSessions.councilId, councilId)).orderBy(asc(councilSessions.openingDate));

  const held = sessions.filter((s) => s.state === 'closed').at(-1);
  if (held) {
    const at = (minute: number) => new Date(`${held.openingDate}T01:${String(minute).padStart(2, '0')}:00Z`);
    const rows: { i: number; status: string; reason?: string }[] = [
      { i: 0, status: 'present' }, { i: 1, status: 'present' }, { i: 2, status: 'present' }, { i: 3, status: 'online' }, { i: 4, status: 'present' },
      { i: 5, status: 'absent', reason: 'Ốm, nằm điều trị tại Trung tâm Y tế thị xã Đức Phổ (đã báo Chủ tọa trước kỳ họp).' },
    ];
    await db.insert(chamberAttendance).values(rows.map((r, n) => ({
      councilId, sessionId: held.id, itemId: null, delegateId: d(r.i), status: r.status, reason: r.reason ?? '', source: 'secretariat',
      recordedBy: vp.id, recordedAt: at(10 + n), checkedInAt: r.status === 'absent' ? null : at(10 + n),
    })));
  }

  const preparing = sessions.find((s) => s.state === 'planned');
  if (!preparing) return;
  const checkedAt = new Date(`${preparing.openingDate}T01:05:00Z`);
  const marks: { i: number; status: string; reason?: string }[] = [
    { i: 0, status: 'present' }, { i: 1, status: 'online' },
    { i: 2, status: 'absent', reason: 'Đi công tác tại tỉnh theo quyết định cử đi học tập kinh nghiệm.' },
    { i: 3, status: 'present' }, { i: 4, status: 'present' }, { i: 5, status: 'present' },
  ];
  await db.insert(chamberAttendance).values(marks.map((r) => ({
    councilId, sessionId: preparing.id, itemId: null, delegateId: d(r.i), status: r.status, reason: r.reason ?? '', source: 'secretariat',
    recordedBy: vp.id, recordedAt: checkedAt, checkedInAt: r.status === 'absent' ? null : checkedAt,
  })));
  const [item] = await db.select().from(sessionItems).where(and(eq(sessionItems.sessionId, preparing.id))).orderBy(asc(sessionItems.position)).limit(1);
  if (!item) return;
  const today = todayInVietnam(ctx.today);
  const on = (a: Actor, hour: number): ActionCtx => ({ db, actor: a, now: new Date(`${addDays(today, 0)}T0${hour}:00:00Z`) });
  await addSpeaker(on(vp, 4), councilId, item.id, { delegateId: d(5), text: 'Kiến nghị bố trí vốn sửa chữa tuyến đường ven biển Sa Huỳnh bị sạt lở.' });
  const list = await addSpeaker(on(vp, 5), councilId, item.id, { delegateId: d(4), kind: 'question' });
  const order = list.items.map((x) => x.id);
  // The chair gives the floor first to the delegate with the question on the budget's revenue.
  await reorderSpeakers(on(tt, 6), councilId, item.id, { order: [order.at(-1)!, ...order.slice(0, -1)], version: list.version });
}
