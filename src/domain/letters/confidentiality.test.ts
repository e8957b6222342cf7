import { describe, expect, it } from 'vitest';
import { audienceOf, publicCounts, redactLetter } from './confidentiality.ts';
import type { Audience, StoredLetter } from './confidentiality.ts';
import { ruleError } from './testSupport.ts';

const SECRET_NAME = 'Trần Thị Bích';
const SECRET_ADDRESS = 'Số 7 ngõ 12, thôn Đông';
const SECRET_ID = '001190012345';
const SECRET_TEXT = 'Ông Chủ tịch xã nhận 200 triệu đồng của nhà thầu';

function letter(handleAsDenunciation: boolean): StoredLetter {
  return {
    id: 'l1',
    reference: 'TC-2026-0007',
    kind: handleAsDenunciation ? 'denunciation' : 'request',
    handleAsDenunciation,
    state: 'forwarded',
    receivedOn: '2026-07-02',
    fieldId: 'land',
    agencyId: 'ubnd',
    signers: [{ name: SECRET_NAME, address: SECRET_ADDRESS, idNumber: SECRET_ID, phone: '0912345678', email: 'bich@example.vn' }],
    summary: SECRET_TEXT,
    content: `${SECRET_TEXT}, có biên nhận kèm theo.`,
    attachments: [
      { id: 'a1', kind: 'handwriting', name: 'don-viet-tay.pdf' },
      { id: 'a2', kind: 'evidence', name: 'bien-nhan.jpg' },
    ],
    handlerIds: ['u-handler'],
  };
}

const IDENTITY = [SECRET_NAME, SECRET_ADDRESS, SECRET_ID, '0912345678', 'bich@example.vn', 'don-viet-tay.pdf'];

describe('a letter handled as a denunciation', () => {
  const l = letter(true);

  it('no identity value survives for any audience but the named handlers', () => {
    for (const audience of ['council_staff', 'delegate', 'agency', 'export', 'audit', 'search'] as Audience[]) {
      const json = JSON.stringify(redactLetter(l, audience));
      for (const secret of IDENTITY) expect(json, `${audience} sees ${secret}`).not.toContain(secret);
      expect(json).not.toContain('u-handler');
    }
    const mine = JSON.stringify(redactLetter(l, 'handler'));
    for (const secret of IDENTITY) expect(mine).toContain(secret);
  });

  it('the content reaches the handlers and the body it is forwarded to, never an export, the audit viewer or the search', () => {
    expect(redactLetter(l, 'agency').content).toContain(SECRET_TEXT);
    for (const audience of ['council_staff', 'delegate', 'export', 'audit', 'search'] as Audience[]) {
      expect(JSON.stringify(redactLetter(l, audience))).not.toContain(SECRET_TEXT);
    }
    const view = redactLetter(l, 'export');
    expect(view.withheld).toEqual(['signers', 'handwriting', 'summary', 'content', 'evidence']);
    expect(view.signerCount).toBe(1);
    expect(view.reference).toBe('TC-2026-0007');
  });

  it('handlers are named people, not a role: a council staff member not named is not a handler', () => {
    expect(audienceOf(l, { userId: 'u-handler', role: 'council_staff' })).toBe('handler');
    expect(audienceOf(l, { userId: 'u-other', role: 'council_staff' })).toBe('council_staff');
    expect(audienceOf(l, { userId: null, role: 'export' })).toBe('export');
  });
});

describe('an ordinary letter', () => {
  it('council staff and delegates see the signer; the search and the audit viewer do not; the public sees counts only', () => {
    const l = letter(false);
    expect(redactLetter(l, 'delegate').signers![0]!.name).toBe(SECRET_NAME);
    expect(JSON.stringify(redactLetter(l, 'search'))).not.toContain(SECRET_NAME);
    expect(JSON.stringify(redactLetter(l, 'audit'))).not.toContain(SECRET_NAME);
    expect(redactLetter(l, 'delegate').attachments.map((a) => a.id)).toEqual([]);
    expect(redactLetter(l, 'agency').attachments.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(ruleError(() => redactLetter(l, 'public')).message).toContain('chỉ công bố số liệu tổng hợp');
    expect(publicCounts([l, letter(true), letter(true)])).toEqual({
      total: 3,
      byKind: { complaint: 0, denunciation: 2, request: 1, feedback: 0 },
      byState: { forwarded: 3 },
    });
  });
});
