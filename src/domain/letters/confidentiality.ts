/**
 * What of a letter each audience may see (letters.md "Confidentiality", issue #15): citizens'
 * names, addresses and handwriting are never public; a letter handled as a denunciation keeps the
 * denouncer's identity for the named handlers only (not a whole role) and its content for them
 * and the body it was forwarded to; exports never carry either; the public sees counts only.
 */
import { LetterRuleError } from './errors.ts';
import type { LetterKind } from './labels.ts';

export type Audience = 'handler' | 'council_staff' | 'delegate' | 'agency' | 'export' | 'audit' | 'search' | 'public';

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  handler: 'Người được giao xử lý đơn',
  council_staff: 'Cán bộ khác của Thường trực, Văn phòng',
  delegate: 'Đại biểu khác',
  agency: 'Cơ quan được chuyển đơn',
  export: 'Tệp xuất, báo cáo',
  audit: 'Nhật ký hệ thống',
  search: 'Kết quả tìm kiếm',
  public: 'Công khai',
};

export type LetterSigner = { name: string; address: string; idNumber: string | null; phone: string | null; email: string | null };

export type LetterAttachment = { id: string; kind: 'handwriting' | 'evidence' | 'other'; name: string };

/** The letter as the module stores it (the fields this domain reasons about). */
export type StoredLetter = {
  id: string;
  /** Pseudonymous reference shown instead of the signer's name when the identity is protected. */
  reference: string;
  kind: LetterKind;
  handleAsDenunciation: boolean;
  state: string;
  receivedOn: string;
  fieldId: string | null;
  agencyId: string | null;
  signers: LetterSigner[];
  summary: string;
  content: string;
  attachments: LetterAttachment[];
  /** The named people handling it (user ids). */
  handlerIds: string[];
};

/** Confidential fields: identity (the signers and handwriting) and the content (summary, full text, evidence). */
export type ConfidentialField = 'signers' | 'handwriting' | 'summary' | 'content' | 'evidence';

export const CONFIDENTIAL_FIELD_LABELS: Readonly<Record<ConfidentialField, string>> = {
  signers: 'Họ tên, địa chỉ, giấy tờ tùy thân, số điện thoại, thư điện tử của người gửi đơn',
  handwriting: 'Bút tích (bản chụp đơn viết tay)',
  summary: 'Tóm tắt nội dung đơn',
  content: 'Nội dung đơn',
  evidence: 'Tài liệu, chứng cứ kèm theo',
};

/** Who may see each confidential field: an ordinary letter, and one handled as a denunciation. */
export const VISIBILITY: Readonly<Record<'ordinary' | 'denunciation', Readonly<Record<ConfidentialField, readonly Audience[]>>>> = {
  ordinary: {
    signers: ['handler', 'council_staff', 'delegate', 'agency', 'export'],
    handwriting: ['handler', 'council_staff', 'agency'],
    summary: ['handler', 'council_staff', 'delegate', 'agency', 'export', 'search'],
    content: ['handler', 'council_staff', 'delegate', 'agency'],
    evidence: ['handler', 'council_staff', 'agency'],
  },
  // Luật Tố cáo Điều 47–48 (protection of the denouncer; forwarding strips the identity): the
  // body it is forwarded to gets the content without who sent it.
  denunciation: {
    signers: ['handler'],
    handwriting: ['handler'],
    summary: ['handler', 'agency'],
    content: ['handler', 'agency'],
    evidence: ['handler', 'agency'],
  },
};

/** The audience a viewer is for this letter: a named handler, or the audience of their role. */
export function audienceOf(letter: Pick<StoredLetter, 'handlerIds'>, viewer: { userId: string | null; role: Exclude<Audience, 'handler'> }): Audience {
  if (viewer.userId !== null && letter.handlerIds.includes(viewer.userId)) return 'handler';
  return viewer.role;
}

export type LetterView = Omit<StoredLetter, 'signers' | 'summary' | 'content' | 'attachments'> & {
  signers: LetterSigner[] | null;
  signerCount: number;
  summary: string | null;
  content: string | null;
  attachments: LetterAttachment[];
  /** The confidential fields withheld from this audience. */
  withheld: ConfidentialField[];
};

export function canSee(letter: Pick<StoredLetter, 'handleAsDenunciation'>, field: ConfidentialField, audience: Audience): boolean {
  return VISIBILITY[letter.handleAsDenunciation ? 'denunciation' : 'ordinary'][field].includes(audience);
}

/**
 * The letter as `audience` may see it. The public never sees a single letter (aggregates only):
 * that is refused. Withheld fields are null (or dropped, for attachments); handler ids are kept
 * only for the handlers themselves when the identity is protected.
 */
export function redactLetter(letter: StoredLetter, audience: Audience): LetterView {
  if (audience === 'public') throw new LetterRuleError('publicLetter', 'Không công khai từng đơn thư: chỉ công bố số liệu tổng hợp.');
  const see = (f: ConfidentialField): boolean => canSee(letter, f, audience);
  const withheld = (['signers', 'handwriting', 'summary', 'content', 'evidence'] as const).filter((f) => !see(f));
  const keepAttachment = (a: LetterAttachment): boolean => (a.kind === 'handwriting' ? see('handwriting') : see('evidence'));
  return {
    id: letter.id,
    reference: letter.reference,
    kind: letter.kind,
    handleAsDenunciation: letter.handleAsDenunciation,
    state: letter.state,
    receivedOn: letter.receivedOn,
    fieldId: letter.fieldId,
    agencyId: letter.agencyId,
    signers: see('signers') ? letter.signers.map((s) => ({ ...s })) : null,
    signerCount: letter.signers.length,
    summary: see('summary') ? letter.summary : null,
    content: see('content') ? letter.content : null,
    attachments: letter.attachments.filter(keepAttachment).map((a) => ({ ...a })),
    handlerIds: letter.handleAsDenunciation && audience !== 'handler' ? [] : [...letter.handlerIds],
    withheld,
  };
}

/** What the public sees: counts by kind (and by state), never a letter. */
export function publicCounts(letters: readonly Pick<StoredLetter, 'kind' | 'state'>[]): { total: number; byKind: Record<LetterKind, number>; byState: Record<string, number> } {
  const byKind: Record<LetterKind, number> = { complaint: 0, denunciation: 0, request: 0, feedback: 0 };
  const byState: Record<string, number> = {};
  for (const l of letters) {
    byKind[l.kind]++;
    byState[l.state] = (byState[l.state] ?? 0) + 1;
  }
  return { total: letters.length, byKind, byState };
}
