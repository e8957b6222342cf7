// The signer and the signer's title are chosen when a document is issued: the issuing body's
// leaders from the directory, the chair first; the letter then reads "TM. THƯỜNG TRỰC HĐND / CHỦ
// TỊCH" for the chair and "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" for a vice-chair (ND30), on the page
// LibreOffice prints too.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, findSoffice, pdfToPng, pdfToText } from '../../src/modules/documents/render/libreoffice.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { bytesOf, docxParagraphs } from './support.ts';

const soffice = await findSoffice();

interface Signer { delegateId: string; name: string; title: string; lines: string[] }

for (const kind of dbKinds()) {
  describe(`documents: signer chosen at issue [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let base: string;
    let roundId: string;
    let dir: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      base = `/api/councils/${t.id('council:sa-huynh')}`;
      const rounds = await (await vp.get(`${base}/petition-rounds`)).json();
      roundId = (rounds.items ?? rounds)[0].id;
      dir = await mkdtemp(join(tmpdir(), 'nt-signer-'));
    });
    afterAll(async () => {
      await t?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const signersOf = async (kindOf: string) => {
      const issuers = (await (await vp.get(`${base}/documents/issuers`)).json()).items as { id: string; kind: string }[];
      const issuer = issuers.find((i) => i.kind === kindOf)!;
      return { issuer, signers: ((await (await vp.get(`${base}/documents/issuers/${issuer.id}/signers`)).json()).items as Signer[]) };
    };
    const signatureOf = (docx: Uint8Array) => {
      const ps = docxParagraphs(docx).map((p) => p.trim()).filter(Boolean);
      const at = ps.indexOf('Nơi nhận:');
      return ps.slice(at);
    };

    it('offers the standing committee’s chair first, then the vice-chairs, each with the ND30 capacity', async () => {
      const { signers } = await signersOf('standing');
      expect(signers.length).toBeGreaterThanOrEqual(2);
      expect(signers[0]).toMatchObject({ title: 'Chủ tịch HĐND', lines: ['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH'] });
      expect(signers[1]).toMatchObject({ title: 'Phó Chủ tịch HĐND', lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] });
      const { signers: office } = await signersOf('office');
      expect(office).toEqual([]);
    });

    it('renders the chosen signer’s capacity and name; refuses a delegate who does not sign for the issuer', async () => {
      const { issuer, signers } = await signersOf('standing');
      const [chair, vice] = signers as [Signer, Signer];
      const issue = (signerId: string) => vp.post(`${base}/documents/templates/petition_round_report/issue`, { issuerId: issuer.id, params: { roundId, signerId } });

      const asChair = await issue(chair.delegateId);
      expect(asChair.status).toBe(201);
      const chairDoc = await asChair.json();
      const chairDocx = await bytesOf(await vp.get(`${base}/documents/${chairDoc.id}/download`));
      const sig = signatureOf(chairDocx);
      expect(sig).toEqual(expect.arrayContaining(['TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH', chair.name]));
      expect(sig).not.toContain('PHÓ CHỦ TỊCH');

      const viceDoc = await (await issue(vice.delegateId)).json();
      const viceSig = signatureOf(await bytesOf(await vp.get(`${base}/documents/${viceDoc.id}/download`)));
      expect(viceSig).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', vice.name]));
      expect(viceSig).not.toContain('TM. THƯỜNG TRỰC HĐND');

      // a delegate group chair is no signer of the standing committee; nothing is numbered
      const before = (await (await vp.get(`${base}/documents`)).json()).total;
      const stranger = '00000000-0000-4000-8000-000000000001';
      const refused = await issue(stranger);
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.message).toContain('không phải lãnh đạo của');
      expect((await (await vp.get(`${base}/documents`)).json()).total).toBe(before);

      if (soffice && kind === 'pglite') {
        const file = join(dir, 'bao-cao-chu-tich.docx');
        await writeFile(file, chairDocx);
        const pdf = await convertToPdf(file, dir, soffice);
        const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
        expect(text).toContain('TM. THƯỜNG TRỰC HĐND CHỦ TỊCH');
        expect(text).toContain(chair.name);
        if (process.env.NT_DOC_OUT) {
          await writeFile(join(process.env.NT_DOC_OUT, 'bao-cao-chu-tich.pdf'), await readFile(pdf));
          await pdfToPng(pdf, join(process.env.NT_DOC_OUT, 'bao-cao-chu-tich'), 70);
        }
      }
    });
  });
}
