// Citizen reception (tiếp công dân): each citizen received is a row of the year's Sổ tiếp công dân
// (Mẫu 03/TCD), validated by the domain (validateReceptionRecord); a reception may open the
// letters it brought (one per kind) in the same transaction, and the schedule of reception days
// (configurable, UNVERIFIED defaults) shows the days held and those missing.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { conflict, invalid } from '../../server/errors.ts';
import {
  receptionDays, registerRow, scheduleShortfall, shortfallRuns, validateReceptionRecord, DEFAULT_RECEPTION_SCHEDULE, LETTER_KIND_LABELS, RECEIVER_KIND_LABELS, RECEPTION_MODE_LABELS,
  type LetterKind, type ReceptionRecordInput, type ReceiverKind, type ReceptionMode,
} from '../../domain/letters/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { recordEvent } from '../audit/service.ts';
import { delegates } from '../directory/schema.ts';
import { receiveLetterTx } from './actions.ts';
import { domain, knownYears, today, type ActionCtx, type DbOrTx } from './common.ts';
import { receptionRecords } from './schema.ts';
import { attachmentsOf, ownsReception, protectList, type AttachmentView } from './attachments.ts';

export type ReceptionInput = Omit<ReceptionRecordInput, 'receiverId'> & {
  /** Open the letter(s) the citizen brought, to forward and follow up. */
  openLetter?: boolean;
};

/** What an online request brings to the record (read and locked inside the record's transaction). */
export type OnlineSource = (tx: DbOrTx) => Promise<{ patch: Partial<ReceptionInput>; delegateId: string | null; done: (receptionId: string) => Promise<void> }>;

/** Records a reception (the secretariat for the standing committee, or a delegate for themself; or from a confirmed online request). */
export async function recordReception(ctx: ActionCtx, councilId: string, given: ReceptionInput, givenBy: { delegateId: string | null }, opts: { fromOnline?: OnlineSource } = {}) {
  return ctx.db.transaction(async (tx) => {
    const online = opts.fromOnline ? await opts.fromOnline(tx) : null;
    const input: ReceptionInput = online ? { ...given, ...online.patch } : given;
    const by = online ? { delegateId: online.delegateId } : givenBy;
    const record: ReceptionRecordInput = { ...input, receiverId: by.delegateId ?? ctx.actor.id ?? '' };
    if (!online && by.delegateId && input.receiverKind !== 'delegate') throw invalid('Đại biểu ghi lượt tiếp công dân của chính mình (người tiếp: đại biểu).');
    const errors = validateReceptionRecord(record);
    if (errors.length) throw invalid(errors[0]!.message, errors);
    if (online && input.receivedOn > today(ctx.now)) throw conflict('Chưa đến ngày tiếp công dân trực tuyến đã hẹn: chỉ ghi vào sổ sau khi đã tiếp.');
    await tx.execute(sql`select id from councils where id = ${councilId} for update`);
    const year = Number(input.receivedOn.slice(0, 4));
    const [m] = await tx.select({ n: sql<number>`coalesce(max(${receptionRecords.number}), 0)::int` }).from(receptionRecords).where(and(eq(receptionRecords.councilId, councilId), eq(receptionRecords.year, year)));
    const receiverName = by.delegateId
      ? ((await tx.select({ name: delegates.fullName }).from(delegates).where(eq(delegates.id, by.delegateId)))[0]?.name ?? ctx.actor.name)
      : ctx.actor.name;
    const opened = input.openLetter
      ? await receiveLetterTx(tx, ctx, councilId, {
          receivedOn: input.receivedOn, channel: by.delegateId ? 'delegate' : 'reception', kinds: input.kinds as LetterKind[],
          summary: input.summary, content: input.request, competence: input.withinCompetence ? 'ours' : 'not_ours',
          signers: [{ name: input.citizenName, address: input.citizenAddress, idNumber: /^\d{12}$/.test(input.idDocument.replace(/\s+/g, '')) ? input.idDocument.replace(/\s+/g, '') : null }],
          delegateId: by.delegateId,
        }, null, false)
      : null;
    const [row] = await tx.insert(receptionRecords).values({
      councilId, year, number: (m?.n ?? 0) + 1, receivedOn: input.receivedOn, mode: input.mode, receiverKind: input.receiverKind, receiverName, delegateId: by.delegateId,
      citizenName: input.citizenName.trim(), citizenAddress: input.citizenAddress.trim(), idDocument: input.idDocument.trim(), proxy: input.proxy, authorisationRef: input.authorisationRef,
      summary: input.summary, request: input.request, kinds: input.kinds, peopleCount: input.peopleCount, priorHandling: input.priorHandling, withinCompetence: input.withinCompetence,
      guidance: input.guidance, forwarding: input.forwarding, outcome: input.outcome, followUp: input.followUp,
      letterIds: opened?.letters.map((l) => l.id) ?? [], createdById: ctx.actor.id,
    }).returning();
    // The event names the row and the letters, never the citizen (a denunciation's identity is protected).
    await recordEvent(tx, ctx.actor, {
      action: 'reception.record', entityType: 'reception', entityId: row!.id, councilId,
      after: { number: row!.number, year, receivedOn: row!.receivedOn, mode: row!.mode, receiverKind: row!.receiverKind, kinds: row!.kinds, letters: opened?.letters.map((l) => ({ id: l.id, reference: l.reference })) ?? [] },
    });
    await online?.done(row!.id);
    return { id: row!.id, number: row!.number, year, letters: opened?.letters ?? [] };
  });
}

