// Agenda items (each a submission: tờ trình, báo cáo, đề án) and their expected documents, whose
// due dates come from the session's rule set on the working-day calendar.
import { eq, sql } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { EXPECTED_DOCUMENT_KIND_LABELS, submissionTransition, type ExpectedDocumentKind, type SubmissionKind } from '../../../domain/sessions/index.ts';
import { recordEvent } from '../../audit/service.ts';
import { agencies, bodies } from '../../directory/schema.ts';
import {
  assertOpen, dueOf, itemOf, loadCalendar, out, ruleSetOf, sessionOf, type ActionCtx, type DbOrTx,
} from '../common.ts';
import { sessionDocuments, sessionItems } from '../schema.ts';
import { sessionVerifications } from '../verificationSchema.ts';

export interface ItemInput {
  kind: SubmissionKind;
  title: string;
  presenterAgencyId?: string | null;
  presenterBodyId?: string | null;
  committeeBodyId?: string | null;
  /** Expected documents created with the item. */
  documents?: ExpectedDocumentKind[];
}

async function checkPresenter(tx: DbOrTx, councilId: string, input: { presenterAgencyId?: string | null; presenterBodyId?: string | null; committeeBodyId?: string | null }) {
  if (input.presenterAgencyId) {
    const [a] = await tx.select().from(agencies).where(eq(agencies.id, input.presenterAgencyId));
    if (!a) throw notFound('cơ quan trình');
    if (!a.active) throw conflict(`${a.name} đã ngừng hoạt động; hãy chọn cơ quan khác.`);
  }
  for (const id of [input.presenterBodyId, input.committeeBodyId]) {
    if (!id) continue;
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, id));
    if (!b || b.councilId !== councilId) throw notFound('cơ quan của HĐND');
  }
  if (input.committeeBodyId) {
    const [b] = await tx.select().from(bodies).where(eq(bodies.id, input.committeeBodyId));
    if (b!.kind !== 'committee') throw invalid('Nội dung chỉ được phân công cho một Ban của HĐND thẩm tra.');
  }
}

async function insertDocument(tx: DbOrTx, session: { id: string; councilId: string; openingDate: string; ruleSetKey: string }, item: { id: string; presenterAgencyId: string | null }, kind: ExpectedDocumentKind, title?: string) {
  const [set, calendar] = await Promise.all([ruleSetOf(tx, session.councilId, session.ruleSetKey), loadCalendar(tx)]);
  const due = dueOf(kind, session.openingDate, set, calendar);
  const [row] = await tx.insert(sessionDocuments).values({
    itemId: item.id, sessionId: session.id, councilId: session.councilId, agencyId: item.presenterAgencyId,
    kind, title: title?.trim() || EXPECTED_DOCUMENT_KIND_LABELS[kind], ...due,
  }).returning();
  return row!;
}

export async function createItem(ctx: ActionCtx, councilId: string, sessionId: string, input: ItemInput) {
  if (!!input.presenterAgencyId === !!input.presenterBodyId) throw invalid('Hãy chọn đúng một cơ quan trình: một cơ quan (UBND, sở, …) hoặc một cơ quan của HĐND.');
  return ctx.db.transaction(async (tx) => {
    const session = await sessionOf(tx, councilId, sessionId, { lock: true });
    assertOpen(session);
    await checkPresenter(tx, councilId, input);
    const [{ n }] = (await tx.select({ n: sql<number>`coalesce(max(${sessionItems.position}), 0)::int` }).from(sessionItems).where(eq(sessionItems.sessionId, sessionId))) as [{ n: number }];
    const [item] = await tx.insert(sessionItems).values({
      sessionId, councilId, position: n + 1, kind: input.kind, title: input.title,
      presenterAgencyId: input.presenterAgencyId ?? null, presenterBodyId: input.presenterBodyId ?? null,
      committeeBodyId: input.committeeBodyId ?? null,
    }).returning();
    const docs = [];
    for (const kind of [...new Set(input.documents ?? [])]) docs.push(out(await insertDocument(tx, session, item!, kind)));
    await recordEvent(tx, ctx.actor, { action: 'session_item.create', entityType: 'session_item', entityId: item!.id, councilId, after: { ...item, documents: docs } });
    return { ...out(item!), documents: docs };
  });
}

export async function updateItem(
  ctx: ActionCtx, councilId: string, itemId: string,
  input: { title?: string; committeeBodyId?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await itemOf(tx, councilId, itemId);
    assertOpen(await sessionOf(tx, councilId, before.sessionId, { lock: true }));
    await checkPresenter(tx, councilId, { committeeBodyId: input.committeeBodyId });
    // The same rule as the assignment route: once the Ban's report is filed, the Ban stays.
    if (input.committeeBodyId !== undefined && input.committeeBodyId !== before.committeeBodyId) {
      const [v] = await tx.select({ reportIssuedOn: sessionVerifications.reportIssuedOn }).from(sessionVerifications).where(eq(sessionVerifications.itemId, itemId));
      if (v?.reportIssuedOn) throw conflict('Ban đã gửi báo cáo thẩm tra nội dung này; không thể phân công lại Ban khác.');
    }
    // Assigning a received submission to a Ban moves it on (domain submissionTransition); before it
    // is received the assignment is kept and applied on receipt.
    const state = input.committeeBodyId && before.state === 'received' ? submissionTransition('received', 'assign') : before.state;
    const [row] = await tx.update(sessionItems).set({
      ...(input.title ? { title: input.title } : {}),
      ...(input.committeeBodyId !== undefined ? { committeeBodyId: input.committeeBodyId } : {}),
      state,
      updatedAt: new Date(),
    }).where(eq(sessionItems.id, itemId)).returning();
    await recordEvent(tx, ctx.actor, { action: 'session_item.update', entityType: 'session_item', entityId: itemId, councilId, before, after: row });
    return out(row!);
  });
}

export async function addExpectedDocument(ctx: ActionCtx, councilId: string, itemId: string, input: { kind: ExpectedDocumentKind; title?: string }) {
  return ctx.db.transaction(async (tx) => {
    const item = await itemOf(tx, councilId, itemId);
    const session = await sessionOf(tx, councilId, item.sessionId, { lock: true });
    assertOpen(session);
    const row = await insertDocument(tx, session, item, input.kind, input.title);
    await recordEvent(tx, ctx.actor, { action: 'session_document.create', entityType: 'session_document', entityId: row.id, councilId, agencyId: row.agencyId, after: row });
    return out(row);
  });
}
