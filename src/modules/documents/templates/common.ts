// Pieces every template uses: the header from the issuer, the signature and recipients from the
// wording, and the placeholders a council's wording may use.
import { z } from '@hono/zod-openapi';
import type { DocumentContent, DocumentHeader, SignatureBlock, TableBlock } from '../../../domain/documents/content.ts';
import { upperVi } from '../../../domain/documents/format.ts';
import { invalid } from '../../../server/errors.ts';
import { fillWording, linesOf, type BuildContext, type WordingSlot } from './registry.ts';

/** The ND30 header of a document issued by `ctx.issuer`, numbered `ctx.symbol`, dated `ctx.date`. */
export function headerOf(ctx: BuildContext, subjectLine?: string): DocumentHeader {
  return {
    ...(ctx.issuer.headerParent ? { parentBody: ctx.issuer.headerParent } : {}),
    issuingBody: ctx.issuer.headerName,
    numberLine: `Số: ${ctx.symbol}`,
    ...(subjectLine ? { subjectLine } : {}),
    place: ctx.issuer.place,
    date: ctx.date,
  };
}

/** "HĐND phường" → "phường": the level word used in running text ("UBND phường"). */
export function levelWord(councilShortName: string): string {
  return councilShortName.replace(/^HĐND\s*/u, '').trim() || councilShortName;
}

/** Placeholders available to every template's wording. */
export function varsOf(ctx: BuildContext, extra: Record<string, string> = {}): Record<string, string> {
  return { ...ctx.vars, level: levelWord(ctx.council.shortName), ...extra };
}

/** Common wording slots: signature lines, signer, recipients. */
export function signatureSlots(defaults: { lines: string; recipients: string; signerName?: string }): Record<string, WordingSlot> {
  return {
    signatureLines: {
      label: 'Thẩm quyền ký, chức vụ người ký (mỗi dòng một dòng chữ in hoa)',
      default: defaults.lines,
      multiline: true,
    },
    signerName: { label: 'Họ và tên người ký', default: defaults.signerName ?? '' },
    recipients: {
      label: 'Nơi nhận (mỗi dòng một nơi; dòng cuối "Lưu: VT, …")',
      default: defaults.recipients,
      multiline: true,
    },
  };
}

/** Params every template accepts to override the signer and recipients for one document. */
export const SignatureParams = {
  /** A leader of the issuing body from the directory (documents/signers.ts): name and capacity from there. */
  signerId: z.string().uuid({ message: 'Người ký không hợp lệ.' }).optional(),
  signerName: z.string().trim().max(100, { message: 'Họ tên người ký dài quá 100 ký tự.' }).optional(),
  /** The signer's title for this document ("Chủ tịch"): replaces the last line of the signature lines. */
  signerTitle: z.string().trim().max(100, { message: 'Chức vụ người ký dài quá 100 ký tự.' }).optional(),
  recipients: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
};

/** The signer resolved from `signerId` before building (documents/service.ts). */
export interface ResolvedSigner {
  name: string;
  lines: string[];
}

export function signatureOf(
  wording: Record<string, string>,
  vars: Record<string, string>,
  params: { signerName?: string | undefined; signerTitle?: string | undefined; signer?: ResolvedSigner | undefined },
): SignatureBlock {
  // chosen from the directory: "TM. THƯỜNG TRỰC HĐND / CHỦ TỊCH" or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
  if (params.signer) return { lines: [...params.signer.lines], signerName: params.signer.name };
  const signerName = (params.signerName ?? '').trim() || fillWording(wording.signerName ?? '', vars).trim();
  if (!signerName) {
    throw invalid('Chưa có họ tên người ký: nhập họ tên người ký, hoặc đặt sẵn trong lời văn của mẫu.');
  }
  const lines = linesOf(fillWording(wording.signatureLines ?? '', vars));
  const title = (params.signerTitle ?? '').trim();
  // "TM. THƯỜNG TRỰC HĐND / PHÓ CHỦ TỊCH" signed by the chair: only the title line changes.
  if (title) lines.splice(Math.max(lines.length - 1, 0), lines.length ? 1 : 0, upperVi(title));
  return { lines, signerName };
}

export function recipientsOf(
  wording: Record<string, string>, vars: Record<string, string>, params: { recipients?: string[] | undefined },
): string[] {
  return params.recipients && params.recipients.length > 0 ? params.recipients : linesOf(fillWording(wording.recipients ?? '', vars));
}

/**
 * A letter to one addressee that lists what it is about in a table between two paragraphs (the
 * reminder letters of the petitions and sessions modules): header with the "V/v" line, "Kính gửi",
 * opening, table, request, signature and recipients from the wording.
 */
export function tableLetter(x: {
  ctx: BuildContext;
  subjectLine: string;
  addressee: string;
  wording: Record<string, string>;
  vars: Record<string, string>;
  params: Parameters<typeof signatureOf>[2] & { recipients?: string[] | undefined };
  columns: TableBlock['columns'];
  rows: string[][];
}): DocumentContent {
  return {
    header: headerOf(x.ctx, x.subjectLine),
    kinhGui: [x.addressee],
    body: [
      { type: 'paragraph', text: fillWording(x.wording.opening ?? '', x.vars) },
      { type: 'table', columns: x.columns, rows: x.rows, fontSize: 12 },
      { type: 'paragraph', text: fillWording(x.wording.request ?? '', x.vars) },
    ],
    signature: signatureOf(x.wording, x.vars, x.params),
    recipients: recipientsOf(x.wording, x.vars, x.params),
  };
}
