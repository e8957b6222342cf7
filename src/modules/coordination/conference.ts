// The periodic reporting conference between levels (hội nghị trực báo, Luật 72/2025 Điều 31 k11;
// the founding notice is the conclusion of one). The upper council convenes it; each lower
// council's figures are the dashboards' own (dashboards/queries/lowerCouncils.ts
// lowerCouncilsView: petitions collected, resolved, overdue, sessions held, supervision
// activities) and the letters module's (letterFigures: letters received in the period) — no
// second definition here. The conclusion notice (TB) is drafted from them and issued through the
// documents engine (template conclusion_notice) in the conference's transaction.
import { and, asc, count, desc, eq, getTableColumns } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import { conflict, invalid } from '../../server/errors.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { CONFERENCE_STATE_LABELS, countWord, type ConferenceState } from '../../domain/coordination/index.ts';
import { recordEvent } from '../audit/service.ts';
import { documentDownloadPath, issueDocumentTx } from '../documents/service.ts';
import { documents } from '../documents/schema.ts';
import { lowerCouncilsView } from '../dashboards/queries/lowerCouncils.ts';
import { letterFigures } from '../letters/queries.ts';
import { councilRow } from '../petitions/common.ts';
import { conferenceOf, out, shortDate, today, type ActionCtx, type DbOrTx } from './common.ts';
import { reportingConferences } from './schema.ts';
import type { Db } from '../../db/client.ts';

export interface ConferenceInput {
  title: string;
  heldOn: string;
  periodFrom: string;
  periodTo: string;
  chairName?: string;
  place?: string;
  sites?: number | null;
  attendees?: string;
}

function checkDates(i: { heldOn: string; periodFrom: string; periodTo: string }) {
  if (i.periodTo < i.periodFrom) throw invalid('Kỳ báo cáo: ngày cuối phải từ ngày đầu trở đi.');
  if (i.periodTo > i.heldOn) throw invalid('Kỳ báo cáo không được kéo dài sau ngày họp.');
}

export async function planConference(ctx: ActionCtx, councilId: string, input: ConferenceInput) {
  checkDates(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(reportingConferences).values({
      councilId, title: input.title, heldOn: input.heldOn, periodFrom: input.periodFrom, periodTo: input.periodTo,
      chairName: input.chairName ?? '', place: input.place ?? '', sites: input.sites ?? null, attendees: input.attendees ?? '',
    }).returning();
    await recordEvent(tx, ctx.actor, { action: 'reporting_conference.plan', entityType: 'reporting_conference', entityId: row!.id, councilId, after: out(row!) });
    return out(row!);
  });
}

/** Figures of every council directly below the host, as their dashboards count them, plus letters. */
export async function conferenceFigures(db: Db, user: AuthUser | null, c: { councilId: string; periodFrom: string; periodTo: string }, day: string) {
  const view = await lowerCouncilsView(db, user, c.councilId, c.periodTo, day);
  const letters = await Promise.all(view.councils.map((l) => letterFigures(db, l.councilId, c.periodFrom, c.periodTo, day)));
  const councils = view.councils.map((l, i) => ({
    councilId: l.councilId,
    councilName: l.councilName,
    unitName: l.unitName,
    canOpen: l.canOpen,
    sessionsHeld: l.sessionsHeld,
    supervisionActivities: l.supervisionActivities,
    petitionsCollected: l.collected.value,
    petitionsForwarded: l.forwarded.value,
    petitionsAnswered: l.answered.value,
    petitionsResolved: l.resolved.value,
    petitionsOverdue: l.overdue.value,
    resolutionRate: l.resolutionRate,
    letters: letters[i]!.total,
  }));
  const sum = (k: 'sessionsHeld' | 'supervisionActivities' | 'petitionsCollected' | 'petitionsForwarded' | 'petitionsAnswered' | 'petitionsResolved' | 'petitionsOverdue' | 'letters') =>
    councils.reduce((n, r) => n + r[k], 0);
  return {
    councils,
    totals: {
      sessionsHeld: sum('sessionsHeld'), supervisionActivities: sum('supervisionActivities'), petitionsCollected: sum('petitionsCollected'),
      petitionsForwarded: sum('petitionsForwarded'), petitionsAnswered: sum('petitionsAnswered'), petitionsResolved: sum('petitionsResolved'),
      petitionsOverdue: sum('petitionsOverdue'), letters: sum('letters'),
    },
  };
}

