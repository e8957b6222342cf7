// The sessions chain through the API, on each database: the profile with its marked defaults, a
// session with items and expected documents whose due dates cross Tết 2026 and a swapped Saturday,
// receipts (upload and paper), lateness per presenting agency against a count done here, the joint
// conference and agenda versions, states, and the upper-level "sessions held".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';

interface Doc { id: string; kind: string; dueDate: string | null; receivedOn: string | null; lastRevisedOn: string | null; timing: string; daysLate: number | null; timingLabel: string; presenterId: string; presenterName: string; files: { id: string; version: number }[] }
interface Item { id: string; title: string; state: string; presenterName: string; documents: Doc[] }
interface Detail { id: string; state: string; openingDate: string; ruleSetKey: string; items: Item[]; lateness: { agencyId: string; agencyName: string; documents: number; late: number; averageDaysLate: number | null }[]; agendaVersions: { number: number; approvedOn: string | null; changes: string[] }[]; jointConference: unknown; actions: string[] }

/** Calendar days from a to b, by plain date arithmetic (independent of the domain code). */
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Lateness per presenter counted here: late = received after due, or not received and due before today. */
function countLateness(docs: Doc[], today: string) {
  const by = new Map<string, { documents: number; late: number; days: number }>();
  for (const d of docs) {
    const a = by.get(d.presenterId) ?? { documents: 0, late: 0, days: 0 };
    a.documents++;
    if (d.dueDate) {
      const end = d.receivedOn ?? today;
      const late = dayDiff(d.dueDate, end);
      if (late > 0) {
        a.late++;
        a.days += late;
      }
    }
    by.set(d.presenterId, a);
  }
  return new Map([...by].map(([k, v]) => [k, { documents: v.documents, late: v.late, averageDaysLate: v.late ? Math.round((v.days / v.late) * 10) / 10 : null }]));
}

function pdfForm(name = 'to-trinh.pdf', data: Uint8Array = demoPdf('To trinh')) {
  const f = new FormData();
  f.append('file', new Blob([data as BlobPart], { type: 'application/pdf' }), name);
  return f;
}

