// Deleting what a clerk typed by mistake: an opinion (or a selection, all or nothing) while it is
// not part of a petition and its round is open, at the version the clerk saw; a contact meeting
// only when no opinion is left under it. The audit log keeps the deleted row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { json } from './support.ts';

const VOTER = 'Nguyễn Văn Gõ Nhầm';

for (const kind of dbKinds()) {
  describe(`petitions: deleting opinions and contact meetings [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
    });
    afterAll(() => t.close());

    /** A fresh round with one meeting and `texts` opinions under it. */
    async function setup(texts: string[]) {
      const round = await json(vp.post(`${base}/petition-rounds`, { name: `Đợt thử xóa ${Math.random()}`, kind: 'continuous', startDate: '2026-11-01' }), 201);
      const meeting = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-05', place: 'Nhà văn hóa tổ dân phố Thạnh Đức', votersAttending: 40 }), 201);
      const ops = texts.length
        ? (await json(vp.post(`${base}/opinions/bulk`, { roundId: round.id, meetingId: meeting.id, items: texts.map((text) => ({ text, voterName: VOTER })) }), 201)).items
        : [];
      return { round, meeting, ops: ops as { id: string; version: number; text: string }[] };
    }

    const listIds = async (roundId: string) =>
      (await json(vp.get(`${base}/opinions?roundId=${roundId}&pageSize=200`))).items.map((o: { id: string }) => o.id) as string[];

    const errorOf = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };

    it('deletes an unmerged opinion and keeps it in the audit log, voter name masked', async () => {
      const text = 'Đề nghị nạo vét mương thoát nước tổ dân phố Thạnh Đức (gõ trùng).';
      const { round, ops } = await setup([text, 'Đề nghị lắp đèn chiếu sáng đường ven biển.']);
      const [dup, keep] = ops as [typeof ops[0], typeof ops[0]];
      expect(await json(vp.delete(`${base}/opinions/${dup.id}?version=${dup.version}`))).toMatchObject({ ok: true, deleted: 1 });
      expect(await listIds(round.id)).toEqual([keep.id]);

      const tt = await t.as('tt.sahuynh');
      const log = await json(tt.get(`${base}/audit?entityId=${dup.id}&action=opinion.delete`));
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({ entityType: 'opinion', actorName: 'Lê Thị Mỹ', after: null });
      expect(log.items[0].before).toMatchObject({ id: dup.id, text, voterName: '(dữ liệu cá nhân)' });
      expect(JSON.stringify(log.items[0])).not.toContain(VOTER);
      expect(log.items[0].before).not.toHaveProperty('searchVector');
      expect(log.items[0].before).not.toHaveProperty('searchText');
      // The round's figures follow.
      const summary = await json(vp.get(`${base}/petition-rounds/${round.id}`));
      expect(summary.intake.opinions).toBe(1);
    });

    it('refuses to delete an opinion that is part of a petition, and changes nothing', async () => {
      const { round, ops } = await setup(['Đề nghị sửa chữa cầu tràn thôn Thạnh Đức.', 'Đề nghị sửa cầu tràn Thạnh Đức bị hư hỏng.']);
      const p = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: ops.map((o) => ({ id: o.id, version: o.version })) }), 201);
      const [o1] = (await json(vp.get(`${base}/opinions?roundId=${round.id}&pageSize=200`))).items as { id: string; version: number }[];
      const msg = await errorOf(await vp.delete(`${base}/opinions/${o1!.id}?version=${o1!.version}`), 409);
      expect(msg).toBe(`Ý kiến đã được tổng hợp vào kiến nghị số ${p.number}. Hãy tách ý kiến khỏi kiến nghị trước khi xóa.`);
      expect((await listIds(round.id)).sort()).toEqual(ops.map((o) => o.id).sort());
      const detail = await json(vp.get(`${base}/petitions/${p.id}`));
      expect(detail.version).toBe(p.version);
      const log = await json(vp.get(`${base}/audit?entityId=${o1!.id}&action=opinion.delete`));
      expect(log.items).toHaveLength(0);
    });

    it('refuses a stale version', async () => {
      const { round, ops } = await setup(['Đề nghị hỗ trợ ngư dân sửa chữa tàu cá.']);
      const o = ops[0]!;
      await json(vp.patch(`${base}/opinions/${o.id}`, { version: o.version, text: 'Đề nghị hỗ trợ ngư dân sửa chữa tàu cá bị hư hỏng do bão.' }));
      const msg = await errorOf(await vp.delete(`${base}/opinions/${o.id}?version=${o.version}`), 409);
      expect(msg).toContain('vừa được người khác tổng hợp hoặc chỉnh sửa');
      expect(await listIds(round.id)).toEqual([o.id]);
      // A missing or malformed version is a validation error, not a delete.
      expect(await errorOf(await vp.delete(`${base}/opinions/${o.id}`), 422)).toContain('Phiên bản không hợp lệ');
      expect(await errorOf(await vp.delete(`${base}/opinions/${o.id}?version=abc`), 422)).toContain('Phiên bản không hợp lệ');
      expect(await listIds(round.id)).toEqual([o.id]);
    });

    it('deletes a selection all or nothing', async () => {
      const { round, ops } = await setup([
        'Đề nghị bê tông hóa đường thôn Thạnh Đức 1.',
        'Đề nghị bê tông hóa đường thôn Thạnh Đức 2.',
        'Đề nghị bê tông hóa đường thôn Thạnh Đức 3.',
        'Đề nghị xây dựng nhà văn hóa tổ dân phố Long Thạnh.',
      ]);
      const [a, b, c, merged] = ops as [typeof ops[0], typeof ops[0], typeof ops[0], typeof ops[0]];
      const p = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: merged.id, version: merged.version }] }), 201);
      const mergedNow = (await json(vp.get(`${base}/opinions?roundId=${round.id}&merged=true`))).items[0] as { id: string; version: number };

      // One merged opinion in the selection: nothing is deleted, and the message names it.
      const refused = await vp.post(`${base}/opinions/delete`, {
        items: [a, b, mergedNow].map((o) => ({ opinionId: o.id, version: o.version })),
      });
      const msg = await errorOf(refused, 409);
      expect(msg).toContain('Chưa xóa ý kiến nào');
      expect(msg).toContain('Đề nghị xây dựng nhà văn hóa tổ dân phố Long Thạnh');
      expect(msg).toContain(`kiến nghị số ${p.number}`);
      expect(await listIds(round.id)).toHaveLength(4);

      // One stale version in the selection: nothing is deleted either.
      await json(vp.patch(`${base}/opinions/${c.id}`, { version: c.version, voterHamlet: 'Thạnh Đức 3' }));
      expect((await vp.post(`${base}/opinions/delete`, { items: [a, b, c].map((o) => ({ opinionId: o.id, version: o.version })) })).status).toBe(409);
      expect(await listIds(round.id)).toHaveLength(4);

      // A repeated opinion is refused.
      expect((await vp.post(`${base}/opinions/delete`, { items: [a, a].map((o) => ({ opinionId: o.id, version: o.version })) })).status).toBe(409);

      // The free ones at their current versions: deleted together, one audit event each.
      const res = await json(vp.post(`${base}/opinions/delete`, {
        items: [{ opinionId: a.id, version: a.version }, { opinionId: b.id, version: b.version }, { opinionId: c.id, version: c.version + 1 }],
      }));
      expect(res).toMatchObject({ ok: true, deleted: 3 });
      expect(await listIds(round.id)).toEqual([merged.id]);
      for (const o of [a, b, c]) {
        const log = await json(vp.get(`${base}/audit?entityId=${o.id}&action=opinion.delete`));
        expect(log.items).toHaveLength(1);
        expect(log.items[0].before.text).toBe(o.text);
      }
    });

    it('lets a delete and a merge of the same opinion not both win', async () => {
      const { round, ops } = await setup(['Đề nghị di dời trạm biến áp giữa khu dân cư.']);
      const o = ops[0]!;
      const other = await t.as('admin');
      const [del, merge] = await Promise.all([
        vp.delete(`${base}/opinions/${o.id}?version=${o.version}`),
        other.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: o.id, version: o.version }] }),
      ]);
      // The loser is told: the opinion is gone (404) or was just merged (409).
      if (del.status === 200) expect([404, 409]).toContain(merge.status);
      else expect([del.status, merge.status]).toEqual([409, 201]);
      const left = await json(vp.get(`${base}/opinions?roundId=${round.id}`));
      if (del.status === 200) expect(left.items).toHaveLength(0);
      else expect(left.items[0].petitionId).toBe(((await merge.json()) as { id: string }).id);
    });

    it('deletes an empty contact meeting and refuses one that still has opinions', async () => {
      const { round, meeting, ops } = await setup(Array.from({ length: 12 }, (_, i) => `Đề nghị sửa chữa kênh mương nội đồng số ${i + 1}.`));
      const msg = await errorOf(await vp.delete(`${base}/petition-rounds/${round.id}/meetings/${meeting.id}`), 409);
      expect(msg).toContain('Cuộc tiếp xúc còn 12 ý kiến cử tri');
      expect((await json(vp.get(`${base}/petition-rounds/${round.id}/meetings`))).items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);

      // Once its opinions are gone (typed under the wrong meeting), the meeting can go.
      await json(vp.post(`${base}/opinions/delete`, { items: ops.map((o) => ({ opinionId: o.id, version: o.version })) }));
      expect(await json(vp.delete(`${base}/petition-rounds/${round.id}/meetings/${meeting.id}`))).toEqual({ ok: true });
      expect((await json(vp.get(`${base}/petition-rounds/${round.id}/meetings`))).items).toEqual([]);
      const log = await json(vp.get(`${base}/audit?entityId=${meeting.id}&action=contact_meeting.delete`));
      expect(log.items).toHaveLength(1);
      expect(log.items[0].before).toMatchObject({ id: meeting.id, place: 'Nhà văn hóa tổ dân phố Thạnh Đức', votersAttending: 40 });
      expect((await vp.delete(`${base}/petition-rounds/${round.id}/meetings/${meeting.id}`)).status).toBe(404);
    });

    it('refuses deletes in a closed round', async () => {
      const { round, ops } = await setup(['Đề nghị cải tạo chợ Sa Huỳnh.']);
      const empty = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-06' }), 201);
      await json(vp.post(`${base}/petition-rounds/${round.id}/close`, {}));
      expect(await errorOf(await vp.delete(`${base}/opinions/${ops[0]!.id}?version=${ops[0]!.version}`), 409)).toContain('đã kết thúc');
      expect(await errorOf(await vp.delete(`${base}/petition-rounds/${round.id}/meetings/${empty.id}`), 409)).toContain('đã kết thúc');
      expect(await listIds(round.id)).toEqual([ops[0]!.id]);
    });

    it('keeps another council and other roles out', async () => {
      const { round, meeting, ops } = await setup(['Đề nghị mở rộng trường mẫu giáo Sa Huỳnh.']);
      const o = ops[0]!;
      const empty = await json(vp.post(`${base}/petition-rounds/${round.id}/meetings`, { heldOn: '2026-11-07' }), 201);
      const other = await t.as('vp.ducpho');
      const otherBase = `/api/councils/${t.id('council:duc-pho-ward')}`;
      // Through this council's path: no grant. Through its own: not found.
      expect((await other.delete(`${base}/opinions/${o.id}?version=${o.version}`)).status).toBe(403);
      expect((await other.post(`${base}/opinions/delete`, { items: [{ opinionId: o.id, version: o.version }] })).status).toBe(403);
      expect((await other.delete(`${base}/petition-rounds/${round.id}/meetings/${empty.id}`)).status).toBe(403);
      expect((await other.delete(`${otherBase}/opinions/${o.id}?version=${o.version}`)).status).toBe(404);
      expect((await other.post(`${otherBase}/opinions/delete`, { items: [{ opinionId: o.id, version: o.version }] })).status).toBe(404);
      expect((await other.delete(`${otherBase}/petition-rounds/${round.id}/meetings/${empty.id}`)).status).toBe(404);
      // A delegate reads the intake but does not edit it.
      const delegate = await t.as('daibieu.sahuynh');
      expect((await delegate.delete(`${base}/opinions/${o.id}?version=${o.version}`)).status).toBe(403);
      expect((await delegate.delete(`${base}/petition-rounds/${round.id}/meetings/${empty.id}`)).status).toBe(403);
      expect(await listIds(round.id)).toEqual([o.id]);
      expect((await json(vp.get(`${base}/petition-rounds/${round.id}/meetings`))).items.map((m: { id: string }) => m.id).sort()).toEqual([meeting.id, empty.id].sort());
    });

    it('refuses to delete a petition a lower council sent up', async () => {
      const prov = await t.as('vp.tinh');
      const pBase = `/api/councils/${t.id('council:province')}`;
      const { round, ops } = await setup(['Đề nghị đầu tư kè chống sạt lở bờ biển Sa Huỳnh.']);
      const wp = await json(vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: ops[0]!.id, version: ops[0]!.version }], competentLevel: 'province' }), 201);
      const open = await json(prov.get(`${pBase}/petition-rounds?status=open`));
      for (const r of open.items) await json(prov.post(`${pBase}/petition-rounds/${r.id}/close`, {}));
      const pRound = await json(prov.post(`${pBase}/petition-rounds`, { name: 'Đợt tỉnh', kind: 'before_session', startDate: '2026-11-15' }), 201);
      await json(vp.post(`${base}/dispatches`, { roundId: round.id, targetCouncilId: t.id('council:province'), letterNumber: '21/HĐND', letterDate: '2026-11-25', petitionIds: [wp.id] }), 201);
      const [up] = (await json(prov.get(`${pBase}/opinions?roundId=${pRound.id}`))).items as { id: string; version: number }[];
      const msg = await errorOf(await prov.delete(`${pBase}/opinions/${up!.id}?version=${up!.version}`), 409);
      expect(msg).toContain('HĐND cấp dưới chuyển lên');
      expect((await json(prov.get(`${pBase}/opinions?roundId=${pRound.id}`))).items).toHaveLength(1);
    });
  });
}
