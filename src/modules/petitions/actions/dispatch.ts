// Forward petitions (chuyển kiến nghị): one official letter (công văn) to one agency, to the
// National Assembly delegation, or to the upper-level council, with its number and date and the
// list of petitions. The due date comes from the council's configurable rule on the Vietnamese
// working-day calendar (domain/petitions/deadlines.ts; calendar: Bộ luật Dân sự 2015 Điều 147–148).
// Cross-level: a petition sent to an upper council in this installation arrives in that council's
// intake as an opinion (channel lower_council) linked to it; the upper answer flows back down
// (actions/answer.ts).
// With `issueLetter` the letter is issued in the same step from the outgoing-document register
// (modules/documents, template petition_dispatch_letter): the dispatch takes the register's number
// and today's date, and keeps the link to the issued document. One transaction: a failure anywhere
// (rendering included) leaves no dispatch and gives the number back to the register.
import { petitionDispatched } from '../followup.ts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../../../server/errors.ts';
import { recordEvent } from '../../audit/service.ts';
import { adminUnits, agencies } from '../../directory/schema.ts';
import { explainDeadline } from '../../../domain/calendar/index.ts';
import { ruleFor, type DispatchTargetKind } from '../../../domain/petitions/deadlines.ts';
import { nextStatus, refusal, type PetitionStatus } from '../../../domain/petitions/status.ts';
import { summarizeSources } from '../../../domain/petitions/counting.ts';
import {
  councilRow, loadCalendar, loadSettings, out, roundOf, searchColumnsOf, today, unitChain, type ActionCtx, type DbOrTx,
} from '../common.ts';
import { dispatches, dispatchItems, opinions, petitionRounds, petitions } from '../schema.ts';
import { documentDownloadPath, issueDocumentTx, recordTypedNumber } from '../../documents/service.ts';
import { notify } from '../../notifications/service.ts';

/** Issue the forwarding letter from the register instead of typing an existing letter's number. */
export interface IssueLetterInput {
  /** One of the council's issuers (documents listIssuers); default the template's (standing committee). */
  issuerId?: string | null;
  signerName?: string;
  /** Replaces the title line of the signature ("Chủ tịch" instead of the wording's "Phó Chủ tịch"). */
  signerTitle?: string;
  recipients?: string[];
}

export interface DispatchInput {
  roundId: string;
  agencyId?: string | null;
  targetCouncilId?: string | null;
  /** An existing letter's number and date; absent when `issueLetter` is given. */
  letterNumber?: string | null;
  letterDate?: string | null;
  issueLetter?: IssueLetterInput | null;
  /** When the agency received the letter (anchor of the NA-channel rule); default the letter date. */
  receivedOn?: string | null;
  petitionIds: string[];
  note?: string;
}

async function upperCouncilOk(tx: DbOrTx, councilId: string, targetCouncilId: string) {
  const [me, target] = [await councilRow(tx, councilId), await councilRow(tx, targetCouncilId)];
  const chain = await unitChain(tx, me.unitId);
  if (!chain.slice(0, -1).some((u) => u.id === target.unitId)) {
    throw invalid('Chỉ chuyển kiến nghị lên HĐND cấp trên của địa bàn này.');
  }
  return target;
}

/** The open round of a council that receives petitions (the latest open one). */
export async function intakeRound(tx: DbOrTx, councilId: string) {
  const [r] = await tx
    .select()
    .from(petitionRounds)
    .where(and(eq(petitionRounds.councilId, councilId), eq(petitionRounds.status, 'open')))
    .orderBy(desc(petitionRounds.sequence))
    .limit(1);
  return r;
}

