// Citizen reception through the API on each database: a row of the Sổ tiếp công dân validated
// against Mẫu 03/TCD's required columns, opening its letter in the same step; a delegate's own
// receptions; a denunciation's citizen visible only to whoever received them, never in the
// register's .xlsx; the schedule's periods that fell short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from '../petitions/support.ts';
import { sql } from 'drizzle-orm';
import { readTable } from '../../src/modules/spreadsheets/index.ts';

const base = {
  mode: 'in_person', receiverKind: 'standing_committee', citizenAddress: 'Thôn Trung Sơn, phường Sa Huỳnh', idDocument: '051080004321',
  request: 'Đề nghị xem xét, giải quyết dứt điểm.', peopleCount: 1, withinCompetence: false, outcome: 'Tiếp nhận đơn, hướng dẫn quy trình; sẽ chuyển cơ quan có thẩm quyền.',
};

for (const kind of dbKinds()) {
  describe(`citizen reception [${kind}]`, () => {
    let t: TestApp;
    let sh: string;
    let vp: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { now: '2026-11-26T02:00:00Z' });
      sh = t.id('council:sa-huynh');
      vp = await t.as('vp.sahuynh');
    }, 120_000);
    afterAll(() => t?.close());

    it('records a reception, opens its letter, and keeps a denunciation’s citizen to whoever received them', async () => {
      const r = await json<{ number: number; letters: { id: string; reference: string; kind: string }[] }>(vp.post(`/api/councils/${sh}/receptions`, {
        ...base, receivedOn: '2026-11-24', citizenName: 'Cao Thị Mai Hương', kinds: ['denunciation'], summary: 'Tố cáo trưởng thôn thu quỹ trái quy định.', openLetter: true,
      }), 201);
      expect(r.number).toBe(2); // the demo's reception is the first of the year
      expect(r.letters[0]!.kind).toBe('denunciation');
      const mine = await json<{ items: { citizenName: string | null; letterIds: string[] }[] }>(vp.get(`/api/councils/${sh}/receptions?year=2026`));
      expect(mine.items[0]).toMatchObject({ citizenName: 'Cao Thị Mai Hương', letterIds: [r.letters[0]!.id] });
      const tt = await t.as('tt.sahuynh');
      const other = await (await tt.get(`/api/councils/${sh}/receptions?year=2026`)).text();
      expect(other).not.toContain('Cao Thị Mai Hương');
      expect(other).not.toContain('051080004321');
      expect(JSON.parse(other).items[0]).toMatchObject({ identityProtected: true, citizenName: null, summary: null });
      // the year's register (.xlsx) never carries it, even when the receiver exports it
      const res = await vp.get(`/api/councils/${sh}/receptions/register.xlsx?year=2026`);
      expect(res.status).toBe(200);
      const sheet = await readTable(new Uint8Array(await res.arrayBuffer()), 'so.xlsx');
      const cells = JSON.stringify(sheet.rows);
      expect(cells).toContain('Giữ bí mật');
      expect(cells).not.toContain('Cao Thị Mai Hương');
      expect(cells).not.toContain('051080004321');
      expect(JSON.stringify(await (await vp.get(`/api/councils/${sh}/audit?pageSize=100`)).text())).not.toContain('Cao Thị Mai Hương');
    });

    it('an ordinary reception is in the register with its columns; a delegate records their own', async () => {
      await json(vp.post(`/api/councils/${sh}/receptions`, { ...base, receivedOn: '2026-11-25', citizenName: 'Võ Minh Tâm', kinds: ['complaint', 'request'], summary: 'Khiếu nại việc cấp đổi sổ đỏ chậm.', guidance: { body: 'Ủy ban nhân dân phường Sa Huỳnh', letterNumber: null } }), 201);
      const res = await vp.get(`/api/councils/${sh}/receptions/register.xlsx?year=2026`);
      const sheet = await readTable(new Uint8Array(await res.arrayBuffer()), 'so.xlsx');
      const row = sheet.rows.find((x) => JSON.stringify(x).includes('Võ Minh Tâm'))!;
      expect(JSON.stringify(row)).toContain('Khiếu nại, Kiến nghị');
      expect(JSON.stringify(row)).toContain('Ủy ban nhân dân phường Sa Huỳnh');
      const dl = await t.as('daibieu.sahuynh');
      await json(dl.post(`/api/councils/${sh}/my-receptions`, { ...base, receiverKind: 'delegate', receivedOn: '2026-11-26', citizenName: 'Lê Văn Tám', kinds: ['feedback'], summary: 'Phản ánh ô nhiễm mùi từ cơ sở chế biến hải sản.' }), 201);
      const own = await json<{ items: { citizenName: string; receiverKindLabel: string }[]; total: number }>(dl.get(`/api/councils/${sh}/my-receptions`));
      expect(own.total).toBe(1);
      expect(own.items[0]).toMatchObject({ citizenName: 'Lê Văn Tám', receiverKindLabel: 'Đại biểu Hội đồng nhân dân' });
      // a delegate records only their own receptions
      const wrong = await dl.post(`/api/councils/${sh}/my-receptions`, { ...base, receivedOn: '2026-11-26', citizenName: 'X', kinds: ['feedback'], summary: 'Y' });
      expect(wrong.status).toBe(422);
    });

    it('refuses a row the register cannot hold, in Vietnamese', async () => {
      const bad = async (body: Record<string, unknown>, text: string) => {
        const res = await vp.post(`/api/councils/${sh}/receptions`, { ...base, receivedOn: '2026-11-25', citizenName: 'A', kinds: ['request'], summary: 'B', ...body });
        expect(res.status).toBe(422);
        expect((await res.json()).error.message).toContain(text);
      };
      await bad({ mode: 'online', receivedOn: '2026-06-15' }, 'Tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/07/2026');
      await bad({ proxy: true }, 'văn bản ủy quyền');
      await bad({ withinCompetence: true, guidance: { body: 'UBND phường' } }, 'thuộc thẩm quyền thì không hướng dẫn');
      await bad({ kinds: [] }, 'Chưa phân loại nội dung');
    });

    it('the schedule shows the year’s reception days and the months already past that fell short', async () => {
      const s = await json<{ rules: { receiver: string; days: string[]; held: string[]; verified: boolean; shortfall: { message: string }[]; shortfallRuns: { label: string; periods: number }[] }[] }>(vp.get(`/api/councils/${sh}/reception-schedule?year=2026`));
      const standing = s.rules.find((r) => r.receiver === 'standing_committee')!;
      expect(standing.days).toHaveLength(12);
      expect(standing.verified).toBe(false);
      expect(standing.held).toEqual(['2026-11-11', '2026-11-24', '2026-11-25']);
      // January–October had no reception: ten months short; November is not over yet
      expect(standing.shortfall).toHaveLength(10);
      expect(standing.shortfall[0]!.message).toBe('Thường trực Hội đồng nhân dân: tháng 1/2026 mới tiếp 0/1 ngày theo lịch.');
      // …which the page shows as one run
      expect(standing.shortfallRuns).toEqual([{ label: 'tháng 1–10/2026: 0/1 ngày mỗi tháng', periods: 10 }]);
    });

    it('the period’s report (ND30) and its .xlsx carry the same figures as the figures screen, and no citizen', async () => {
      const figures = await json<{ total: number; byKind: { label: string; count: number }[] }>(vp.get(`/api/councils/${sh}/letter-figures?from=2026-01-01&to=2026-11-26`));
      expect(figures.total).toBeGreaterThan(0);
      const doc = await json<{ id: string; symbol: string }>(vp.post(`/api/councils/${sh}/letter-report`, { from: '2026-01-01', to: '2026-11-26', signerName: 'Huỳnh Văn Đạt' }), 201);
      expect(doc.symbol).toMatch(/^\d+\/BC-HĐND$/);
      const [row] = (await t.db.execute<{ content: unknown }>(sql`select content from documents where id = ${doc.id}`)).rows;
      const text = JSON.stringify(row!.content);
      expect(text).toContain(`Tổng số đơn tiếp nhận: ${String(figures.total).padStart(2, '0')} đơn`);
      expect(text).toContain('tiếp 04 lượt công dân với 06 người');
      for (const name of ['Cao Thị Mai Hương', 'Trần Văn Hùng', 'Phạm Văn Lộc']) expect(text).not.toContain(name);
      const xlsx = await readTable(new Uint8Array(await (await vp.get(`/api/councils/${sh}/letter-figures.xlsx?from=2026-01-01&to=2026-11-26`)).arrayBuffer()), 'f.xlsx');
      const byKind = xlsx.rows.filter((r) => r[0] === 'Theo loại đơn').reduce((n, r) => n + Number(r[2]), 0);
      expect(byKind).toBe(figures.total);
    });
  });
}
