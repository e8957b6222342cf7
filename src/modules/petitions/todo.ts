// The petitions module's lines of the home page's to-do list. Each count is computed with the
// filter function of the list it links to (petitionConds, opinionConds, inboxConds, reminderLetterDue),
// and the link opens that list with the same filter, so the number and the list always agree.
// Counts of one council's petitions come from one statement (count … filter (where …)).
import { and, eq, sql } from 'drizzle-orm';
import type { TodoContext, TodoCount, TodoSource } from '../../server/module.ts';
import { bodies, delegates, memberships } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { loadCalendar, loadSettings, today } from './common.ts';
import { petitionConds, type PetitionFilter } from './queries/listPetitions.ts';
import { opinionConds } from './queries/opinions.ts';
import { agencyInbox, inboxConds } from './queries/inbox.ts';
import { lettersDueByAgency } from './queries/dueList.ts';
import { dispatchItems, opinions, petitionRounds, petitions } from './schema.ts';
import { agencies } from '../directory/schema.ts';

type Counts = Record<string, TodoCount | undefined>;
const qs = (f: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** The council's petition lines: filter of the petitions list each one opens. */
const PETITION_LINES: Record<string, Omit<PetitionFilter, 'page' | 'pageSize'>> = {
  'petitions-to-forward': { status: 'draft' },
  'petitions-returned': { status: 'returned' },
  'answers-overdue': { deadline: 'overdue' },
  'answers-long-overdue': { deadline: 'long_overdue' },
  'answers-to-assess': { status: 'answered' },
};

/** Delegate groups of the user: delegates of the council whose e-mail is the user's. */
async function groupsOf(ctx: TodoContext, councilId: string) {
  return ctx.db
    .selectDistinct({ id: bodies.id, name: bodies.name })
    .from(users)
    .innerJoin(delegates, and(eq(delegates.councilId, councilId), sql`lower(${delegates.email}) = lower(${users.email})`, sql`${users.email} <> ''`))
    .innerJoin(memberships, eq(memberships.delegateId, delegates.id))
    .innerJoin(bodies, and(eq(bodies.id, memberships.bodyId), eq(bodies.kind, 'delegate_group')))
    .where(eq(users.id, ctx.user.id));
}

async function councilCounts(ctx: TodoContext, councilId: string): Promise<Counts> {
  const day = today(ctx.now);
  const [calendar, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db, councilId)]);
  const base = `/councils/${councilId}`;
  const out: Counts = {};
  const petitionKeys = Object.keys(PETITION_LINES).filter((k) => ctx.keys.has(k));
  const groups = ctx.keys.has('group-petitions') || ctx.keys.has('group-answers') ? await groupsOf(ctx, councilId) : [];
  const groupLines = groups.flatMap((g) => [
    { key: 'group-petitions', group: g, filter: { bodyId: g.id } as Omit<PetitionFilter, 'page' | 'pageSize'> },
    { key: 'group-answers', group: g, filter: { bodyId: g.id, status: 'answered' } as Omit<PetitionFilter, 'page' | 'pageSize'> },
  ]).filter((l) => ctx.keys.has(l.key));
  const lines = [
    ...petitionKeys.map((key) => ({ key, filter: PETITION_LINES[key]!, group: null as { id: string; name: string } | null })),
    ...groupLines,
  ];
  const wantsOverdueByAgency = ctx.keys.has('answers-overdue');
  const cond = (f: Omit<PetitionFilter, 'page' | 'pageSize'>) => petitionConds(councilId, { page: 1, pageSize: 1, ...f }, day, calendar, settings)!;
  const [counts, byAgency, toClassify, due] = await Promise.all([
    // One statement for every petition line.
    lines.length
      ? ctx.db
          .select(Object.fromEntries(lines.map((l, i) => [`c${i}`, sql<number>`count(*) filter (where ${cond(l.filter)})`.mapWith(Number)])))
          .from(petitions)
          .where(eq(petitions.councilId, councilId))
      : Promise.resolve([] as Record<string, number>[]),
    // The overdue picture: which agencies are late, each a link to the list filtered by it.
    wantsOverdueByAgency
      ? ctx.db
          .select({ agencyId: petitions.agencyId, name: agencies.name, n: sql<number>`count(*)`.mapWith(Number) })
          .from(petitions)
          .leftJoin(agencies, eq(agencies.id, petitions.agencyId))
          .where(cond({ deadline: 'overdue' }))
          .groupBy(petitions.agencyId, agencies.name)
          .orderBy(sql`count(*) desc`)
          .limit(5)
      : Promise.resolve([]),
    // Opinions to classify, per round (the classify tab lists one round's).
    ctx.keys.has('opinions-to-classify')
      ? ctx.db
          .select({ roundId: petitionRounds.id, name: petitionRounds.name, n: sql<number>`count(*)`.mapWith(Number) })
          .from(opinions)
          .innerJoin(petitionRounds, eq(petitionRounds.id, opinions.roundId))
          .where(opinionConds(councilId, { classified: 'false', kind: 'petition' }))
          .groupBy(petitionRounds.id, petitionRounds.name, petitionRounds.sequence)
          .orderBy(sql`${petitionRounds.sequence} desc`)
      : Promise.resolve([]),
    // Reminder letters to issue: one per agency with overdue petitions no letter has urged yet,
    // as the reminders page lists them with ?letter=due (reminderLetterDue).
    ctx.keys.has('reminders-to-send') ? lettersDueByAgency(ctx.db, councilId, day) : Promise.resolve([]),
  ]);
  lines.forEach((l, i) => {
    const n = (counts[0] as Record<string, number> | undefined)?.[`c${i}`] ?? 0;
    const prev = l.group ? out[l.key] : undefined;
    // A delegate in several groups: one line, the groups' sum, each group a preview link.
    const link = `${base}/petitions?${qs(l.filter as Record<string, string | undefined>)}`;
    out[l.key] = {
      count: (prev?.count ?? 0) + n,
      link: prev ? `${base}/petitions` : link,
      note: l.group ? [prev?.note, l.group.name].filter(Boolean).join('; ') : undefined,
      preview: l.group ? [...(prev?.preview ?? []), { title: l.group.name, detail: `${n} kiến nghị`, link }] : undefined,
    };
  });
  if (wantsOverdueByAgency && out['answers-overdue']) {
    out['answers-overdue'].preview = byAgency.map((a) => ({
      title: a.name ?? 'Chưa xác định cơ quan',
      detail: `${a.n} kiến nghị quá hạn`,
      link: `${base}/petitions?${qs({ deadline: 'overdue', agencyId: a.agencyId ?? undefined })}`,
      tone: 'danger' as const,
    }));
  }
  if (ctx.keys.has('opinions-to-classify')) {
    const total = toClassify.reduce((n, r) => n + r.n, 0);
    const roundLink = (id: string) => `${base}/petition-rounds/${id}?tab=classify`;
    out['opinions-to-classify'] = {
      count: total,
      link: toClassify.length === 1 ? roundLink(toClassify[0]!.roundId) : `${base}/petition-rounds`,
      preview: toClassify.slice(0, 5).map((r) => ({ title: r.name, detail: `${r.n} ý kiến`, link: roundLink(r.roundId) })),
    };
  }
  if (ctx.keys.has('reminders-to-send')) {
    const link = `${base}/reminders?letter=due`;
    out['reminders-to-send'] = {
      count: due.length,
      link,
      preview: due.slice(0, 5).map((a) => ({ title: a.agencyName, detail: `${a.n} kiến nghị quá hạn chưa được đôn đốc bằng công văn`, link, tone: 'danger' as const })),
    };
  }
  return out;
}