export async function dispatchPetitions(ctx: ActionCtx, councilId: string, input: DispatchInput) {
  if (!input.petitionIds.length) throw invalid('Hãy chọn ít nhất một kiến nghị để chuyển.');
  if (!!input.agencyId === !!input.targetCouncilId) throw invalid('Hãy chọn một nơi nhận: cơ quan có thẩm quyền hoặc HĐND cấp trên.');
  if (new Set(input.petitionIds).size !== input.petitionIds.length) throw invalid('Danh sách có kiến nghị bị lặp lại.');
  const typed = !!input.letterNumber || !!input.letterDate;
  if (input.issueLetter && typed) {
    throw invalid('Khi phát hành công văn từ Sổ văn bản đi, số và ngày công văn do sổ cấp; không nhập số, ngày công văn.');
  }
  if (!input.issueLetter && !(input.letterNumber && input.letterDate)) {
    throw invalid('Hãy nhập số và ngày của công văn chuyển, hoặc chọn phát hành công văn từ Sổ văn bản đi.');
  }
  // An issued letter is dated the day it is issued (Vietnam time, the app clock).
  const letterDate = input.issueLetter ? today(ctx.now) : input.letterDate!;
  if (input.receivedOn && input.receivedOn < letterDate) throw invalid('Ngày nhận không thể trước ngày của công văn.');
  return ctx.db.transaction(async (tx) => {
    const round = await roundOf(tx, councilId, input.roundId);
    let targetKind: DispatchTargetKind = 'agency';
    let targetName = '';
    let upperRound: typeof petitionRounds.$inferSelect | undefined;
    if (input.agencyId) {
      const [a] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
      if (!a) throw notFound('cơ quan nhận kiến nghị');
      // An agency no longer operating cannot receive a new letter; a letter dated while its unit
      // still existed (recorded afterwards, e.g. the 2021 town council's) may name it.
      if (!a.active) {
        const [u] = a.unitId ? await tx.select().from(adminUnits).where(eq(adminUnits.id, a.unitId)) : [];
        if (!u?.validTo || letterDate >= u.validTo) throw invalid(`${a.name} không còn hoạt động; hãy chọn cơ quan kế thừa.`);
      }
      targetKind = a.kind === 'na_delegation' ? 'na_delegation' : 'agency';
      targetName = a.name;
    } else {
      const target = await upperCouncilOk(tx, councilId, input.targetCouncilId!);
      targetKind = 'council';
      targetName = target.name;
      upperRound = await intakeRound(tx, target.id);
      if (!upperRound) throw conflict(`${target.name} chưa có đợt tiếp nhận kiến nghị nào đang mở.`);
    }
    const settings = await loadSettings(tx, councilId);
    const rule = ruleFor(settings, targetKind);
    const anchor = targetKind === 'na_delegation' ? (input.receivedOn ?? letterDate) : letterDate;
    const computation = explainDeadline(anchor, rule, await loadCalendar(tx));
    const rows = await tx.select().from(petitions).where(inArray(petitions.id, [...input.petitionIds].sort())).orderBy(petitions.id).for('update');
    if (rows.length !== input.petitionIds.length || rows.some((p) => p.councilId !== councilId)) throw notFound('kiến nghị');
    for (const p of rows) {
      if (!nextStatus(p.status as PetitionStatus, 'dispatch')) throw conflict(`Kiến nghị số ${p.number}: ${refusal(p.status as PetitionStatus, 'dispatch')}`);
    }
    const [inserted] = await tx
      .insert(dispatches)
      .values({
        councilId,
        roundId: round.id,
        targetKind,
        agencyId: input.agencyId ?? null,
        targetCouncilId: input.targetCouncilId ?? null,
        // An issued letter's number is known once the register gives it (below).
        letterNumber: input.letterNumber ?? '',
        letterDate,
        receivedOn: input.receivedOn ?? null,
        dueDate: computation.due,
        dueRule: computation,
        note: input.note ?? '',
      })
      .returning();
    // A typed number belongs to the register of the issuer it names: recorded there, or refused if taken.
    if (!input.issueLetter) {
      await recordTypedNumber(tx, ctx.actor, councilId, input.letterNumber!, letterDate, { type: 'petition_dispatch', id: inserted!.id });
    }
    const me = await councilRow(tx, councilId);
    const petitionEvents: { p: (typeof rows)[number]; itemId: string }[] = [];
    for (const p of rows) {
      let upperOpinionId: string | null = null;
      if (upperRound) {
        const src = await tx.select().from(opinions).where(eq(opinions.petitionId, p.id));
        const s = summarizeSources(src);
        const [o] = await tx
          .insert(opinions)
          .values({
            councilId: upperRound.councilId,
            roundId: upperRound.id,
            channel: 'lower_council',
            voterCount: s.voters,
            unitId: s.unitIds.length === 1 ? s.unitIds[0] : me.unitId,
            text: p.text,
            receivedOn: today(ctx.now),
            fieldId: null,
            competentLevel: p.competentLevel,
            sourcePetitionId: p.id,
            ...searchColumnsOf(p.text),
          })
          .returning();
        upperOpinionId = o!.id;
        await recordEvent(tx, ctx.actor, {
          action: 'opinion.receive_from_lower',
          entityType: 'opinion',
          entityId: o!.id,
          councilId: upperRound.councilId,
          after: { ...o, searchText: undefined, fromCouncil: me.name, fromPetitionNumber: p.number },
        });
      }
      const [item] = await tx
        .insert(dispatchItems)
        .values({
          dispatchId: inserted!.id,
          petitionId: p.id,
          councilId,
          agencyId: input.agencyId ?? null,
          targetCouncilId: input.targetCouncilId ?? null,
          upperOpinionId,
          dueDate: computation.due,
        })
        .returning();
      await tx
        .update(petitions)
        .set({ status: 'dispatched', agencyId: input.agencyId ?? p.agencyId, version: p.version + 1, updatedAt: new Date() })
        .where(eq(petitions.id, p.id));
      petitionEvents.push({ p, itemId: item!.id });
    }
    // The letter: built from the dispatch and its items just written, numbered by the register.
    let d = inserted!;
    let letter: Awaited<ReturnType<typeof issueDocumentTx>> | null = null;
    if (input.issueLetter) {
      const { issuerId, ...signature } = input.issueLetter;
      letter = await issueDocumentTx(tx, ctx.actor, councilId, ctx.now, {
        templateKey: 'petition_dispatch_letter',
        issuerId: issuerId ?? undefined,
        params: { dispatchId: d.id, ...signature },
      });
      [d] = await tx
        .update(dispatches)
        .set({ letterNumber: letter.symbol, letterDate: letter.issuedOn, documentId: letter.id, updatedAt: new Date() })
        .where(eq(dispatches.id, d.id))
        .returning() as [typeof d];
    }
    await recordEvent(tx, ctx.actor, {
      action: 'dispatch.create',
      entityType: 'dispatch',
      entityId: d.id,
      councilId,
      agencyId: input.agencyId ?? null,
      after: {
        ...d, petitionIds: input.petitionIds, targetName,
        document: letter ? { id: letter.id, symbol: letter.symbol, number: letter.number, issuerId: letter.issuerId } : null,
      },
    });
    for (const { p, itemId } of petitionEvents) {
      if (input.agencyId) {
        await petitionDispatched(tx, { itemId, councilId, agencyId: input.agencyId, dueDate: computation.due, letterNumber: d.letterNumber, petition: p });
      }
      await recordEvent(tx, ctx.actor, {
        action: 'petition.dispatch',
        entityType: 'petition',
        entityId: p.id,
        councilId,
        agencyId: input.agencyId ?? null,
        before: { status: p.status, agencyId: p.agencyId },
        after: {
          status: 'dispatched',
          dispatchId: d.id,
          dispatchItemId: itemId,
          letterNumber: d.letterNumber,
          letterDate: d.letterDate,
          dueDate: computation.due,
          targetName,
        },
      });
    }
    const numbers = rows.map((p) => p.number).sort((a, b) => a - b).join(', ');
    const dueVn = computation.due.split('-').reverse().join('/');
    if (input.agencyId) {
      await notify(tx, { agencyId: input.agencyId }, {
        kind: 'petition.forwarded',
        title: `${me.name} chuyển ${rows.length} kiến nghị của cử tri đến ${targetName}`,
        body: `Công văn số ${d.letterNumber}; kiến nghị số ${numbers}. Hạn trả lời: ${dueVn}.`,
        link: `/agencies/${input.agencyId}/petitions?state=pending`,
      });
    } else {
      await notify(tx, { councilId: upperRound!.councilId }, {
        kind: 'petition.received_from_lower',
        title: `${me.name} chuyển lên ${rows.length} kiến nghị của cử tri`,
        body: `Công văn số ${d.letterNumber}; các kiến nghị đã vào đợt "${upperRound!.name}" để phân loại.`,
        link: `/councils/${upperRound!.councilId}/petition-rounds/${upperRound!.id}?tab=classify`,
      });
    }
    return {
      ...out(d),
      targetName,
      petitionCount: rows.length,
      document: letter
        ? { id: letter.id, symbol: letter.symbol, fileName: letter.fileName, downloadPath: documentDownloadPath(councilId, letter.id) }
        : null,
    };
  });
}
