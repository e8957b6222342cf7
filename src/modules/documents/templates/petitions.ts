// Documents of the petitions workflow (workflows.md §1 steps 4–8), built from the petitions
// module's tables, read-only: the round report with its appendix list, the letter forwarding
// petitions to one agency, the reminder letter for overdue petitions, and the report on how
// petitions were resolved. Counts in prose take two digits ("07 ý kiến"), dates ND30-style.
import { roundOpinionCount } from '../../petitions/counts.ts';
import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { Block, TableBlock } from '../../../domain/documents/content.ts';
import { daysBetween } from '../../../domain/calendar/dates.ts';
import { documentKindInfo, formatShortDate, toRoman, twoDigits, upperVi } from '../../../domain/documents/format.ts';
import { RESPONSE_RESULT_LABELS, type ResponseResult } from '../../../domain/petitions/status.ts';
import { invalid, notFound } from '../../../server/errors.ts';
import { adminUnits, agencies, councils } from '../../directory/schema.ts';
import {
  contactMeetings, dispatchItems, dispatches, opinions, petitionFields, petitionRounds, petitions, responses,
} from '../../petitions/schema.ts';
import { fillWording, type BuildContext, type DocumentTemplate } from './registry.ts';
import { SignatureParams, headerOf, recipientsOf, signatureOf, signatureSlots, tableLetter, varsOf } from './common.ts';

const LEVEL_ORDER = ['central', 'province', 'district', 'commune'];

/** "đề nghị … giải quyết", as the founding notice words each level. */
function levelProse(level: string | null, ctx: BuildContext): string {
  switch (level) {
    case 'central': return 'đề nghị Đoàn đại biểu Quốc hội tỉnh kiến nghị Quốc hội giải quyết';
    case 'province': return 'đề nghị các cơ quan chức năng của tỉnh giải quyết';
    case 'district': return 'đề nghị các cơ quan chức năng cấp huyện giải quyết';
    case 'commune': return `đề nghị các cơ quan chức năng thuộc ${varsOf(ctx).level} giải quyết`;
    default: return 'chưa phân loại thẩm quyền giải quyết';
  }
}

function levelHeading(level: string | null, ctx: BuildContext): string {
  switch (level) {
    case 'central': return 'Kiến nghị thuộc thẩm quyền giải quyết của Trung ương';
    case 'province': return 'Kiến nghị thuộc thẩm quyền giải quyết của tỉnh';
    case 'district': return 'Kiến nghị thuộc thẩm quyền giải quyết của cấp huyện';
    case 'commune': return `Kiến nghị thuộc thẩm quyền giải quyết của ${varsOf(ctx).level}`;
    default: return 'Kiến nghị chưa phân loại thẩm quyền';
  }
}

function levelShort(level: string | null): string {
  return { central: 'Trung ương', province: 'Tỉnh', district: 'Huyện', commune: 'Xã' }[level ?? ''] ?? 'Chưa phân loại';
}

const levelRank = (l: string | null) => (l === null ? 99 : LEVEL_ORDER.indexOf(l) === -1 ? 50 : LEVEL_ORDER.indexOf(l));

async function roundOf(tx: Tx, ctx: BuildContext, roundId: string) {
  const [round] = await tx
    .select()
    .from(petitionRounds)
    .where(and(eq(petitionRounds.id, roundId), eq(petitionRounds.councilId, ctx.councilId)));
  if (!round) throw notFound('đợt tiếp xúc cử tri của HĐND này');
  return round;
}

/** Petitions of a round with their field, agency and the communes their opinions came from. */
async function roundPetitions(tx: Tx, roundId: string) {
  const rows = await tx
    .select({
      id: petitions.id,
      number: petitions.number,
      text: petitions.text,
      competentLevel: petitions.competentLevel,
      status: petitions.status,
      fieldName: petitionFields.name,
      fieldOrder: petitionFields.sortOrder,
      agencyName: agencies.name,
      agencyShort: agencies.shortName,
    })
    .from(petitions)
    .leftJoin(petitionFields, eq(petitionFields.id, petitions.fieldId))
    .leftJoin(agencies, eq(agencies.id, petitions.agencyId))
    .where(eq(petitions.originRoundId, roundId))
    .orderBy(asc(petitions.number));
  const places = await localitiesOf(tx, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, places: places.get(r.id) ?? [] }));
}

