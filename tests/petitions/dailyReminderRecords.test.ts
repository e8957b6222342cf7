// The daily job records what it urged: one reminder per agency and council per day (source 'job',
// by the system), listing the overdue petitions its e-mail urged; the reminders page and each
// petition's timeline show it; a second run the same day, or two processes at once, add nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import type { WorkingCalendar } from '../../src/domain/calendar/index.ts';
import { loadCalendar } from '../../src/modules/petitions/common.ts';
import { AUTO_REMINDER_NOTE, REMINDER_JOB, runDailyReminders } from '../../src/modules/petitions/jobs/dailyReminders.ts';
import { jobRuns, reminders } from '../../src/modules/petitions/schema.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { json, startSmtp } from './support.ts';
import { dispatchedPetition } from './dispatchSupport.ts';

type Petition = Awaited<ReturnType<typeof dispatchedPetition>>;
interface Reminder { id: string; agencyId: string; agencyName: string; source: string; note: string; sentOn: string; petitionIds: string[] }

/** The e-mail's entries as (council name, petition number, status label). */
function mailEntries(body: string) {
  const lines = body.split(/\r?\n/);
  const out: { council: string; number: number; status: string }[] = [];
  lines.forEach((l, i) => {
    const m = /^- Kiến nghị số (\d+) \(([^,)]+)/.exec(l);
    if (m) out.push({ number: Number(m[1]), council: m[2]!, status: (lines[i + 1] ?? '').trim().split(' — ')[0]! });
  });
  return out;
}