for (const kind of dbKinds()) {
  describe(`sessions chain [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let sh: string;
    const today = '2026-11-26';
    beforeAll(async () => {
      t = await createTestApp(kind, { now: `${today}T02:00:00Z` });
      vp = await t.as('vp.sahuynh');
      sh = t.id('council:sa-huynh');
    }, 120_000);
    afterAll(() => t?.close());

    const detail = (sessionId: string, c: TestClient = vp) => json<Detail>(c.get(`/api/councils/${sh}/sessions/${sessionId}`));

    it('demo: the ward prepares a session whose lateness per presenting agency equals a count done here', async () => {
      const list = await json<{ items: { id: string; state: string; title: string }[]; total: number }>(vp.get(`/api/councils/${sh}/sessions`));
      expect(list.total).toBe(3);
      const preparing = list.items.find((s) => s.state === 'planned')!;
      expect(preparing.title).toBe('Kỳ họp thứ 3');
      const d = await detail(preparing.id);
      const docs = d.items.flatMap((i) => i.documents);
      expect(new Set(docs.map((x) => x.presenterId)).size).toBeGreaterThanOrEqual(3);
      expect(docs.some((x) => x.timing === 'receivedLate')).toBe(true);
      expect(docs.some((x) => x.timing === 'receivedOnTime')).toBe(true);
      const mine = countLateness(docs, today);
      expect(d.lateness.length).toBe(mine.size);
      for (const a of d.lateness) expect({ documents: a.documents, late: a.late, averageDaysLate: a.averageDaysLate }).toEqual(mine.get(a.agencyId));
      // The same figures for the year, and the drill-down lists exactly the late documents.
      const year = await json<{ items: { agencyId: string; late: number; documents: number }[] }>(vp.get(`/api/councils/${sh}/session-lateness?year=2026`));
      for (const a of year.items) expect(a.late).toBe(mine.get(a.agencyId)!.late);
      const worst = year.items[0]!;
      const drill = await json<{ items: Doc[]; total: number }>(vp.get(`/api/councils/${sh}/session-documents?year=2026&presenterId=${worst.agencyId}&timing=anyLate`));
      expect(drill.total).toBe(worst.late);
      expect(drill.items.every((x) => x.presenterId === worst.agencyId && (x.timing === 'late' || x.timing === 'receivedLate'))).toBe(true);
      expect(d.agendaVersions[0]).toMatchObject({ number: 1 });
      expect(d.agendaVersions[0]!.approvedOn).not.toBeNull();
    });

    it('the profile marks every shipped value as a default until the council changes it', async () => {
      const dp = t.id('council:duc-pho-ward');
      const vpDp = await t.as('vp.ducpho');
      const before = await json<{ level: string; ruleSets: { key: string; defaults: string[]; inForceToday: boolean; profile: any }[] }>(vpDp.get(`/api/councils/${dp}/session-profile`));
      expect(before.level).toBe('commune');
      const set = before.ruleSets.find((s) => s.inForceToday)!;
      expect(set.defaults).toContain('leadTimes.documentsToDelegates');
      expect(set.profile.leadTimes.documentsToDelegates.value).toBe(5);
      const profile = structuredClone(set.profile);
      profile.leadTimes.documentsToDelegates = { ...profile.leadTimes.documentsToDelegates, value: 6, source: 'Quy chế hoạt động HĐND phường Đức Phổ, Điều 10', verified: true };
      await json(vpDp.put(`/api/councils/${dp}/session-profile`, { ruleSetKey: set.key, profile }));
      const after = await json<typeof before>(vpDp.get(`/api/councils/${dp}/session-profile`));
      const s2 = after.ruleSets.find((s) => s.key === set.key)!;
      expect(s2.defaults).not.toContain('leadTimes.documentsToDelegates');
      expect(s2.defaults).toContain('speakingMinutes.speech');
      expect(s2.profile.leadTimes.documentsToDelegates.value).toBe(6);
      // A committee member reads but cannot edit; a bad value is a Vietnamese 4xx.
      const ban = await t.as('ban.sahuynh');
      expect((await ban.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile })).status).toBe(403);
      const bad = structuredClone(profile);
      bad.speakingMinutes.speech = 0;
      const res = await vpDp.put(`/api/councils/${dp}/session-profile`, { ruleSetKey: set.key, profile: bad });
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toMatch(/Thời gian phát biểu/);
    });

    it('due dates count working days across Tết 2026 and follow a swapped Saturday; an uncovered year is refused in Vietnamese', async () => {
      const prof = await json<{ ruleSets: { key: string; validFrom: string; validTo: string | null; profile: any }[] }>(vp.get(`/api/councils/${sh}/session-profile`));
      const set = prof.ruleSets.find((s) => s.validTo === null)!;
      const profile = structuredClone(set.profile);
      profile.leadTimes.submissionToCommittee = { value: 10, unit: 'working_days', anchor: 'session_opening', direction: 'before', verified: false, source: 'Thử nghiệm' };
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile }));
      const term = t.id('term:sa-huynh');
      const s = await json<{ id: string; number: number | null }>(vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'thematic', openingDate: '2026-02-26' }), 201);
      expect(s.number).toBeNull();
      const item = await json<{ id: string; documents: Doc[] }>(vp.post(`/api/councils/${sh}/sessions/${s.id}/items`, {
        kind: 'proposal', title: 'Tờ trình về chủ trương đầu tư kè biển', presenterAgencyId: t.id('agency:ubnd-sa-huynh'), documents: ['submission'],
      }), 201);
      // 10 working days before Thursday 26/02: 25, 24, 23/02, then Tết (14–22/02) and the weekend, 13, 12, 11, 10, 09, 06, 05/02.
      expect(item.documents[0]!.dueDate).toBe('2026-02-05');
      // The administrator makes Saturday 07/02 a working day: the due date moves to Friday 06/02.
      const admin = await t.as('admin');
      const years = await json<{ items: any[] }>(admin.get('/api/calendar/overrides?pageSize=200'));
      const y2026 = years.items.find((y) => y.year === 2026);
      await json(admin.put('/api/calendar/overrides/2026', { daysOff: y2026.daysOff, notOff: y2026.notOff, workingDays: [{ date: '2026-02-07', name: 'Làm bù (thử nghiệm)' }] }));
      const d = await detail(s.id);
      expect(d.items[0]!.documents[0]!.dueDate).toBe('2026-02-06');
      // A session in 2031, which the holiday table does not cover.
      const s31 = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'urgent', openingDate: '2031-03-10' }), 201);
      const res = await vp.post(`/api/councils/${sh}/sessions/${s31.id}/items`, { kind: 'report', title: 'Báo cáo', presenterAgencyId: t.id('agency:ubnd-sa-huynh'), documents: ['report'] });
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toMatch(/Chưa có lịch ngày nghỉ năm 2031/);
      expect((await detail(s31.id)).items).toEqual([]); // nothing half-written
    });

    it('regular sessions are numbered within the term; states follow the domain; postponing needs a reason', async () => {
      const term = t.id('term:sa-huynh');
      const s = await json<{ id: string; number: number; title: string }>(vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'regular', openingDate: '2026-12-20' }), 201);
      expect(s.number).toBe(4);
      expect(s.title).toBe('Kỳ họp thứ 4');
      const noReason = await vp.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'postpone' });
      expect(noReason.status).toBe(422);
      expect((await noReason.json()).error.message).toBe('Hãy nêu lý do hoãn kỳ họp.');
      await json(vp.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'postpone', reason: 'Bão số 13 đổ bộ' }));
      const wrong = await vp.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'open' });
      expect(wrong.status).toBe(422);
      expect((await wrong.json()).error.message).toMatch(/Không thể/);
      await json(vp.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'reschedule', openingDate: '2026-12-28' }));
      const convened = await json<{ state: string; convenedOn: string; openingDate: string }>(vp.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'convene' }));
      expect(convened).toMatchObject({ state: 'convened', convenedOn: today, openingDate: '2026-12-28' });
      const dup = await vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'regular', openingDate: '2026-12-30', firstOfTerm: true });
      expect(dup.status).toBe(409);
    });

    it('receipts: the agency uploads versions, the secretariat records paper; the first receipt decides lateness', async () => {
      const term = t.id('term:sa-huynh');
      const s = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'thematic', openingDate: '2026-12-10' }), 201);
      const item = await json<{ id: string; documents: Doc[] }>(vp.post(`/api/councils/${sh}/sessions/${s.id}/items`, {
        kind: 'proposal', title: 'Tờ trình về quy hoạch chợ Sa Huỳnh', presenterAgencyId: t.id('agency:ubnd-sa-huynh'), documents: ['submission', 'draftResolution'],
      }), 201);
      // 10 working days before Thursday 10/12/2026 → Thursday 26/11 (today): on time today.
      const [sub, draft] = item.documents as [Doc, Doc];
      expect(sub.dueDate).toBe('2026-11-26');
      const ubnd = await t.as('ubnd.sahuynh');
      const agency = t.id('agency:ubnd-sa-huynh');
      await json(ubnd.upload(`/api/agencies/${agency}/session-documents/${sub.id}/files`, pdfForm()), 201);
      t.setNow('2026-11-30T02:00:00Z'); // four days later: sign in again (idle sessions end)
      const ubnd2 = await t.as('ubnd.sahuynh');
      vp = await t.as('vp.sahuynh');
      await json(ubnd2.upload(`/api/agencies/${agency}/session-documents/${sub.id}/files`, pdfForm('to-trinh-sua.pdf')), 201);
      await json(vp.post(`/api/councils/${sh}/session-documents/${draft.id}/paper`, { receivedOn: '2026-11-28' }));
      const d = await detail(s.id);
      const [s1, d1] = d.items[0]!.documents as [Doc, Doc];
      expect(s1).toMatchObject({ receivedOn: '2026-11-26', lastRevisedOn: '2026-11-30', timing: 'revisedAfterDeadline' });
      expect(s1.files.map((f) => f.version)).toEqual([2, 1]);
      expect(d1).toMatchObject({ receivedOn: '2026-11-28', timing: 'receivedLate', daysLate: 2, timingLabel: 'Nộp muộn 2 ngày' });
      expect(d.items[0]!.state).toBe('received');
      // Both versions download as they were sent.
      const f1 = await vp.get(`/api/councils/${sh}/session-documents/${sub.id}/files/${s1.files[1]!.id}`);
      expect(f1.status).toBe(200);
      expect(f1.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode(new Uint8Array(await f1.arrayBuffer())).startsWith('%PDF-')).toBe(true);
      t.setNow(`${today}T02:00:00Z`);
      vp = await t.as('vp.sahuynh');
    });

    it('joint conference sets the opening date (due dates follow); agenda changes are versions with a diff, approved by the standing committee', async () => {
      const term = t.id('term:sa-huynh');
      const s = await json<{ id: string }>(vp.post(`/api/councils/${sh}/sessions`, { termId: term, kind: 'thematic', openingDate: '2026-12-15' }), 201);
      await json(vp.post(`/api/councils/${sh}/sessions/${s.id}/items`, { kind: 'report', title: 'Báo cáo A', presenterAgencyId: t.id('agency:ubnd-sa-huynh'), documents: ['report'] }), 201);
      const before = (await detail(s.id)).items[0]!.documents[0]!.dueDate;
      await json(vp.put(`/api/councils/${sh}/sessions/${s.id}/joint-conference`, { heldOn: '2026-11-20', participants: 'Thường trực HĐND, UBND, Ban Thường trực UBMTTQ', agreedOpeningDate: '2026-12-22', content: 'Thống nhất nội dung' }));
      const d = await detail(s.id);
      expect(d.openingDate).toBe('2026-12-22');
      expect(d.items[0]!.documents[0]!.dueDate).not.toBe(before);
      const v1 = await json<{ id: string; number: number }>(vp.post(`/api/councils/${sh}/sessions/${s.id}/agenda-versions`, {}), 201);
      // The secretariat proposes, only the standing committee approves.
      expect((await vp.post(`/api/councils/${sh}/sessions/${s.id}/agenda-versions/${v1.id}/approve`)).status).toBe(403);
      const tt = await t.as('tt.sahuynh');
      await json(tt.post(`/api/councils/${sh}/sessions/${s.id}/agenda-versions/${v1.id}/approve`));
      await json(vp.post(`/api/councils/${sh}/sessions/${s.id}/items`, { kind: 'proposal', title: 'Tờ trình B', presenterBodyId: t.id('body:sa-huynh:committee:1') }), 201);
      expect((await vp.post(`/api/councils/${sh}/sessions/${s.id}/agenda-versions`, {})).status).toBe(422); // no reason
      const v2 = await json<{ number: number; changes: string[] }>(vp.post(`/api/councils/${sh}/sessions/${s.id}/agenda-versions`, { reason: 'Bổ sung tờ trình theo đề nghị của UBND' }), 201);
      expect(v2.number).toBe(2);
      expect(v2.changes.join(' ')).toMatch(/Tờ trình B/);
    });

    it('a session keeps the rule set in force on its convening date; edits of a later set do not move its due dates', async () => {
      const admin = await t.as('admin');
      await json(admin.put('/api/calendar/overrides/2025', { daysOff: [], notOff: [], workingDays: [] }));
      t.setNow('2025-09-10T02:00:00Z');
      const clerk = await t.as('vp.sahuynh');
      const prof = await json<{ ruleSets: { key: string; validTo: string | null; profile: any }[] }>(clerk.get(`/api/councils/${sh}/session-profile`));
      const [older, newer] = [prof.ruleSets.find((r) => r.validTo !== null)!, prof.ruleSets.find((r) => r.validTo === null)!];
      const withLead = (p: any, value: number) => ({ ...p, leadTimes: { ...p.leadTimes, submissionToCommittee: { value, unit: 'days', anchor: 'session_opening', direction: 'before', verified: true, source: 'Quy chế cũ, Điều 9' } } });
      await json(clerk.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: older.key, profile: withLead(older.profile, 12) }));
      const s = await json<{ id: string; ruleSetKey: string }>(clerk.post(`/api/councils/${sh}/sessions`, { termId: t.id('term:sa-huynh'), kind: 'thematic', openingDate: '2025-10-06' }), 201);
      expect(s.ruleSetKey).toBe(newer.key); // not yet convened: the set in force at the opening date
      const convened = await json<{ ruleSetKey: string }>(clerk.post(`/api/councils/${sh}/sessions/${s.id}/transition`, { action: 'convene' }));
      expect(convened.ruleSetKey).toBe(older.key); // convened on 10/09/2025, before the model rules of 26/09/2025
      const item = await json<{ documents: Doc[] }>(clerk.post(`/api/councils/${sh}/sessions/${s.id}/items`, { kind: 'report', title: 'Báo cáo quý III', presenterAgencyId: t.id('agency:ubnd-sa-huynh'), documents: ['report'] }), 201);
      expect(item.documents[0]!.dueDate).toBe('2025-09-24'); // 12 days before Monday 06/10/2025
      t.setNow(`${today}T02:00:00Z`);
      vp = await t.as('vp.sahuynh');
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: newer.key, profile: withLead(newer.profile, 30) }));
      expect((await detail(s.id)).items[0]!.documents[0]!.dueDate).toBe('2025-09-24');
      await json(vp.put(`/api/councils/${sh}/session-profile`, { ruleSetKey: older.key, profile: withLead(older.profile, 14) }));
      expect((await detail(s.id)).items[0]!.documents[0]!.dueDate).toBe('2025-09-22');
    });

    it('the upper-level dashboard counts the sessions each lower council held', async () => {
      const vpTinh = await t.as('vp.tinh');
      const view = await json<{ councils: { councilId: string; sessionsHeld: number | null }[] }>(vpTinh.get(`/api/councils/${t.id('council:province')}/dashboard/lower-councils`));
      const ward = view.councils.find((c) => c.councilId === sh)!;
      expect(ward.sessionsHeld).toBe(2);
      expect(view.councils.find((c) => c.councilId === t.id('council:duc-pho-ward'))!.sessionsHeld).toBe(0);
    });
  });
}