type Row = typeof receptionRecords.$inferSelect;

/** A row as the viewer may see it: a denunciation's citizen only for the person who received them. */
function rowView(r: Row, mayIdentify: boolean, files: AttachmentView[] = []) {
  const denunciation = r.kinds.includes('denunciation');
  const identify = mayIdentify || !denunciation;
  return {
    id: r.id, number: r.number, year: r.year, receivedOn: r.receivedOn, mode: r.mode, modeLabel: RECEPTION_MODE_LABELS[r.mode as ReceptionMode],
    receiverKind: r.receiverKind, receiverKindLabel: RECEIVER_KIND_LABELS[r.receiverKind as ReceiverKind], receiverName: r.receiverName,
    citizenName: identify ? r.citizenName : null, citizenAddress: identify ? r.citizenAddress : null, idDocument: identify ? r.idDocument : null,
    identityProtected: !identify,
    summary: identify ? r.summary : null, request: identify ? r.request : null,
    kinds: r.kinds, kindLabels: r.kinds.map((k) => LETTER_KIND_LABELS[k as LetterKind]), peopleCount: r.peopleCount, withinCompetence: r.withinCompetence,
    guidance: r.guidance, forwarding: r.forwarding, outcome: identify ? r.outcome : null, followUp: r.followUp, letterIds: r.letterIds,
    // A denunciation's reception: its files for who received the citizen only, under neutral names.
    attachments: denunciation ? (mayIdentify ? protectList(files) : []) : files,
  };
}

export async function listReceptions(db: DbOrTx, councilId: string, f: { year?: number; delegateId?: string; page: number; pageSize: number }, viewer: { userId: string; delegateId: string | null }) {
  const where = and(eq(receptionRecords.councilId, councilId), f.year ? eq(receptionRecords.year, f.year) : undefined, f.delegateId ? eq(receptionRecords.delegateId, f.delegateId) : undefined);
  const { items: rows, total } = await pageWithTotal(
    f,
    (total) =>
      db.select({ r: receptionRecords, total }).from(receptionRecords).where(where).orderBy(desc(receptionRecords.receivedOn), desc(receptionRecords.number)),
    () => countWhere(db, receptionRecords, where),
  );
  const files = await attachmentsOf(db, { receptionIds: rows.map(({ r }) => r.id) });
  return { items: rows.map(({ r }) => rowView(r, ownsReception(r, viewer), files.get(r.id) ?? [])), total, page: f.page, pageSize: f.pageSize };
}