/** The state shown: planned becomes held once its day has come (computed, not stored). */
const stateOn = (r: typeof reportingConferences.$inferSelect, day: string): ConferenceState =>
  r.state === 'planned' && r.heldOn <= day ? 'held' : (r.state as ConferenceState);

const view = (r: typeof reportingConferences.$inferSelect, day: string) => {
  const state = stateOn(r, day);
  return { ...out(r), state, stateLabel: CONFERENCE_STATE_LABELS[state] ?? state };
};

export async function listConferences(db: DbOrTx, councilId: string, f: { page: number; pageSize: number }, day: string) {
  const where = eq(reportingConferences.councilId, councilId);
  const { items: rows, total } = await pageWithTotal(
    f,
    (total) => db.select({ ...getTableColumns(reportingConferences), total }).from(reportingConferences).where(where).orderBy(desc(reportingConferences.heldOn), asc(reportingConferences.createdAt)),
    () => countWhere(db, reportingConferences, where),
  );
  return { items: rows.map((r) => view(r, day)), total, page: f.page, pageSize: f.pageSize };
}

export async function conferenceDetail(db: Db, user: AuthUser | null, councilId: string, id: string, day: string) {
  const c = await conferenceOf(db, councilId, id);
  const [doc] = c.conclusionDocumentId
    ? await db.select({ id: documents.id, symbol: documents.symbol, issuedOn: documents.issuedOn }).from(documents).where(and(eq(documents.id, c.conclusionDocumentId), eq(documents.councilId, councilId)))
    : [];
  return {
    ...view(c, day),
    day,
    figures: await conferenceFigures(db, user, c, day),
    conclusion: doc ? { ...doc, downloadPath: documentDownloadPath(councilId, doc.id) } : null,
  };
}

type Figures = Awaited<ReturnType<typeof conferenceFigures>>;

/** The notice's text drafted from the figures: what the secretariat then edits in the form. */
export function draftConclusion(c: typeof reportingConferences.$inferSelect, hostName: string, f: Figures) {
  const t = f.totals;
  const intro = [
    `Ngày ${shortDate(c.heldOn)}, Thường trực ${hostName} tổ chức ${c.title}${c.place ? ` tại ${c.place}` : ''}${c.sites ? `, trực tuyến tại ${countWord(c.sites)} điểm cầu` : ''}${c.chairName ? `; ${c.chairName} chủ trì hội nghị` : ''}.`,
    ...(c.attendees ? [`Tham dự hội nghị có: ${c.attendees}.`] : []),
    `Hội nghị nghe Thường trực HĐND ${countWord(f.councils.length)} đơn vị cấp dưới báo cáo kết quả hoạt động từ ngày ${shortDate(c.periodFrom)} đến ngày ${shortDate(c.periodTo)}.`,
  ];
  const overall =
    `Các HĐND cấp dưới đã tổ chức ${countWord(t.sessionsHeld)} kỳ họp; ${countWord(t.supervisionActivities)} đợt giám sát, khảo sát; ` +
    `tiếp nhận ${countWord(t.petitionsCollected)} kiến nghị của cử tri, đã chuyển ${countWord(t.petitionsForwarded)} kiến nghị đến cơ quan có thẩm quyền, ` +
    `${countWord(t.petitionsResolved)} kiến nghị đã được giải quyết, ${countWord(t.petitionsOverdue)} kiến nghị quá hạn trả lời; tiếp nhận ${countWord(t.letters)} đơn thư.`;
  const sections = [
    {
      title: 'Kết quả hoạt động của HĐND các đơn vị cấp dưới',
      paragraphs: [overall],
      items: f.councils.map((r) => ({
        title: r.councilName,
        text: `${countWord(r.sessionsHeld)} kỳ họp; ${countWord(r.supervisionActivities)} đợt giám sát, khảo sát; ${countWord(r.petitionsCollected)} kiến nghị cử tri (đã giải quyết ${countWord(r.petitionsResolved)}, quá hạn ${countWord(r.petitionsOverdue)}); ${countWord(r.letters)} đơn thư.`,
      })),
      bullets: [],
    },
    {
      title: 'Nhiệm vụ trong thời gian tới',
      paragraphs: [],
      items: [],
      bullets: [
        ...(t.petitionsOverdue > 0 ? [`Đôn đốc cơ quan có thẩm quyền trả lời ${countWord(t.petitionsOverdue)} kiến nghị cử tri đã quá hạn; theo dõi đến khi giải quyết dứt điểm.`] : []),
        'Tiếp tục đổi mới hoạt động giám sát, tránh chồng chéo, trùng lặp về nội dung và thời gian.',
        'Chuẩn bị tốt tài liệu kỳ họp, gửi đúng thời hạn để các Ban thẩm tra.',
      ],
    },
  ];
  return { subject: `Kết luận của Thường trực ${hostName} tại ${c.title}`, intro, sections };
}

