// An import of 20,000 opinions from one sheet, through the API: all written in one go, searchable
// (accent-insensitive, exact diacritics first, typos corrected from the vocabulary), in the audit
// log as one event naming them, in the opinions' timelines, with the progress of the whole job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { writeXlsx } from '../../src/modules/spreadsheets/index.ts';
import { searchVectorOf, vocabularyWords } from '../../src/domain/text/searchVector.ts';
import { searchColumnsOf } from '../../src/modules/petitions/common.ts';
import { json } from './support.ts';

const N = 20_000;
const HAMLETS = ['Thạnh Đức 1', 'Long Thạnh 2', 'Châu Me', 'Trung Sơn', 'Hòa Thạnh', 'Vĩnh Tuy', 'Tân Diêm', 'An Thổ'];

/** The sheet: N rows about roads, three of them different (found by search below). */
function sheetRows() {
  return Array.from({ length: N }, (_, i) => {
    const n = i + 1;
    const hamlet = HAMLETS[i % HAMLETS.length]!;
    const text =
      n === 7_001 ? 'Đề nghị hỗ trợ ngư dân sửa tàu cá hư hỏng sau bão.'
      : n === 7_002 ? 'De nghi ho tro ngu dan sua tau ca hu hong sau bao.'
      : n === 19_999 ? 'Cử tri Trần Văn Bảy (thôn Vĩnh Khươm): Đề nghị lắp máy bơm nước cho đồng Vĩnh Khươm.'
      : `Đề nghị nâng cấp đường thôn ${hamlet}, đoạn số ${n}.`;
    return n === 19_999 ? { n, name: '', hamlet: '', text } : { n, name: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`, hamlet, text };
  });
}

for (const kind of dbKinds()) {
  describe(`petitions: importing ${N.toLocaleString('en')} opinions [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('writes every row in one go, searchable, audited once, with progress for the whole job', { timeout: 240_000 }, async () => {
      const vp = await t.as('vp.sahuynh');
      const councilId = t.id('council:sa-huynh');
      const base = `/api/councils/${councilId}`;
      const round = await json(vp.post(`${base}/petition-rounds`, { name: 'Đợt nhập 20.000 ý kiến', kind: 'continuous', startDate: '2026-11-01' }), 201);
      const xlsx = await writeXlsx({
        sheetName: 'Ý kiến cử tri',
        columns: [{ header: 'STT', key: 'n' }, { header: 'Họ và tên', key: 'name' }, { header: 'Thôn', key: 'hamlet' }, { header: 'Nội dung ý kiến, kiến nghị', key: 'text' }],
        rows: sheetRows(),
      });
      const inVocabulary = async (w: string) => (await t.db.execute(sql`select 1 from search_vocabulary where word = ${w}`)).rows.length > 0;
      expect(await inVocabulary('khuom')).toBe(false);

      const jobId = 'import-test-20000';
      const form = new FormData();
      form.set('file', new Blob([xlsx as BlobPart]), 'y-kien-20000.xlsx');
      form.set('roundId', round.id);
      form.set('channel', 'letter');
      form.set('mode', 'commit');
      form.set('jobId', jobId);
      let finished = false;
      const upload = json(vp.upload(`${base}/opinions/import`, form)).finally(() => (finished = true));
      // Poll as the wizard does: the phases of the whole job, with rows checked, then written.
      const seen: { phase: string; done: number; total: number }[] = [];
      while (!finished) {
        seen.push(await json(vp.get(`${base}/opinions/import-progress/${jobId}`)));
        await new Promise((r) => setTimeout(r, 20));
      }
      const result = await upload;
      expect(result).toMatchObject({ mode: 'commit', total: N, valid: N, created: N, errors: [] });
      const phases = seen.map((s) => s.phase);
      expect(phases).toContain('checking');
      expect(seen.some((s) => s.phase === 'writing' && s.done > 0 && s.done < N && s.total === N)).toBe(true);
      expect(phases.indexOf('checking')).toBeLessThan(phases.lastIndexOf('writing'));
      expect(await json(vp.get(`${base}/opinions/import-progress/${jobId}`))).toMatchObject({ phase: 'done', done: N, total: N });

      // Every row, in the round, with the search vector the database function gives its documents.
      const all = await json(vp.get(`${base}/opinions?roundId=${round.id}&pageSize=1`));
      expect(all.total).toBe(N);
      const stale = await t.db.execute(
        sql`select count(*)::int as n from petition_opinions where round_id = ${round.id} and search_vector is distinct from nt_search_vector(search_text, exact_text)`,
      );
      expect(stale.rows[0]).toEqual({ n: 0 });
      // Accent-insensitive, whole words; the row with the diacritics typed comes first.
      const boats = await json(vp.get(`${base}/opinions?roundId=${round.id}&q=${encodeURIComponent('tàu cá')}`));
      expect(boats.items.map((o: { text: string }) => o.text)).toEqual([
        'Đề nghị hỗ trợ ngư dân sửa tàu cá hư hỏng sau bão.',
        'De nghi ho tro ngu dan sua tau ca hu hong sau bao.',
      ]);
      const road = await json(vp.get(`${base}/opinions?roundId=${round.id}&q=${encodeURIComponent('"doan so 12345"')}`));
      expect(road.items.map((o: { text: string }) => o.text)).toEqual(['Đề nghị nâng cấp đường thôn Thạnh Đức 1, đoạn số 12345.']);
      // The vocabulary has the import's words: a misspelled one is corrected. The speaker went to the voter columns.
      const typo = await json(vp.get(`${base}/opinions?roundId=${round.id}&q=${encodeURIComponent('khuomm')}`));
      expect(await inVocabulary('khuom')).toBe(true);
      expect(typo.corrected.khuomm).toContain('khuom');
      expect(typo.items).toHaveLength(1);
      expect(typo.items[0]).toMatchObject({ text: 'Đề nghị lắp máy bơm nước cho đồng Vĩnh Khươm.', voterName: 'Trần Văn Bảy', voterHamlet: 'thôn Vĩnh Khươm' });

      // The audit log: one event for the import, naming its rows, without the voters' names.
      const log = await json(vp.get(`${base}/audit?entityId=${round.id}&action=opinion.import`));
      expect(log.total).toBe(1);
      const ev = log.items[0];
      expect(ev.after).toMatchObject({ fileName: 'y-kien-20000.xlsx', count: N });
      expect(ev.after.opinionIds).toHaveLength(N);
      expect(new Set(ev.after.opinionIds).size).toBe(N);
      expect(JSON.stringify(ev)).not.toContain('Nguyễn Văn');
      // No event per row.
      const [boat, boat2] = boats.items as { id: string; version: number }[];
      expect((await json(vp.get(`${base}/audit?entityId=${boat!.id}`))).total).toBe(0);

      // An imported opinion's history and a petition's timeline show the import as its intake.
      expect(ev.after.opinionIds).toContain(boat!.id);
      const history = await json(vp.get(`${base}/opinions/${boat!.id}/history`));
      expect(history.versions).toMatchObject([{ version: 1, text: 'Đề nghị hỗ trợ ngư dân sửa tàu cá hư hỏng sau bão.' }]);
      const petition = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [boat!, boat2!].map((o) => ({ id: o.id, version: o.version })) }), 201);
      const { items: timeline } = await json<{ items: { action: string; entityId: string; after: Record<string, unknown> | null }[] }>(vp.get(`${base}/petitions/${petition.id}/timeline?pageSize=200`));
      const intake = timeline.filter((e) => e.action === 'opinion.import');
      expect(intake.map((e) => e.entityId).sort()).toEqual([boat!.id, boat2!.id].sort());
      expect(intake[0]!.after).toEqual({ fileName: 'y-kien-20000.xlsx' });
    });

    it('computes the search vector as the database function does, and the vocabulary as its trigger', async () => {
      const docs = [
        searchColumnsOf('Đề nghị sửa chữa đoạn Quốc lộ 1A qua phường Sa Huỳnh bị hư hỏng nặng.'),
        searchColumnsOf('Nước sạch, nước sạch và nước sạch: UBND xã trả lời chưa?'),
        { searchText: '  hai  khoang   trang ', exactText: ' hai  khoảng   trắng' },
        { searchText: '', exactText: '' },
        { searchText: Array.from({ length: 17_000 }, (_, i) => `w${i % 300}`).join(' '), exactText: 'dài' },
      ];
      for (const d of docs) {
        const mine = searchVectorOf(d.searchText, d.exactText);
        const r = await t.db.execute(sql`select (${mine}::tsvector = nt_search_vector(${d.searchText}, ${d.exactText}))::text as same`);
        expect((r.rows[0] as { same: string }).same).toBe('true');
      }
      // A quote would be read otherwise: the trigger computes that one.
      expect(searchVectorOf("o'neil", '')).toBeNull();
      expect(vocabularyWords(['  ab abc  abcdefghij', 'abc đường ' + 'x'.repeat(41)])).toEqual(['abc', 'abcdefghij', 'đường']);
    });
  });
}