for (const kind of dbKinds()) {
  describe(`petitions: the daily job records its reminders [${kind}]`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let calendar: WorkingCalendar;
    let wardLate: Petition;
    let provLate: Petition;
    let wardSoon: Petition;
    let day: string;
    const config = () => ({
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' },
    });
    const deps = () => ({ db: t.db, clock: () => t.now, config: config() });
    const wardId = () => t.id('council:sa-huynh');
    const provId = () => t.id('council:province');
    const agencyId = () => t.id('agency:so-xay-dung');
    const jobReminders = async (councilId: string, vpUser: string) => {
      const vp = await t.as(vpUser);
      const list = await json<{ items: Reminder[] }>(vp.get(`/api/councils/${councilId}/reminders?agencyId=${agencyId()}&pageSize=100`));
      return list.items.filter((r) => r.source === 'job');
    };
    /** (agency, council, day) keys of the job's reminders that occur more than once. */
    const duplicates = async () =>
      t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(reminders)
        .where(eq(reminders.source, 'job'))
        .groupBy(reminders.agencyId, reminders.councilId, reminders.sentOn)
        .having(sql`count(*) > 1`);
    const countJobReminders = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(reminders).where(eq(reminders.source, 'job')))[0]!.n;

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(kind, { config: config() });
      calendar = await loadCalendar(t.db);
      // Two petitions late at the Sở Xây dựng, one from the ward and one from the province …
      wardLate = await dispatchedPetition(t, await t.as('vp.sahuynh'), 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị sửa chữa cầu treo qua sông Trà Câu bị hư hỏng.', '2026-11-26');
      provLate = await dispatchedPetition(t, await t.as('vp.tinh'), 'province', 'sa-huynh', 'so-xay-dung', 'Đề nghị đầu tư tuyến đường ven biển Sa Huỳnh – Mỹ Á.', '2026-11-26');
      // … and one of the ward's only due soon on the job's day.
      t.setNow('2026-12-07T02:00:00Z');
      wardSoon = await dispatchedPetition(t, await t.as('vp.sahuynh'), 'sa-huynh', 'sa-huynh', 'so-xay-dung', 'Đề nghị nạo vét cửa biển Sa Huỳnh để tàu cá ra vào an toàn.', '2026-12-07');
      day = calendar.addWorkingDays(wardSoon.dueDate, -2);
      expect(day > wardLate.dueDate && day > provLate.dueDate).toBe(true);
      t.setNow(`${day}T02:00:00Z`);
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('creates one reminder per agency and council with the overdue petitions the e-mail urged', async () => {
      const run = await runDailyReminders(deps());
      expect(run).toMatchObject({ ran: true, day });
      expect((run as { reminders: number }).reminders).toBeGreaterThanOrEqual(2);

      const ward = await jobReminders(wardId(), 'vp.sahuynh');
      const prov = await jobReminders(provId(), 'vp.tinh');
      expect(ward).toHaveLength(1);
      expect(prov).toHaveLength(1);
      expect(ward[0]).toMatchObject({ sentOn: day, note: AUTO_REMINDER_NOTE.mail, agencyName: 'Sở Xây dựng tỉnh Quảng Ngãi' });
      expect(ward[0]!.petitionIds).toContain(wardLate.id);
      expect(ward[0]!.petitionIds).not.toContain(wardSoon.id); // due soon is a heads-up, not a reminder
      expect(prov[0]!.petitionIds).toContain(provLate.id);
      expect(await duplicates()).toEqual([]);

      // The e-mail and the records agree: the overdue entries of each council are the record's petitions.
      const mail = smtp.mails.find((m) => m.to.includes('soxaydung@example.vn'))!;
      expect(mail.subject).toContain('Đôn đốc trả lời kiến nghị của cử tri');
      const entries = mailEntries(mail.body);
      expect(entries.find((e) => e.number === wardSoon.number && e.council.includes('Sa Huỳnh'))?.status).toBe('Sắp đến hạn');
      const councils = [
        [wardId(), 'vp.sahuynh', 'Hội đồng nhân dân phường Sa Huỳnh', ward[0]!],
        [provId(), 'vp.tinh', 'Hội đồng nhân dân tỉnh Quảng Ngãi', prov[0]!],
      ] as const;
      for (const [councilId, vpUser, councilName, record] of councils) {
        const vp = await t.as(vpUser);
        const numbers = await Promise.all(record.petitionIds.map(async (id) => (await json(vp.get(`/api/councils/${councilId}/petitions/${id}`))).number as number));
        const urged = entries.filter((e) => e.council === councilName && e.status.startsWith('Quá hạn')).map((e) => e.number);
        expect(urged.length).toBeGreaterThan(0);
        expect(new Set(numbers)).toEqual(new Set(urged));
      }

      // The system is the actor of the record and of each petition's "Đôn đốc" event.
      const [created] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'reminder'), eq(auditEvents.entityId, ward[0]!.id)));
      expect(created).toMatchObject({ action: 'reminder.create', actorId: null, actorName: 'Hệ thống' });
      const vp = await t.as('vp.sahuynh');
      const { items: timeline } = await json<{ items: { action: string; actorName: string }[] }>(vp.get(`/api/councils/${wardId()}/petitions/${wardLate.id}/timeline?pageSize=200`));
      expect(timeline.filter((e) => e.action === 'petition.remind')).toEqual([expect.objectContaining({ actorName: 'Hệ thống' })]);
      const { items: soonTimeline } = await json<{ items: { action: string }[] }>(vp.get(`/api/councils/${wardId()}/petitions/${wardSoon.id}/timeline?pageSize=200`));
      expect(soonTimeline.some((e) => e.action === 'petition.remind')).toBe(false);
    });

    it('a second run the same day creates none, even when the day\'s claim is cleared', async () => {
      const before = await countJobReminders();
      expect((await runDailyReminders(deps())).ran).toBe(false);
      expect(await countJobReminders()).toBe(before);
      // Someone clears the day's job_runs row and runs it again: no second record per agency and council.
      await t.db.delete(jobRuns).where(and(eq(jobRuns.job, REMINDER_JOB), eq(jobRuns.day, day)));
      const again = await runDailyReminders(deps());
      expect(again).toMatchObject({ ran: true, reminders: 0 });
      expect(await countJobReminders()).toBe(before);
      expect(await jobReminders(wardId(), 'vp.sahuynh')).toHaveLength(1);
    });

    it('two processes on the next day: one runs, one reminder per agency and council', async () => {
      const next = calendar.addWorkingDays(day, 1);
      t.setNow(`${next}T02:00:00Z`);
      const runs = await Promise.all([runDailyReminders(deps()), runDailyReminders(deps())]);
      expect(runs.filter((r) => r.ran)).toHaveLength(1);
      const ward = await jobReminders(wardId(), 'vp.sahuynh');
      expect(ward.map((r) => r.sentOn).sort()).toEqual([day, next]);
      // The petition due soon yesterday is now due today or overdue by its council's rules; either
      // way the records of each day list only what was overdue on that day.
      const today = ward.find((r) => r.sentOn === next)!;
      expect(today.petitionIds).toContain(wardLate.id);
      expect(today.petitionIds.includes(wardSoon.id)).toBe(wardSoon.dueDate < next);
      expect(await duplicates()).toEqual([]);
      // Each day's e-mail adds one "Đôn đốc" to the timeline: two so far.
      const vp = await t.as('vp.sahuynh');
      const { items: timeline } = await json<{ items: { action: string }[] }>(vp.get(`/api/councils/${wardId()}/petitions/${wardLate.id}/timeline?pageSize=200`));
      expect(timeline.filter((e) => e.action === 'petition.remind')).toHaveLength(2);
    });
  });
}