async function localitiesOf(tx: Tx, petitionIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (petitionIds.length === 0) return out;
  const rows = await tx
    .select({ petitionId: opinions.petitionId, unitName: adminUnits.name, unitType: adminUnits.type })
    .from(opinions)
    .innerJoin(adminUnits, eq(adminUnits.id, opinions.unitId))
    .where(inArray(opinions.petitionId, petitionIds));
  for (const r of rows) {
    const list = out.get(r.petitionId!) ?? [];
    const name = `${r.unitType === 'xa' ? 'xã' : r.unitType === 'phuong' ? 'phường' : r.unitType === 'thi_tran' ? 'thị trấn' : ''} ${r.unitName}`.trim();
    if (!list.includes(name)) list.push(name);
    out.set(r.petitionId!, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.localeCompare(b, 'vi'));
  return out;
}

function sourceLine(places: string[]): string {
  return places.length ? `Cử tri ${places.join(', ')}` : '';
}

const table = (columns: TableBlock['columns'], rows: string[][], fontSize = 12): TableBlock => ({
  type: 'table', columns, rows, fontSize,
});

// ---------------------------------------------------------------------------------------------
// Báo cáo tổng hợp ý kiến, kiến nghị của cử tri (one round)

const RoundParams = z.object({
  roundId: z.string().uuid({ message: 'Mã đợt tiếp xúc cử tri không hợp lệ.' }),
  ...SignatureParams,
});
type RoundParams = z.infer<typeof RoundParams>;

export const roundReport: DocumentTemplate<RoundParams> = {
  key: 'petition_round_report',
  title: 'Báo cáo tổng hợp ý kiến, kiến nghị của cử tri',
  kind: 'bao_cao',
  module: 'petitions',
  description: 'Tổng hợp ý kiến, kiến nghị của cử tri một đợt tiếp xúc, theo thẩm quyền giải quyết và lĩnh vực, kèm phụ lục danh sách.',
  defaultIssuerKind: 'standing',
  wording: {
    intro: {
      label: 'Đoạn mở đầu ({roundName}, {period}, {meetings}, {voters} được thay bằng số liệu)',
      default:
        'Thực hiện Chương trình tiếp xúc cử tri {roundName}, {period}, các Tổ đại biểu {council} đã phối hợp với Ban Thường trực Ủy ban MTTQ Việt Nam {level} tổ chức {meetings} cuộc tiếp xúc cử tri với {voters} lượt cử tri tham dự. Thường trực {council} tổng hợp ý kiến, kiến nghị của cử tri như sau:',
    },
    closing: {
      label: 'Đoạn kết',
      default:
        'Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri {roundName}. Thường trực {council} kính chuyển đến các cơ quan có thẩm quyền xem xét, giải quyết và trả lời cử tri theo quy định./.',
    },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH',
      recipients: ['Đoàn ĐBQH tỉnh', 'TT HĐND tỉnh', 'TT Đảng ủy {level}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Các Ban {council}', 'Các Tổ đại biểu {council}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: RoundParams as unknown as z.ZodType<RoundParams>,
  async build(tx, p, wording, ctx) {
    const round = await roundOf(tx, ctx, p.roundId);
    const list = await roundPetitions(tx, round.id);
    const meetings = await tx
      .select({ voters: contactMeetings.votersAttending })
      .from(contactMeetings)
      .where(eq(contactMeetings.roundId, round.id));
    // The round's voter opinions, counted as every screen counts them (petitions/counts.ts).
    const [raw] = (await tx.execute(sql`select ${roundOpinionCount(round.id)} as n`)).rows as { n: number }[];
    const voters = meetings.reduce((n, m) => n + m.voters, 0);
    const period = round.endDate && round.endDate !== round.startDate
      ? `từ ngày ${formatShortDate(round.startDate)} đến ngày ${formatShortDate(round.endDate)}`
      : `ngày ${formatShortDate(round.startDate)}`;
    const vars = varsOf(ctx, {
      roundName: round.name.replace(/^(Tiếp xúc cử tri|TXCT)\s*/iu, '').trim() || round.name,
      period,
      meetings: twoDigits(meetings.length),
      voters: twoDigits(voters),
    });

    // Levels, then fields within a level (the council's field order).
    const levels = [...new Set(list.map((x) => x.competentLevel))].sort((a, b) => levelRank(a) - levelRank(b));
    const body: Block[] = [{ type: 'paragraph', text: fillWording(wording.intro ?? '', vars) }];
    const perLevel = levels.map((l) => `${levelProse(l, ctx)} ${twoDigits(list.filter((x) => x.competentLevel === l).length)} ý kiến`);
    body.push({
      type: 'paragraph',
      text:
        `Qua tiếp xúc, cử tri đã nêu ${twoDigits(raw!.n)} ý kiến, kiến nghị; sau khi tổng hợp, phân loại còn ${twoDigits(list.length)} ý kiến, kiến nghị` +
        (perLevel.length ? `, trong đó: ${perLevel.join('; ')}.` : '.'),
    });
    levels.forEach((level, i) => {
      const inLevel = list.filter((x) => x.competentLevel === level);
      body.push({ type: 'heading', level: 1, number: `${toRoman(i + 1)}.`, text: `${upperVi(levelHeading(level, ctx))} (${twoDigits(inLevel.length)} ý kiến)` });
      const fields = [...new Map(inLevel.map((x) => [x.fieldName ?? '', x.fieldOrder ?? 9999])).entries()]
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'vi'));
      fields.forEach(([field], j) => {
        const inField = inLevel.filter((x) => (x.fieldName ?? '') === field);
        body.push({
          type: 'heading', level: 2, number: `${j + 1}.`, text: `Lĩnh vực ${field ? field.toLocaleLowerCase('vi') : 'khác'} (${twoDigits(inField.length)} ý kiến)`,
        });
        body.push({
          type: 'list',
          style: 'bullets',
          items: inField.map((x) => {
            const src = sourceLine(x.places);
            return src ? [x.text.replace(/[.;\s]+$/u, ''), { text: ` (${src}).`, italic: true }] : x.text;
          }),
        });
      });
    });
    body.push({ type: 'paragraph', text: fillWording(wording.closing ?? '', vars) });
    const kind = documentKindInfo('bao_cao');
    return {
      header: headerOf(ctx),
      kindTitle: kind.title!,
      subject: `Tổng hợp ý kiến, kiến nghị của cử tri ${vars.roundName}`,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
      appendices: [
        {
          title: 'PHỤ LỤC\nDANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI',
          subtitle: `(Kèm theo Báo cáo số ${ctx.symbol.trim()} ngày ${formatShortDate(ctx.date)} của Thường trực ${ctx.council.shortName})`,
          body: [
            table(
              [
                { title: 'TT', width: 6, align: 'center' },
                { title: 'Nội dung ý kiến, kiến nghị', width: 40 },
                { title: 'Cử tri, địa phương', width: 17 },
                { title: 'Lĩnh vực', width: 12 },
                { title: 'Thẩm quyền', width: 10, align: 'center' },
                { title: 'Cơ quan giải quyết', width: 15 },
              ],
              [...list]
                .sort((a, b) => levelRank(a.competentLevel) - levelRank(b.competentLevel) || (a.fieldOrder ?? 9999) - (b.fieldOrder ?? 9999) || a.number - b.number)
                .map((x, i) => [String(i + 1), x.text, x.places.join(', '), x.fieldName ?? '', levelShort(x.competentLevel), x.agencyShort || x.agencyName || '']),
              11,
            ),
          ],
        },
      ],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Công văn chuyển kiến nghị (one dispatch to one agency)

const DispatchParams = z.object({
  dispatchId: z.string().uuid({ message: 'Mã lần chuyển kiến nghị không hợp lệ.' }),
  ...SignatureParams,
});
type DispatchParams = z.infer<typeof DispatchParams>;

async function addresseeName(tx: Tx, agencyId: string | null, targetCouncilId: string | null): Promise<string> {
  if (agencyId) {
    const [a] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
    if (a) return a.name;
  }
  if (targetCouncilId) {
    const [c] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, targetCouncilId));
    if (c) return `Thường trực ${c.name}`;
  }
  return 'Cơ quan có thẩm quyền';
}

export const dispatchLetter: DocumentTemplate<DispatchParams> = {
  key: 'petition_dispatch_letter',
  title: 'Công văn chuyển kiến nghị của cử tri',
  kind: 'cong_van',
  module: 'petitions',
  description: 'Công văn chuyển kiến nghị của cử tri đến một cơ quan, kèm danh sách kiến nghị và thời hạn trả lời.',
  defaultIssuerKind: 'standing',
  draftingUnit: 'VP',
  wording: {
    opening: {
      label: 'Đoạn mở đầu ({roundName}, {count}, {agency} được thay bằng số liệu)',
      default:
        'Qua tổng hợp ý kiến, kiến nghị của cử tri {roundName}, Thường trực {council} nhận được {count} ý kiến, kiến nghị của cử tri thuộc thẩm quyền giải quyết của {agency} (có danh sách kèm theo).',
    },
    request: {
      label: 'Đề nghị ({agency}, {dueDate} được thay bằng số liệu)',
      default:
        'Thường trực {council} chuyển đến {agency} để xem xét, giải quyết và trả lời bằng văn bản cho cử tri, đồng thời gửi về Thường trực {council} trước ngày {dueDate} để tổng hợp, báo cáo tại kỳ họp./.',
    },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH',
      recipients: ['Như trên', 'TT {council}', 'BTT UBMTTQVN {level}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: DispatchParams as unknown as z.ZodType<DispatchParams>,
  async build(tx, p, wording, ctx) {
    const [d] = await tx
      .select()
      .from(dispatches)
      .where(and(eq(dispatches.id, p.dispatchId), eq(dispatches.councilId, ctx.councilId)));
    if (!d) throw notFound('lần chuyển kiến nghị của HĐND này');
    const round = await roundOf(tx, ctx, d.roundId);
    const agency = await addresseeName(tx, d.agencyId, d.targetCouncilId);
    const items = await tx
      .select({ id: petitions.id, number: petitions.number, text: petitions.text, fieldName: petitionFields.name })
      .from(dispatchItems)
      .innerJoin(petitions, eq(petitions.id, dispatchItems.petitionId))
      .leftJoin(petitionFields, eq(petitionFields.id, petitions.fieldId))
      .where(eq(dispatchItems.dispatchId, d.id))
      .orderBy(asc(petitions.number));
    if (items.length === 0) throw invalid('Lần chuyển này chưa có kiến nghị nào.');
    const places = await localitiesOf(tx, items.map((x) => x.id));
    const vars = varsOf(ctx, {
      roundName: round.name.replace(/^(Tiếp xúc cử tri|TXCT)\s*/iu, '').trim() || round.name,
      count: twoDigits(items.length),
      agency,
      dueDate: formatShortDate(d.dueDate),
    });
    return {
      header: headerOf(ctx, `V/v chuyển kiến nghị của cử tri ${vars.roundName}`),
      kinhGui: [agency],
      body: [
        { type: 'paragraph', text: fillWording(wording.opening ?? '', vars) },
        table(
          [
            { title: 'TT', width: 7, align: 'center' },
            { title: 'Nội dung kiến nghị', width: 55 },
            { title: 'Cử tri, địa phương', width: 22 },
            { title: 'Lĩnh vực', width: 16 },
          ],
          items.map((x, i) => [String(i + 1), x.text, (places.get(x.id) ?? []).join(', '), x.fieldName ?? '']),
        ),
        { type: 'paragraph', text: fillWording(wording.request ?? '', vars) },
      ],
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Công văn đôn đốc (one agency, its overdue petitions)

const ReminderParams = z.object({
  agencyId: z.string().uuid({ message: 'Mã cơ quan không hợp lệ.' }),
  ...SignatureParams,
});
type ReminderParams = z.infer<typeof ReminderParams>;

export const reminderLetter: DocumentTemplate<ReminderParams> = {
  key: 'petition_reminder_letter',
  title: 'Công văn đôn đốc giải quyết kiến nghị của cử tri',
  kind: 'cong_van',
  module: 'petitions',
  description: 'Công văn đôn đốc một cơ quan trả lời các kiến nghị đã quá hạn.',
  defaultIssuerKind: 'standing',
  draftingUnit: 'VP',
  wording: {
    opening: {
      label: 'Đoạn mở đầu ({agency}, {count}, {today} được thay bằng số liệu)',
      default:
        'Thường trực {council} đã chuyển đến {agency} các ý kiến, kiến nghị của cử tri để xem xét, giải quyết và trả lời. Tuy nhiên, đến ngày {today}, {agency} chưa trả lời {count} kiến nghị đã quá thời hạn (có danh sách kèm theo).',
    },
    request: {
      label: 'Đề nghị',
      default:
        'Thường trực {council} đề nghị {agency} khẩn trương chỉ đạo giải quyết, trả lời bằng văn bản cho cử tri và gửi về Thường trực {council} để theo dõi, tổng hợp báo cáo tại kỳ họp./.',
    },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nPHÓ CHỦ TỊCH',
      recipients: ['Như trên', 'TT {council}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: ReminderParams as unknown as z.ZodType<ReminderParams>,
  async build(tx, p, wording, ctx) {
    const agency = await addresseeName(tx, p.agencyId, null);
    // Overdue is computed from dates, never stored: pending and past its due date.
    const items = await tx
      .select({
        id: petitions.id,
        number: petitions.number,
        text: petitions.text,
        dueDate: dispatchItems.dueDate,
        letterNumber: dispatches.letterNumber,
        letterDate: dispatches.letterDate,
      })
      .from(dispatchItems)
      .innerJoin(petitions, eq(petitions.id, dispatchItems.petitionId))
      .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
      .where(and(
        eq(dispatchItems.councilId, ctx.councilId),
        eq(dispatchItems.agencyId, p.agencyId),
        eq(dispatchItems.state, 'pending'),
        lt(dispatchItems.dueDate, ctx.date),
      ))
      .orderBy(asc(dispatchItems.dueDate), asc(petitions.number));
    if (items.length === 0) throw invalid(`${agency} không có kiến nghị nào quá hạn trả lời.`);
    const vars = varsOf(ctx, { agency, count: twoDigits(items.length), today: formatShortDate(ctx.date) });
    return tableLetter({
      ctx, subjectLine: 'V/v đôn đốc giải quyết, trả lời kiến nghị của cử tri', addressee: agency, wording, vars, params: p,
      columns: [
        { title: 'TT', width: 7, align: 'center' },
        { title: 'Nội dung kiến nghị', width: 49 },
        { title: 'Công văn chuyển', width: 18, align: 'center' },
        { title: 'Hạn trả lời', width: 13, align: 'center' },
        { title: 'Số ngày quá hạn', width: 13, align: 'center' },
      ],
      rows: items.map((x, i) => [
        String(i + 1),
        x.text,
        `${x.letterNumber}\nngày ${formatShortDate(x.letterDate)}`,
        formatShortDate(x.dueDate),
        twoDigits(daysBetween(x.dueDate, ctx.date)),
      ]),
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Báo cáo kết quả giám sát việc giải quyết kiến nghị của cử tri (one round)

export const reviewReport: DocumentTemplate<RoundParams> = {
  key: 'petition_review_report',
  title: 'Báo cáo kết quả giám sát việc giải quyết kiến nghị của cử tri',
  kind: 'bao_cao',
  module: 'petitions',
  description: 'Kết quả giải quyết kiến nghị theo cơ quan, theo kết quả, đúng hạn hay quá hạn; kiến nghị tồn đọng qua nhiều kỳ họp.',
  defaultIssuerKind: 'standing',
  wording: {
    intro: {
      label: 'Đoạn mở đầu',
      default:
        'Thực hiện chức năng giám sát việc giải quyết kiến nghị của cử tri, Thường trực {council} báo cáo kết quả giải quyết ý kiến, kiến nghị của cử tri {roundName} như sau:',
    },
    recommendations: {
      label: 'Kiến nghị, đề xuất',
      default:
        'Đề nghị UBND {level} và các cơ quan, đơn vị liên quan tập trung giải quyết dứt điểm các kiến nghị còn tồn đọng, trả lời đúng thời hạn; đối với kiến nghị đang giải quyết, cần công khai lộ trình và thời hạn hoàn thành để cử tri được biết, theo dõi.',
    },
    closing: { label: 'Đoạn kết', default: 'Trên đây là báo cáo kết quả giám sát việc giải quyết kiến nghị của cử tri của Thường trực {council}./.' },
    ...signatureSlots({
      lines: 'TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH',
      recipients: ['TT HĐND tỉnh', 'TT Đảng ủy {level}', 'UBND {level}', 'BTT UBMTTQVN {level}', 'Đại biểu {council}', 'Lưu: VT'].join('\n'),
    }),
  },
  params: RoundParams as unknown as z.ZodType<RoundParams>,
  async build(tx, p, wording, ctx) {
    const round = await roundOf(tx, ctx, p.roundId);
    const items = await tx
      .select({
        itemId: dispatchItems.id,
        petitionId: dispatchItems.petitionId,
        state: dispatchItems.state,
        dueDate: dispatchItems.dueDate,
        agencyId: dispatchItems.agencyId,
        agencyName: agencies.name,
      })
      .from(dispatchItems)
      .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
      .leftJoin(agencies, eq(agencies.id, dispatchItems.agencyId))
      .where(and(eq(dispatches.roundId, round.id), eq(dispatches.councilId, ctx.councilId), ne(dispatchItems.state, 'returned')));
    const answers = items.length
      ? await tx
        .select({ itemId: responses.dispatchItemId, result: responses.result, respondedOn: responses.respondedOn })
        .from(responses)
        .where(inArray(responses.dispatchItemId, items.map((i) => i.itemId)))
        .orderBy(asc(responses.respondedOn), asc(responses.createdAt))
      : [];
    const latest = new Map<string, { result: string; respondedOn: string; first: string }>();
    for (const a of answers) {
      const prev = latest.get(a.itemId!);
      latest.set(a.itemId!, { result: a.result, respondedOn: a.respondedOn, first: prev?.first ?? a.respondedOn });
    }
    type Row = { name: string; total: number; onTime: number; late: number; pending: number; overdue: number } & Record<ResponseResult, number>;
    const empty = (name: string): Row => ({ name, total: 0, onTime: 0, late: 0, pending: 0, overdue: 0, resolved: 0, in_progress: 0, explained: 0, unresolved: 0 });
    const byAgency = new Map<string, Row>();
    const all = empty('Tổng cộng');
    for (const it of items) {
      const key = it.agencyId ?? 'upper';
      const row = byAgency.get(key) ?? empty(it.agencyName ?? 'Cấp trên (chuyển HĐND, Đoàn ĐBQH)');
      byAgency.set(key, row);
      const a = latest.get(it.itemId);
      for (const r of [row, all]) {
        r.total++;
        if (a) {
          // On time: the first answer came by the due date.
          if (a.first <= it.dueDate) r.onTime++;
          else r.late++;
          if (a.result in r) r[a.result as ResponseResult]++;
        } else {
          r.pending++;
          if (it.dueDate < ctx.date) r.overdue++;
        }
      }
    }
    const rows = [...byAgency.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

    // Outstanding across sessions: raised in an earlier round, still not closed.
    const carried = await tx
      .select({
        text: petitions.text,
        agencyName: agencies.name,
        originName: petitionRounds.name,
        originSeq: petitionRounds.sequence,
      })
      .from(petitions)
      .innerJoin(petitionRounds, eq(petitionRounds.id, petitions.originRoundId))
      .leftJoin(agencies, eq(agencies.id, petitions.agencyId))
      .where(and(eq(petitions.councilId, ctx.councilId), ne(petitions.status, 'closed'), lt(petitionRounds.sequence, round.sequence)))
      .orderBy(asc(petitionRounds.sequence), asc(petitions.number));

    const vars = varsOf(ctx, { roundName: round.name.replace(/^(Tiếp xúc cử tri|TXCT)\s*/iu, '').trim() || round.name });
    const answered = all.onTime + all.late;
    const resultProse = (['resolved', 'in_progress', 'explained', 'unresolved'] as const)
      .map((r) => `${RESPONSE_RESULT_LABELS[r].toLocaleLowerCase('vi')} ${twoDigits(all[r])} kiến nghị`)
      .join('; ');
    const body: Block[] = [
      { type: 'paragraph', text: fillWording(wording.intro ?? '', vars) },
      { type: 'heading', level: 1, text: 'TÌNH HÌNH TRẢ LỜI KIẾN NGHỊ CỦA CỬ TRI' },
      {
        type: 'paragraph',
        text: `Thường trực ${ctx.council.shortName} đã chuyển ${twoDigits(all.total)} kiến nghị đến ${twoDigits(rows.length)} cơ quan, đơn vị. Đến ngày ${formatShortDate(ctx.date)}, đã có ${twoDigits(answered)} kiến nghị được trả lời (${twoDigits(all.onTime)} kiến nghị trả lời đúng hạn, ${twoDigits(all.late)} kiến nghị trả lời quá hạn); còn ${twoDigits(all.pending)} kiến nghị chưa được trả lời, trong đó ${twoDigits(all.overdue)} kiến nghị đã quá hạn.`,
      },
      { type: 'heading', level: 1, text: 'KẾT QUẢ GIẢI QUYẾT' },
      { type: 'paragraph', text: `Trong số ${twoDigits(answered)} kiến nghị đã được trả lời: ${resultProse}.` },
      table(
        [
          { title: 'Cơ quan, đơn vị', width: 24 },
          { title: 'Số kiến nghị', width: 9, align: 'center' },
          { title: 'Trả lời đúng hạn', width: 9, align: 'center' },
          { title: 'Trả lời quá hạn', width: 9, align: 'center' },
          { title: 'Chưa trả lời', width: 9, align: 'center' },
          { title: 'Đã giải quyết xong', width: 10, align: 'center' },
          { title: 'Đang giải quyết', width: 10, align: 'center' },
          { title: 'Giải trình', width: 10, align: 'center' },
          { title: 'Chưa giải quyết', width: 10, align: 'center' },
        ],
        [...rows, all].map((r) => [r.name, r.total, r.onTime, r.late, r.pending, r.resolved, r.in_progress, r.explained, r.unresolved]
          .map((v) => (typeof v === 'number' ? twoDigits(v) : v))),
        11,
      ),
      { type: 'heading', level: 1, text: 'KIẾN NGHỊ TỒN ĐỌNG, KÉO DÀI QUA NHIỀU KỲ HỌP' },
      {
        type: 'paragraph',
        text: carried.length
          ? `Còn ${twoDigits(carried.length)} kiến nghị phát sinh từ các đợt tiếp xúc cử tri trước chưa được giải quyết dứt điểm:`
          : 'Không còn kiến nghị nào phát sinh từ các đợt tiếp xúc cử tri trước chưa được giải quyết.',
      },
      ...(carried.length
        ? [table(
          [
            { title: 'TT', width: 7, align: 'center' },
            { title: 'Nội dung kiến nghị', width: 50 },
            { title: 'Cơ quan giải quyết', width: 23 },
            { title: 'Phát sinh từ', width: 20 },
          ],
          carried.map((c, i) => [String(i + 1), c.text, c.agencyName ?? '', c.originName]),
          11,
        )]
        : []),
      { type: 'heading', level: 1, text: 'KIẾN NGHỊ, ĐỀ XUẤT' },
      { type: 'paragraph', text: fillWording(wording.recommendations ?? '', vars) },
      { type: 'paragraph', text: fillWording(wording.closing ?? '', vars) },
    ];
    return {
      header: headerOf(ctx),
      kindTitle: documentKindInfo('bao_cao').title!,
      subject: `Kết quả giám sát việc giải quyết kiến nghị của cử tri ${vars.roundName}`,
      body,
      signature: signatureOf(wording, vars, p),
      recipients: recipientsOf(wording, vars, p),
    };
  },
};

export const PETITION_TEMPLATES = [roundReport, dispatchLetter, reminderLetter, reviewReport] as DocumentTemplate<unknown>[];
