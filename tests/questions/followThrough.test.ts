// Interpellation follow-through through the API, on each database: an answer corrected (the
// original kept with the reason, versioned, audited, a stale correction refused, the public page
// showing the correction's day) and an overdue commitment escalated through the follow-up
// engine's ladder (only the next step, only once its day has come; the follow-up item says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';

const docText = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

interface Page<T> { items: T[]; total: number; page: number; pageSize: number }
interface Answer { id: string; summary: string; version: number; correctedOn: string | null; commitments: { id: string; dueOn: string; state: string }[] }
const err = async (res: Response | Promise<Response>, status: number) => {
  const r = await res;
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
};

for (const kind of dbKinds()) {
  describe(`interpellation follow-through [${kind}]`, () => {
    let t: TestApp;
    let tt: TestClient;
    let vp: TestClient;
    let sh: string;
    let answer: Answer;
    let heldId: string;
    let topicTitle: string;

    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      [tt, vp] = await Promise.all([t.as('tt.sahuynh'), t.as('vp.sahuynh')]);
      const sessions = await json<Page<{ id: string; state: string; openingDate: string }>>(vp.get(`/api/councils/${sh}/sessions?pageSize=50`));
      const held = sessions.items.filter((s) => s.state === 'closed').sort((a, b) => b.openingDate.localeCompare(a.openingDate))[0]!;
      const topics = await json<Page<{ answer: Answer }>>(tt.get(`/api/councils/${sh}/sessions/${held.id}/question-topics`));
      answer = topics.items[0]!.answer;
      heldId = held.id;
      topicTitle = (topics.items[0] as unknown as { title: string }).title;
    }, 600_000);
    afterAll(() => t?.close());

    it('corrects an answer: the original is kept with the reason, the version moves on, a stale correction is refused', async () => {
      const original = answer.summary;
      const path = `/api/councils/${sh}/question-answers/${answer.id}/correct`;
      expect(await err(vp.post(path, { summary: 'Nội dung mới', reason: '   ', version: 1 }), 422)).toMatch(/Lý do đính chính/);
      const fixed = `${original} (Đính chính: thời hạn hoàn thành là quý II năm 2027.)`;
      const r = await json<{ version: number; correctedOn: string; summary: string; history: { version: number; summary: string; reason: string }[] }>(
        vp.post(path, { summary: fixed, reason: 'Người trả lời đề nghị đính chính thời hạn đã nêu nhầm tại phiên chất vấn', version: 1 }),
      );
      expect(r).toMatchObject({ version: 2, summary: fixed, correctedOn: '2026-11-26' });
      expect(r.history).toEqual([expect.objectContaining({ version: 1, summary: original, reason: expect.stringContaining('đính chính thời hạn') })]);
      // Someone who opened version 1 cannot overwrite the correction.
      expect(await err(vp.post(path, { summary: 'Khác', reason: 'Sửa lại', version: 1 }), 409)).toMatch(/đã được đính chính \(phiên bản 2\)/);
      // Only the secretariat / standing committee records answers; an agency may not correct.
      const ubnd = await t.as('ubnd.sahuynh');
      expect((await ubnd.post(path, { summary: 'x', reason: 'y', version: 2 })).status).toBe(403);
      const [ev] = (await t.db.execute(sql`select action, before, after from audit_events where entity_id = ${answer.id} and action = 'question_answer.correct'`)).rows as { before: { summary: string }; after: { version: number } }[];
      expect(ev!.before.summary).toBe(original);
      expect(ev!.after.version).toBe(2);
      const pub = await json<Page<{ id: string; summary: string; correctedOn: string | null }>>(t.anonymous().get(`/api/public/councils/${sh}/question-answers?pageSize=50`));
      expect(pub.items.find((a) => a.id === answer.id)).toMatchObject({ summary: fixed, correctedOn: '2026-11-26' });
      const detail = await json<{ answerHistory: { version: number; summary: string }[]; source: { answer: { summary: string } } }>(tt.get(`/api/councils/${sh}/commitments/${answer.commitments[0]!.id}`));
      expect(detail.source.answer.summary).toBe(fixed);
      expect(detail.answerHistory.map((h) => h.summary)).toEqual([original]);
    });

    it('drafts the resolution on interpellation (ND30) from the topics, the corrected answers and the commitments', async () => {
      const path = `/api/councils/${sh}/documents/templates/interpellation_resolution/preview`;
      const res = await vp.post(path, { params: { sessionId: heldId, signerName: 'Huỳnh Văn Đạt' } });
      expect(res.status, await res.clone().text()).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (process.env.NT_SHOTS_DIR) fs.writeFileSync(`${process.env.NT_SHOTS_DIR}/nghi-quyet-chat-van.docx`, bytes);
      const text = docText(bytes);
      expect(text).toContain('NGHỊ QUYẾT');
      expect(text).toContain('Về hoạt động chất vấn và trả lời chất vấn tại');
      expect(text).toContain(`Nhóm vấn đề "${topicTitle}"`);
      expect(text).toContain('(Đính chính: thời hạn hoàn thành là quý II năm 2027.)');
      expect(text).toContain('Điều 2. Yêu cầu khắc phục và thời hạn thực hiện');
      const detail = await json<{ content: string; dueOn: string }>(tt.get(`/api/councils/${sh}/commitments/${answer.commitments.find((c) => c.state !== 'closed')!.id}`));
      expect(text).toContain(`hoàn thành trước ngày ${detail.dueOn.split('-').reverse().join('/')}`);
      expect(text).toContain('chậm nhất 10 ngày trước ngày khai mạc kỳ họp thường lệ tiếp theo');
      // A draft: no number taken, nothing written.
      expect(text).toMatch(/Số:\s*\/NQ-HĐND/);
      const bad = await vp.post(path, { params: { sessionId: 'x' } });
      expect(bad.status).toBe(422);
    });

    it('escalates an overdue commitment through the follow-up ladder: the next step only, once its day has come', async () => {
      const open = answer.commitments.find((c) => c.state !== 'closed')!;
      const path = `/api/councils/${sh}/commitments/${open.id}/escalate`;
      if (open.dueOn >= '2026-11-26') expect(await err(tt.post(path, { kind: 'reminder' }), 422)).toMatch(/chưa quá hạn/);
      // Two days after the due date: the first step (a reminder, one day after the due date) is ready.
      t.setNow(`${addDays(open.dueOn > '2026-11-26' ? open.dueOn : '2026-11-26', 2)}T02:00:00Z`);
      [tt, vp] = await Promise.all([t.as('tt.sahuynh'), t.as('vp.sahuynh')]);
      const before = await json<{ escalation: { next: { kind: string; label: string; ready: boolean } | null; taken: unknown[] } }>(tt.get(`/api/councils/${sh}/commitments/${open.id}`));
      expect(before.escalation.next).toMatchObject({ kind: 'reminder', label: 'Công văn đôn đốc', ready: true });
      expect(before.escalation.taken).toEqual([]);
      expect(await err(tt.post(path, { kind: 'nonsense' }), 422)).toMatch(/Bước xử lý tiếp không hợp lệ/);
      const step = await json<{ kind: string; label: string; stepIndex: number }>(tt.post(path, { kind: 'reminder', note: 'Gửi công văn đôn đốc UBND phường' }));
      expect(step).toMatchObject({ kind: 'reminder', label: 'Công văn đôn đốc', stepIndex: 0 });
      // The second reminder waits 15 days after the first (the shipped ladder, unverified).
      expect(await err(tt.post(path, { kind: 'reminder' }), 422)).toMatch(/Chưa đến ngày thực hiện bước "Công văn đôn đốc"/);
      const [f] = (await t.db.execute(sql`select state_label as "stateLabel" from followup_items where kind = 'commitment' and source_id = ${open.id}`)).rows as { stateLabel: string }[];
      expect(f!.stateLabel).toContain('Đã xử lý tiếp: Công văn đôn đốc');
      const after = await json<{ escalation: { next: { kind: string; from: string }; taken: { kind: string; label: string }[] } }>(tt.get(`/api/councils/${sh}/commitments/${open.id}`));
      expect(after.escalation.taken).toEqual([expect.objectContaining({ kind: 'reminder', label: 'Công văn đôn đốc' })]);
      expect(after.escalation.next.kind).toBe('reminder');
      // The ladder's later step may be taken once the next one's day has come (steps between count as skipped).
      t.setNow(`${addDays(after.escalation.next.from, 0)}T02:00:00Z`);
      tt = await t.as('tt.sahuynh');
      const letter = await json<{ kind: string; stepIndex: number }>(tt.post(path, { kind: 'standing_letter' }));
      expect(letter).toMatchObject({ kind: 'standing_letter', stepIndex: 2 });
      const ubnd = await t.as('ubnd.sahuynh');
      expect((await ubnd.post(path, { kind: 'explanation_request' })).status).toBe(403);
    });
  });
}
