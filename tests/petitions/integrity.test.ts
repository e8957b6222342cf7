// Integrity of what the council records and publishes: speakers separated from requests when
// pasting and importing, nothing personal on the public page, the competent level agreeing with
// the agency's, contact-meeting delegates of the council.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { writeXlsx } from '../../src/modules/spreadsheets/index.ts';
import { json } from './support.ts';

for (const kind of dbKinds()) {
  describe(`petitions: integrity [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    let roundId: string;
    let meetingId: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
      const round = await json(vp.post(`${base}/petition-rounds`, {
        name: 'Tiếp xúc cử tri sau kỳ họp thứ 3', kind: 'after_session', sessionName: 'Kỳ họp thứ 3', startDate: '2026-11-20',
      }), 201);
      roundId = round.id;
      meetingId = (await json(vp.post(`${base}/petition-rounds/${roundId}/meetings`, {
        heldOn: '2026-11-22', place: 'Nhà văn hóa thôn Tân Hy', unitId: t.id('unit:sa-huynh'),
      }), 201)).id;
    });
    afterAll(() => t?.close());

    const merge = async (opinionId: string, text?: string) => {
      const o = await json(vp.get(`${base}/opinions?roundId=${roundId}&pageSize=200`));
      const op = o.items.find((x: { id: string }) => x.id === opinionId);
      return json(vp.post(`${base}/petitions`, { roundId, opinions: [{ id: op.id, version: op.version }], ...(text ? { text } : {}) }), 201);
    };

    it('separates the speaker from the request when pasting, and keeps the name with the opinion only', async () => {
      const split = await json(vp.post(`${base}/opinions/split`, {
        text: [
          '1. Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị nâng cấp tuyến đường liên thôn Tân Hy bị sạt lở.',
          '2. Ông Nguyễn Văn Tư, thôn 2, phản ánh: cầu treo qua suối đã xuống cấp nghiêm trọng.',
          '3. Cử tri Lê Thị Hoa (tổ 3) đề nghị lắp đèn chiếu sáng tuyến đường ven biển.',
        ].join('\n'),
      }));
      expect(split.items.map((i: { text: string; speaker: { name: string; place: string } | null }) => [i.text, i.speaker?.name, i.speaker?.place])).toEqual([
        ['Đề nghị nâng cấp tuyến đường liên thôn Tân Hy bị sạt lở.', 'Đặng Văn Sơn', 'thôn Tân Hy'],
        ['Cầu treo qua suối đã xuống cấp nghiêm trọng.', 'Nguyễn Văn Tư', 'thôn 2'],
        ['Đề nghị lắp đèn chiếu sáng tuyến đường ven biển.', 'Lê Thị Hoa', 'tổ 3'],
      ]);
      const saved = await json(vp.post(`${base}/opinions/bulk`, {
        roundId, meetingId,
        items: split.items.map((i: { text: string; speaker: { name: string; place: string } }) => ({ text: i.text, voterName: i.speaker.name, voterHamlet: i.speaker.place })),
      }), 201);
      expect(saved.items.map((o: { text: string; voterName: string }) => [o.text.slice(0, 8), o.voterName])).toEqual([
        ['Đề nghị ', 'Đặng Văn Sơn'], ['Cầu treo', 'Nguyễn Văn Tư'], ['Đề nghị ', 'Lê Thị Hoa'],
      ]);
    });

    it('separates the speaker written in the content column of an imported sheet', async () => {
      const xlsx = await writeXlsx({
        sheetName: 'Ý kiến',
        columns: [{ header: 'STT', key: 'n' }, { header: 'Nội dung ý kiến, kiến nghị', key: 'text' }],
        rows: [
          { n: 1, text: 'Bà Trần Thị Mến, thôn An Phong, phản ánh: nước sạch không ổn định vào mùa khô.' },
          { n: 2, text: 'Đề nghị nạo vét kênh thủy lợi N6 (cử tri Võ Văn Bảy, thôn Tân Hy).' },
        ],
      });
      const form = () => {
        const f = new FormData();
        f.set('file', new Blob([xlsx as BlobPart]), 'y-kien.xlsx');
        f.set('roundId', roundId);
        f.set('meetingId', meetingId);
        return f;
      };
      const preview = await json(vp.upload(`${base}/opinions/import`, form()));
      expect(preview.preview.map((p: { text: string; voterName: string; voterHamlet: string }) => [p.text, p.voterName, p.voterHamlet])).toEqual([
        ['Nước sạch không ổn định vào mùa khô.', 'Trần Thị Mến', 'thôn An Phong'],
        ['Đề nghị nạo vét kênh thủy lợi N6', 'Võ Văn Bảy', 'thôn Tân Hy'],
      ]);
      const f = form();
      f.set('mode', 'commit');
      expect((await json(vp.upload(`${base}/opinions/import`, f))).created).toBe(2);
      const list = await json(vp.get(`${base}/opinions?roundId=${roundId}&q=${encodeURIComponent('nuoc sach mua kho')}`));
      expect(list.items[0]).toMatchObject({ text: 'Nước sạch không ổn định vào mùa khô.', voterName: 'Trần Thị Mến', voterHamlet: 'thôn An Phong' });
    });

    it('holds back from the public page a petition that names a person, until it is edited or confirmed', async () => {
      const anon = t.anonymous();
      const ops = await json(vp.get(`${base}/opinions?roundId=${roundId}&pageSize=200`));
      const byStart = (s: string) => ops.items.find((o: { text: string }) => o.text.startsWith(s)).id as string;
      // A clean request; one whose merged text still names the voter; one with a phone number;
      // one naming a delegate of the council; one the guard flags although it is a place's name.
      const clean = await merge(byStart('Đề nghị lắp đèn'));
      const named = await merge(byStart('Đề nghị nâng cấp tuyến'), 'Cử tri Đặng Văn Sơn (thôn Tân Hy): Đề nghị nâng cấp tuyến đường liên thôn Tân Hy bị sạt lở.');
      const phone = await merge(byStart('Cầu treo'), 'Cầu treo qua suối đã xuống cấp, liên hệ ông Tư 0905 123 456 để khảo sát.');
      const delegates = await json(vp.get(`${base}/delegates?pageSize=5`));
      const delegateName = delegates.items[0].fullName as string;
      const byDelegate = await merge(byStart('Nước sạch'), `Nước sạch không ổn định; đại biểu ${delegateName} đã ghi nhận.`);
      const place = await merge(byStart('Đề nghị nạo vét'), 'Đề nghị nạo vét kênh thủy lợi N6 đoạn qua nhà số 12 thôn Tân Hy.');

      const published = await json(vp.patch(`${base}/petition-rounds/${roundId}`, { published: true }));
      const held = published.privacyHeld.map((h: { number: number }) => h.number).sort();
      expect(held).toEqual([named.number, phone.number, byDelegate.number, place.number].sort());
      const pub = async () => {
        const res = await anon.get(`${base.replace('/api/', '/api/public/')}/petitions?roundId=${roundId}&pageSize=100`);
        const raw = await res.text();
        expect(res.status).toBe(200);
        return { raw, ids: JSON.parse(raw).items.map((p: { id: string }) => p.id) as string[], total: JSON.parse(raw).total as number };
      };
      let page = await pub();
      expect(page.ids).toEqual([clean.id]);
      expect(page.total).toBe(1);
      for (const s of ['Đặng Văn Sơn', '0905 123 456', delegateName, 'nhà số 12']) expect(page.raw).not.toContain(s);

      // The clerk sees why each one is held back.
      const warn = await json(vp.get(`${base}/petition-rounds/${roundId}/privacy`));
      const reasons = Object.fromEntries(warn.items.map((i: { number: number; findings: { kind: string; text: string }[] }) => [i.number, i.findings.map((f) => `${f.kind}:${f.text}`)]));
      expect(reasons[named.number]).toEqual(['name:Đặng Văn Sơn']);
      expect(reasons[phone.number]).toEqual(['name:Tư', 'phone:0905 123 456']);
      expect(reasons[byDelegate.number]).toEqual([`name:${delegateName}`]);
      expect(reasons[place.number]).toEqual(['address:nhà số 12']);
      // Nobody else reads the warning (it quotes the names).
      expect((await (await t.as('daibieu.sahuynh')).get(`${base}/petition-rounds/${roundId}/privacy`)).status).toBe(403);

      // Editing the text so that it names nobody publishes it; confirming "not personal" publishes as is.
      const p1 = await json(vp.get(`${base}/petitions/${named.id}`));
      await json(vp.patch(`${base}/petitions/${named.id}`, { version: p1.version, text: 'Đề nghị nâng cấp tuyến đường liên thôn Tân Hy bị sạt lở.' }));
      const p4 = await json(vp.get(`${base}/petitions/${place.id}`));
      await json(vp.post(`${base}/petitions/${place.id}/not-personal`, { version: p4.version }));
      page = await pub();
      expect(page.ids.sort()).toEqual([clean.id, named.id, place.id].sort());
      expect(page.raw).not.toContain('Đặng Văn Sơn');
      const after = await json(vp.get(`${base}/petition-rounds/${roundId}/privacy`));
      expect(after.items.map((i: { number: number }) => i.number).sort()).toEqual([phone.number, byDelegate.number].sort());

      // A cleared petition edited to carry a phone number leaves the public page again.
      const p2 = await json(vp.get(`${base}/petitions/${clean.id}`));
      await json(vp.patch(`${base}/petitions/${clean.id}`, { version: p2.version, text: `${p2.text} Liên hệ 0912.345.678.` }));
      expect((await pub()).ids).not.toContain(clean.id);
      // The confirmation is audited without the matched words.
      const audit = await (await (await t.as('tt.sahuynh')).get(`${base}/audit?entityType=petition&pageSize=200`)).text();
      expect(audit).toContain('petition.privacy_confirm');
    });

    it('requires the competent level and the agency level to agree, or a stated reason', async () => {
      const ops = await json(vp.get(`${base}/opinions?roundId=${roundId}&merged=false&pageSize=50`));
      const o = ops.items[0] ?? (await json(vp.post(`${base}/opinions/bulk`, { roundId, meetingId, items: [{ text: 'Điện áp yếu.' }] }), 201)).items[0];
      const power = t.id('agency:dien-luc');
      const res = await vp.post(`${base}/opinions/classify`, { items: [{ opinionId: o.id, version: o.version, competentLevel: 'commune', agencyId: power }] });
      expect(res.status).toBe(422);
      const err = await res.json();
      expect(err.error.message).toBe('Thẩm quyền "Cấp xã" không khớp với Công ty Điện lực Quảng Ngãi (cơ quan cấp tỉnh). Hãy chọn lại cấp hoặc cơ quan, hoặc ghi rõ lý do.');
      const same = await json(vp.get(`${base}/opinions?roundId=${roundId}&merged=false&pageSize=50`));
      expect(same.items.find((x: { id: string }) => x.id === o.id)).toMatchObject({ version: o.version, agencyId: o.agencyId });
      // Agreeing values pass; a stated reason lets a mismatch through and is recorded.
      await json(vp.post(`${base}/opinions/classify`, { items: [{ opinionId: o.id, version: o.version, competentLevel: 'province', agencyId: power }] }));
      const reason = 'Trạm biến áp thuộc Điện lực nhưng UBND phường chủ trì giải phóng mặt bằng.';
      const ok = await json(vp.post(`${base}/opinions/classify`, { items: [{ opinionId: o.id, version: o.version + 1, competentLevel: 'commune', levelReason: reason }] }));
      expect(ok.items[0]).toMatchObject({ competentLevel: 'commune', agencyId: power, levelReason: reason });
      // The same rule on a petition.
      const p = await merge(o.id);
      expect(p).toMatchObject({ competentLevel: 'commune', agencyId: power, levelReason: reason });
      const bad = await vp.patch(`${base}/petitions/${p.id}`, { version: p.version, agencyId: t.id('agency:so-xay-dung'), competentLevel: 'commune' });
      expect(bad.status).toBe(422);
      const fixed = await json(vp.patch(`${base}/petitions/${p.id}`, { version: p.version, agencyId: t.id('agency:ubnd-sa-huynh') }));
      expect(fixed).toMatchObject({ competentLevel: 'commune', levelReason: '' });
    });

    it('suggests the ward for a ward road near a national road, and says why', async () => {
      const [near, on] = (await json(vp.post(`${base}/opinions/bulk`, {
        roundId, meetingId,
        items: [
          { text: 'Tuyến đường tổ dân phố Long Thạnh 1 nối ra Quốc lộ 1A bị ngập khi mưa, đề nghị làm mương thoát nước.' },
          { text: 'Đoạn Quốc lộ 1A qua phường Sa Huỳnh hư hỏng nặng, đề nghị sửa chữa.' },
        ],
      }), 201)).items;
      const s = (await json(vp.post(`${base}/opinions/suggestions`, { opinionIds: [near.id, on.id] }))).items;
      const byId = Object.fromEntries(s.map((x: { opinionId: string }) => [x.opinionId, x]));
      expect(byId[near.id].competentLevel).toMatchObject({ level: 'commune' });
      expect(byId[near.id].competentLevel.reason).toContain('“quốc lộ” chỉ là nơi đối tượng kiến nghị nối tới hoặc nằm gần');
      expect(byId[on.id].competentLevel).toMatchObject({ level: 'central' });
      expect(byId[on.id].competentLevel.reason).toMatch(/^Nội dung nhắc đến “quốc lộ”, thuộc thẩm quyền cấp trung ương/);
    });

    it('accepts only delegates of the council (or of the joint council) at a contact meeting', async () => {
      const own = t.id('delegate:sa-huynh:0');
      const other = t.id('delegate:duc-pho-ward:0');
      const res = await vp.post(`${base}/petition-rounds/${roundId}/meetings`, { heldOn: '2026-11-24', delegateIds: [own, other] });
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toBe('Đại biểu dự hội nghị phải là đại biểu của HĐND này.');
      const m = await json(vp.post(`${base}/petition-rounds/${roundId}/meetings`, { heldOn: '2026-11-24', delegateIds: [own] }), 201);
      expect((await vp.patch(`${base}/petition-rounds/${roundId}/meetings/${m.id}`, { delegateIds: [own, other] })).status).toBe(422);
      // A joint meeting with the provincial council may list its delegates.
      const prov = t.id('delegate:province:0');
      expect((await vp.patch(`${base}/petition-rounds/${roundId}/meetings/${m.id}`, { delegateIds: [own, prov] })).status).toBe(422);
      await json(vp.patch(`${base}/petition-rounds/${roundId}/meetings/${m.id}`, { jointCouncilId: t.id('council:province'), delegateIds: [own, prov] }));
      // Dropping the joint council while its delegates are listed is refused.
      expect((await vp.patch(`${base}/petition-rounds/${roundId}/meetings/${m.id}`, { jointCouncilId: null })).status).toBe(422);
    });
  });
}