/** The year's register (Mẫu 03/TCD) as rows of text, for the .xlsx export: a denunciation's citizen is never in it. */
export async function registerRows(db: DbOrTx, councilId: string, year: number) {
  const rows = await db.select().from(receptionRecords).where(and(eq(receptionRecords.councilId, councilId), eq(receptionRecords.year, year))).orderBy(asc(receptionRecords.number));
  return rows.map((r) => {
    const secret = r.kinds.includes('denunciation');
    const cells = registerRow(r.number, {
      receivedOn: r.receivedOn, mode: r.mode as ReceptionMode, receiverKind: r.receiverKind as ReceiverKind, receiverId: '',
      citizenName: secret ? 'Giữ bí mật' : r.citizenName, citizenAddress: secret ? 'theo quy định về bảo vệ người tố cáo' : r.citizenAddress,
      idDocument: secret ? '' : r.idDocument, proxy: r.proxy, authorisationRef: r.authorisationRef,
      summary: secret ? 'Nội dung tố cáo (giữ bí mật)' : r.summary, request: r.request, kinds: r.kinds as LetterKind[], peopleCount: r.peopleCount,
      priorHandling: r.priorHandling, withinCompetence: r.withinCompetence,
      guidance: r.guidance as ReceptionRecordInput['guidance'], forwarding: r.forwarding as ReceptionRecordInput['forwarding'], outcome: r.outcome, followUp: r.followUp,
    });
    return Object.fromEntries(cells.map((v, i) => [`c${i + 1}`, v]));
  });
}

export const REGISTER_COLUMNS = [
  'STT', 'Ngày tiếp', 'Họ tên, địa chỉ', 'CCCD/Hộ chiếu hoặc giấy tờ khác', 'Tóm tắt nội dung vụ việc', 'Phân loại', 'Số người cùng nội dung',
  'Cơ quan đã giải quyết hết thẩm quyền', 'Thuộc thẩm quyền', 'Hướng dẫn (cơ quan, số văn bản)', 'Chuyển đơn (cơ quan nhận, số công văn)', 'Theo dõi kết quả giải quyết',
];

/** Has the month or quarter `index` of `year` ended before `day`? */
function periodEnded(period: 'month' | 'quarter', year: number, index: number, day: string): boolean {
  const lastMonth = period === 'month' ? index : index * 3;
  return year * 100 + lastMonth < Number(day.slice(0, 4)) * 100 + Number(day.slice(5, 7));
}

/** The reception days of the year by the schedule (shipped UNVERIFIED defaults), the days held, and the periods short. */
export async function receptionSchedule(db: DbOrTx, councilId: string, year: number, calendar: WorkingCalendar, day: string) {
  const held = await db
    .select({ day: receptionRecords.receivedOn, kind: receptionRecords.receiverKind })
    .from(receptionRecords)
    .where(and(eq(receptionRecords.councilId, councilId), eq(receptionRecords.year, year)));
  return {
    year,
    rules: DEFAULT_RECEPTION_SCHEDULE.map((rule) => {
      const days = domain(() => receptionDays(rule, year, calendar, knownYears(calendar)));
      const heldDays = held.filter((h) => (rule.receiver === 'standing_committee' ? h.kind !== 'delegate' : h.kind === 'delegate')).map((h) => h.day);
      // Only periods already over can fall short.
      const shortfall = scheduleShortfall(rule, year, heldDays).filter((x) => periodEnded(rule.period, year, x.index, day));
      return {
        receiver: rule.receiver, receiverLabel: RECEIVER_KIND_LABELS[rule.receiver], period: rule.period, daysPerPeriod: rule.daysPerPeriod,
        verified: rule.verified, source: rule.source, days, held: [...new Set(heldDays)].sort(),
        shortfall, shortfallRuns: shortfallRuns(rule.period, year, shortfall),
      };
    }),
  };
}
