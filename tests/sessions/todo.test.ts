// The sessions module's lines of the home page's to-do list, on each database: each count equals
// the total of the list its link opens, on the demo data and again after an action changes it
// (an agency uploads what it owes; a delegate opens a document and confirms attendance).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';

interface Line { key: string; label: string; count: number; link: string; preview?: { title: string; detail?: string; link: string }[] }
interface Group { scope: string; id: string; entries: Line[] }

const pdfForm = (name: string) => {
  const f = new FormData();
  f.append('file', new Blob([demoPdf(name) as BlobPart], { type: 'application/pdf' }), name);
  return f;
};

for (const kind of dbKinds()) {
  describe(`sessions: to-do lines [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
    }, 120_000);
    afterAll(() => t?.close());

    const line = async (c: TestClient, key: string, scope: { councilId?: string; agencyId?: string }) => {
      const home = await json<{ groups: Group[] }>(c.get(`/api/todo${scope.councilId ? `?councilId=${scope.councilId}` : ''}`));
      const g = home.groups.find((x) => x.id === (scope.councilId ?? scope.agencyId));
      return g?.entries.find((e) => e.key === key) ?? null;
    };
    /** The list behind a documents line (every page of it): its API path is the web path under /api. */
    const listOf = async (c: TestClient, l: Line) => {
      const [path, query] = l.link.split('?');
      const list = await json<{ items: { id: string; dueDate: string; timing: string }[]; total: number }>(c.get(`/api${path!.replace('/session-lateness/documents', '/session-documents')}?${query}&pageSize=200`));
      expect(list.items).toHaveLength(list.total);
      return list;
    };

    it('an agency: documents to submit (due order) and those past due, each the total of the list it opens; an upload takes one off', async () => {
      const ubnd = await t.as('ubnd.sahuynh');
      const agencyId = t.id('agency:ubnd-sa-huynh');
      const owed = (await line(ubnd, 'session-docs-to-submit', { agencyId }))!;
      expect(owed.label).toBe('Tài liệu kỳ họp cần nộp (hạn gần nhất trước)');
      expect(owed.link).toBe(`/agencies/${agencyId}/session-documents?timing=notReceived`);
      const list = await listOf(ubnd, owed);
      expect(owed.count).toBe(list.total);
      expect(owed.count).toBeGreaterThan(0);
      expect(list.items.every((d) => ['expected', 'dueSoon', 'late'].includes(d.timing))).toBe(true);
      expect(list.items.map((d) => d.dueDate)).toEqual([...list.items.map((d) => d.dueDate)].sort());
      expect(owed.preview!.length).toBe(Math.min(5, owed.count));

      const sx = await t.as('so.xaydung');
      const sxId = t.id('agency:so-xay-dung');
      const late = (await line(sx, 'session-docs-overdue', { agencyId: sxId }))!;
      expect(late.link).toBe(`/agencies/${sxId}/session-documents?timing=late`);
      expect(late.count).toBe((await listOf(sx, late)).total);
      expect(late.count).toBeGreaterThan(0);

      // Uploading the first document owed takes it off the line and off the list.
      const first = list.items[0]!;
      await json(ubnd.upload(`/api/agencies/${agencyId}/session-documents/${first.id}/files`, pdfForm('to-trinh.pdf')), 201);
      const after = await line(ubnd, 'session-docs-to-submit', { agencyId });
      const afterList = await listOf(ubnd, owed);
      expect(afterList.total).toBe(list.total - 1);
      expect(after?.count ?? 0).toBe(afterList.total);
    });

    it('the secretariat: documents past due not received, and received ones not published; publishing takes one off', async () => {
      const vp = await t.as('vp.sahuynh');
      const l = await line(vp, 'session-docs-late', { councilId: sh });
      expect(l).not.toBeNull();
      expect(l!.label).toBe('Tài liệu kỳ họp quá hạn chưa nhận');
      expect(l!.link).toBe(`/councils/${sh}/session-lateness/documents?timing=late`);
      expect(l!.count).toBe((await listOf(vp, l!)).total);

      // Received, not published: the publications list of each session the line names, with ?awaiting=true.
      const pub = (await line(vp, 'session-docs-to-publish', { councilId: sh }))!;
      expect(pub.label).toBe('Tài liệu đã nhận chưa phát hành cho đại biểu');
      const sessionIds = (pub.preview ?? [{ link: pub.link }]).map((p) => new URLSearchParams(p.link.split('?')[1]).get('sessionId')!);
      expect(pub.link).toBe(`/councils/${sh}/session-delegates?sessionId=${sessionIds[0]}&awaiting=true`);
      const awaiting = async (id: string) => json<{ items: { id: string; awaitingPublication: boolean }[]; total: number }>(vp.get(`/api/councils/${sh}/sessions/${id}/publications?awaiting=true&pageSize=200`));
      const lists = await Promise.all(sessionIds.map(awaiting));
      expect(pub.count).toBe(lists.reduce((n, x) => n + x.total, 0));
      expect(pub.count).toBeGreaterThan(0);
      expect(lists.every((x) => x.items.length === x.total && x.items.every((d) => d.awaitingPublication))).toBe(true);
      await json(vp.post(`/api/councils/${sh}/session-documents/${lists[0]!.items[0]!.id}/publish`), 201);
      expect((await line(vp, 'session-docs-to-publish', { councilId: sh }))?.count ?? 0).toBe(pub.count - 1);
      expect((await awaiting(sessionIds[0]!)).total).toBe(lists[0]!.total - 1);
      // A delegate sees no such line.
      expect(await line(await t.as('daibieu.sahuynh'), 'session-docs-late', { councilId: sh })).toBeNull();
    });

    it('a delegate: new documents and attendance to confirm, as the portal shows them; opening and confirming clears them', async () => {
      const db = await t.as('daibieu.sahuynh');
      const sessions = async () => (await json<{ items: { id: string; state: string; new: number; changed: number; attendance: unknown }[] }>(db.get(`/api/councils/${sh}/portal/sessions?pageSize=50`))).items;
      const before = await sessions();
      const fresh = (await line(db, 'portal-new', { councilId: sh }))!;
      expect(fresh.label).toBe('Tài liệu kỳ họp mới');
      expect(fresh.count).toBe(before.reduce((n, s) => n + s.new + s.changed, 0));
      expect(fresh.count).toBeGreaterThan(0);
      const unconfirmed = (await line(db, 'portal-unconfirmed', { councilId: sh }))!;
      const waiting = before.filter((s) => ['planned', 'convened'].includes(s.state) && !s.attendance);
      expect(unconfirmed.count).toBe(waiting.length);
      expect(unconfirmed.count).toBeGreaterThan(0);
      expect(unconfirmed.preview![0]!.link).toBe(`/councils/${sh}/portal?sessionId=${waiting[0]!.id}`);

      // The session the line opens: its own counts are the line's share; opening a document and confirming attendance clear them.
      const target = before.find((s) => s.new + s.changed > 0)!;
      const view = await json<{ counts: { new: number; changed: number }; items: { documents: { id: string; seen: string; current: { fileId: string } }[] }[] }>(db.get(`/api/councils/${sh}/portal/sessions/${target.id}`));
      expect(view.counts.new + view.counts.changed).toBe(target.new + target.changed);
      const doc = view.items.flatMap((i) => i.documents).find((d) => d.seen !== 'read')!;
      await json(db.post(`/api/councils/${sh}/portal/documents/${doc.id}/files/${doc.current.fileId}/opened`));
      expect((await line(db, 'portal-new', { councilId: sh }))?.count ?? 0).toBe(fresh.count - 1);
      await json(db.put(`/api/councils/${sh}/portal/sessions/${waiting[0]!.id}/attendance`, { status: 'present' }));
      expect((await line(db, 'portal-unconfirmed', { councilId: sh }))?.count ?? 0).toBe(unconfirmed.count - 1);
    });
  });
}