export interface ConclusionInput {
  chairPerson?: string;
  signerName?: string;
  signerTitle?: string;
  /** Sections the secretariat adds after the drafted ones (tasks assigned). */
  extraSections?: { title: string; paragraphs: string[]; bullets: string[] }[];
}

/** Issues the conclusion notice (TB) from the figures, numbered in the documents register. */
export async function issueConclusion(ctx: ActionCtx, user: AuthUser | null, councilId: string, id: string, input: ConclusionInput) {
  const day = today(ctx.now);
  const c0 = await conferenceOf(ctx.db, councilId, id);
  if (c0.heldOn > day) throw invalid('Hội nghị chưa diễn ra: chưa ban hành được thông báo kết luận.');
  const figures = await conferenceFigures(ctx.db, user, c0, day);
  return ctx.db.transaction(async (tx) => {
    const c = await conferenceOf(tx, councilId, id, { lock: true });
    if (c.conclusionDocumentId) throw conflict('Hội nghị đã có thông báo kết luận.');
    if (c.version !== c0.version) throw conflict('Hội nghị vừa được người khác cập nhật. Vui lòng tải lại.');
    const host = await councilRow(tx, councilId);
    const draft = draftConclusion(c, host.shortName || host.name, figures);
    const doc = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, {
      templateKey: 'conclusion_notice',
      params: {
        subject: draft.subject,
        ...(input.chairPerson || c.chairName ? { chairPerson: input.chairPerson || c.chairName } : {}),
        intro: draft.intro,
        sections: [...draft.sections, ...(input.extraSections ?? []).map((s) => ({ ...s, items: [] }))],
        ...(input.signerName ? { signerName: input.signerName } : {}),
        ...(input.signerTitle ? { signerTitle: input.signerTitle } : {}),
      },
    });
    const [row] = await tx.update(reportingConferences).set({ state: 'concluded', conclusionDocumentId: doc.id, version: c.version + 1, updatedAt: new Date() })
      .where(eq(reportingConferences.id, c.id)).returning();
    await recordEvent(tx, ctx.actor, {
      action: 'reporting_conference.conclude', entityType: 'reporting_conference', entityId: c.id, councilId,
      before: { state: c.state }, after: { state: 'concluded', documentId: doc.id, symbol: doc.symbol, totals: figures.totals },
    });
    return { conference: view(row!, day), document: { ...doc, downloadPath: documentDownloadPath(councilId, doc.id) } };
  });
}