async function agencyCounts(ctx: TodoContext, agencyId: string): Promise<Counts> {
  const day = today(ctx.now);
  const calendar = await loadCalendar(ctx.db);
  const base = `/agencies/${agencyId}/petitions`;
  const [pendingCond, overdueCond] = await Promise.all([
    inboxConds(ctx.db, agencyId, { state: 'pending' }, day, calendar),
    inboxConds(ctx.db, agencyId, { deadline: 'overdue' }, day, calendar),
  ]);
  const [[c], next] = await Promise.all([
    ctx.db
      .select({
        pending: sql<number>`count(*) filter (where ${pendingCond})`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${overdueCond})`.mapWith(Number),
      })
      .from(dispatchItems)
      .where(eq(dispatchItems.agencyId, agencyId)),
    // The inbox's first page, in its own order (due date first): what to answer next.
    ctx.keys.has('agency-to-answer') ? agencyInbox(ctx.db, agencyId, { page: 1, pageSize: 5, state: 'pending' }, day, calendar) : null,
  ]);
  const out: Counts = {};
  if (ctx.keys.has('agency-to-answer')) {
    out['agency-to-answer'] = {
      count: c?.pending ?? 0,
      link: `${base}?state=pending`,
      preview: (next?.items ?? []).map((i) => ({
        title: `Kiến nghị số ${i.number} (${i.fromCouncil}): ${i.text.length > 120 ? `${i.text.slice(0, 120)}…` : i.text}`,
        detail: `Hạn trả lời ${vnDate(i.dueDate)}${i.deadlineLabel ? ` — ${i.deadlineLabel}` : ''}`,
        link: `${base}?state=pending&item=${i.id}`,
        tone: i.deadlineStatus === 'overdue' || i.deadlineStatus === 'long_overdue' ? ('danger' as const) : i.deadlineStatus === 'due_soon' ? ('warning' as const) : undefined,
      })),
    };
  }
  if (ctx.keys.has('agency-overdue')) out['agency-overdue'] = { count: c?.overdue ?? 0, link: `${base}?deadline=overdue` };
  return out;
}

export const petitionTodo: TodoSource = {
  entries: [
    { key: 'opinions-to-classify', label: 'Ý kiến cử tri chờ phân loại', permission: 'petitions.manage', scope: 'council', order: 10, tone: 'warning' },
    { key: 'petitions-to-forward', label: 'Kiến nghị chờ chuyển đến cơ quan có thẩm quyền', permission: 'petitions.manage', scope: 'council', order: 11, tone: 'warning' },
    { key: 'petitions-returned', label: 'Kiến nghị bị trả lại, cần chuyển lại', permission: 'petitions.manage', scope: 'council', order: 12, tone: 'warning' },
    { key: 'answers-overdue', label: 'Kiến nghị quá hạn trả lời', permission: 'petitions.read', roles: ['secretariat', 'standing_member', 'committee_member'], scope: 'council', order: 13, tone: 'danger' },
    { key: 'answers-long-overdue', label: 'Kiến nghị quá hạn kéo dài', permission: 'petitions.read', roles: ['secretariat', 'standing_member'], scope: 'council', order: 14, tone: 'danger' },
    { key: 'reminders-to-send', label: 'Công văn đôn đốc cần phát hành', permission: 'petitions.manage', scope: 'council', order: 15, tone: 'danger' },
    { key: 'answers-to-assess', label: 'Kết quả trả lời chờ đánh giá', permission: 'petitions.review', roles: ['secretariat', 'standing_member', 'committee_member'], scope: 'council', order: 16, tone: 'info' },
    { key: 'group-petitions', label: 'Kiến nghị của tổ đại biểu', permission: 'petitions.read', roles: ['delegate'], scope: 'council', order: 20, tone: 'info' },
    { key: 'group-answers', label: 'Kiến nghị của tổ đã có trả lời', permission: 'petitions.read', roles: ['delegate'], scope: 'council', order: 21, tone: 'info' },
    { key: 'agency-to-answer', label: 'Kiến nghị chờ trả lời (hạn gần nhất trước)', permission: 'petitions.answer', scope: 'agency', order: 30, tone: 'warning' },
    { key: 'agency-overdue', label: 'Kiến nghị đã quá hạn trả lời', permission: 'petitions.answer', scope: 'agency', order: 31, tone: 'danger' },
  ],
  count: (ctx) => ('councilId' in ctx.scope ? councilCounts(ctx, ctx.scope.councilId) : agencyCounts(ctx, ctx.scope.agencyId)),
};
