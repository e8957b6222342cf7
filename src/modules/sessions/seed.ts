// Demo data: Phường Sa Huỳnh and the province each have two sessions held this year and one being
// prepared, opening in 12 days, with submissions from several presenting bodies: some received on
// time, one received late, one still missing after its due date. The councils set their own lead
// time for submissions (the shipped profile has none); everything else stays a marked default.
import type { SeedContext } from '../../server/module.ts';
import { addDays, createWorkingCalendar, todayInVietnam } from '../../domain/calendar/index.ts';
import { defaultSessionRuleSets, type ExpectedDocumentKind, type SubmissionKind } from '../../domain/sessions/index.ts';
import type { Actor } from '../audit/service.ts';
import { loadOverrides } from '../petitions/common.ts';
import { putYearOverrides } from '../petitions/actions/holidayOverrides.ts';
import { knownYears, type ActionCtx } from './common.ts';
import { saveProfile } from './actions/profile.ts';
import { createPlan, updatePlan } from './actions/plans.ts';
import { createSession, transitionSession } from './actions/sessions.ts';
import { createItem } from './actions/items.ts';
import { recordPaperSubmission, uploadDocumentFile } from './actions/receipts.ts';
import { approveAgendaVersion, proposeAgendaVersion, saveJointConference } from './actions/agenda.ts';

/** A small valid PDF (one empty page) standing for a scanned submission. */
export function demoPdf(title: string): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${title.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

type Receipt = { kind: ExpectedDocumentKind; via?: 'upload' | 'paper'; received?: 'onTime' | 'late' };
type DemoItem = { kind: SubmissionKind; title: string; agency?: string; body?: string; committee?: string; documents: Receipt[] };

const WARD_ITEMS: DemoItem[] = [
  {
    kind: 'proposal', title: 'Tờ trình về dự toán thu, chi ngân sách phường Sa Huỳnh năm 2027', agency: 'agency:ubnd-sa-huynh', committee: 'body:sa-huynh:committee:0',
    documents: [{ kind: 'submission', via: 'upload', received: 'onTime' }, { kind: 'draftResolution', via: 'upload', received: 'late' }],
  },
  { kind: 'report', title: 'Báo cáo tình hình kinh tế – xã hội năm 2026, nhiệm vụ năm 2027', agency: 'agency:ubnd-sa-huynh', documents: [{ kind: 'report' }] },
  { kind: 'report', title: 'Báo cáo công tác tham gia xây dựng chính quyền năm 2026', agency: 'agency:mttq-sa-huynh', documents: [{ kind: 'report', via: 'paper', received: 'late' }] },
  { kind: 'report', title: 'Báo cáo kết quả giám sát chuyên đề về quản lý đất công', body: 'body:sa-huynh:committee:0', documents: [{ kind: 'report', via: 'paper', received: 'onTime' }] },
];

const PROVINCE_ITEMS: DemoItem[] = [
  {
    kind: 'proposal', title: 'Tờ trình về Nghị quyết quy định mức hỗ trợ xây dựng nhà ở cho hộ nghèo giai đoạn 2027–2030', agency: 'agency:ubnd-province', committee: 'body:province:committee:2',
    documents: [{ kind: 'submission', via: 'upload', received: 'onTime' }, { kind: 'draftResolution', via: 'upload', received: 'onTime' }],
  },
  { kind: 'report', title: 'Báo cáo tình hình thực hiện các dự án đầu tư xây dựng trọng điểm năm 2026', agency: 'agency:so-xay-dung', documents: [{ kind: 'report', via: 'upload', received: 'late' }, { kind: 'submission' }] },
  { kind: 'project', title: 'Đề án phát triển mạng lưới y tế cơ sở tỉnh Quảng Ngãi đến năm 2030', agency: 'agency:so-y-te', documents: [{ kind: 'project' }] },
  { kind: 'report', title: 'Báo cáo kết quả năm học 2025–2026', agency: 'agency:so-gd', documents: [{ kind: 'report', via: 'paper', received: 'onTime' }] },
];

export async function seedSessions(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const id = (key: string) => {
    const v = ids.get(key);
    if (!v) throw new Error(`Demo seed: unknown ${key}`);
    return v;
  };
  const today = todayInVietnam(ctx.today);
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${day}T03:00:00Z`) });
  // Four months ahead: the deadlines of letters and supervision run that far from a demo day in December.
  const years = [...new Set([addDays(today, -40), addDays(today, 120)].map((d) => Number(d.slice(0, 4))))];
  // Due dates need the holiday table of their year. A demo run in a year with no official decision
  // shipped stands for an administrator who confirmed the computed holidays (Tết, Giỗ Tổ, Quốc
  // khánh) for it, saying so in the row's source; a real council enters the decision itself.
  const stored = new Set((await loadOverrides(db)).map((o) => o.year));
  for (const y of years.filter((y) => !stored.has(y))) {
    await putYearOverrides(on(actor('admin', 'Quản trị hệ thống'), today), y, {
      daysOff: [], notOff: [], workingDays: [],
      source: 'Dữ liệu mẫu: ngày nghỉ tính theo Bộ luật Lao động (âm lịch), chưa đối chiếu quyết định của Thủ tướng năm này',
    });
  }
  const calendar = createWorkingCalendar(await loadOverrides(db));
  const known = knownYears(calendar);
  const covered = years.every((y) => y >= known.from && y <= known.to);

  const council = async (key: 'sa-huynh' | 'province', level: 'province' | 'commune', vp: Actor, tt: Actor, items: DemoItem[], leadDays: number) => {
    const councilId = id(`council:${key}`);
    const termId = id(`term:${key}`);
    // The council's own lead time for submissions to the committees (its Quy chế; illustrative).
    const set = defaultSessionRuleSets(level)[1]!;
    await saveProfile(on(vp, today), councilId, {
      ruleSetKey: set.key,
      profile: {
        ...set.profile,
        leadTimes: { ...set.profile.leadTimes, submissionToCommittee: { value: leadDays, unit: 'days', anchor: 'session_opening', direction: 'before', verified: false, source: 'Quy chế hoạt động của HĐND (dữ liệu mẫu)' } },
      },
    });
    const year = Number(today.slice(0, 4));
    const plan = await createPlan(on(vp, today), councilId, { year, note: 'Hai kỳ họp thường lệ giữa năm và cuối năm, kỳ họp chuyên đề khi cần.' });
    // Held this year: the first session of the term, then the mid-year session.
    const held = [`${year}-04-20`, `${year}-07-15`].filter((d) => d < addDays(today, -30));
    for (const [i, opening] of held.entries()) {
      const s = await createSession(on(vp, addDays(opening, -20)), councilId, { termId, kind: 'regular', openingDate: opening, closingDate: addDays(opening, 1), firstOfTerm: i === 0, planId: plan.id });
      await transitionSession(on(vp, addDays(opening, -10)), councilId, s.id, { action: 'convene' });
      await transitionSession(on(vp, opening), councilId, s.id, { action: 'open' });
      await transitionSession(on(vp, addDays(opening, 1)), councilId, s.id, { action: 'close' });
      if (i === 0) await updatePlan(on(vp, addDays(opening, 5)), councilId, plan.id, { adoptedAtSessionId: s.id, resolutionNumber: '12/NQ-HĐND' });
    }
    if (!covered) return;
    const opening = calendar.workingDayOnOrAfter(addDays(today, 12));
    const s = await createSession(on(vp, addDays(today, -30)), councilId, { termId, kind: 'regular', openingDate: opening, closingDate: calendar.nextWorkingDay(opening), planId: plan.id });
    await saveJointConference(on(vp, addDays(today, -25)), councilId, s.id, {
      heldOn: addDays(today, -25), agreedOpeningDate: opening,
      participants: 'Thường trực HĐND, Ủy ban nhân dân, Ban Thường trực Ủy ban MTTQ Việt Nam, các Ban của HĐND',
      content: 'Thống nhất thời gian, nội dung, chương trình kỳ họp thường lệ cuối năm.',
    });
    for (const it of items) {
      const item = await createItem(on(vp, addDays(today, -25)), councilId, s.id, {
        kind: it.kind, title: it.title, presenterAgencyId: it.agency ? id(it.agency) : null, presenterBodyId: it.body ? id(it.body) : null,
        committeeBodyId: it.committee ? id(it.committee) : null, documents: it.documents.map((d) => d.kind),
      });
      for (const [n, r] of it.documents.entries()) {
        const doc = item.documents[n]!;
        if (!r.received || !doc.dueDate) continue;
        // On time: three days before the due date; late: two days after (never after today).
        const day = r.received === 'onTime' ? addDays(doc.dueDate, -3) : [addDays(doc.dueDate, 2), today].sort()[0]!;
        if (r.via === 'paper') await recordPaperSubmission(on(vp, today), councilId, doc.id, { receivedOn: day });
        else {
          const responder = actor(key === 'sa-huynh' ? 'ubnd.sahuynh' : it.agency === 'agency:so-xay-dung' ? 'so.xaydung' : 'vp.tinh', 'Cán bộ cơ quan trình');
          await uploadDocumentFile(on(responder, day), { agencyId: doc.agencyId! }, doc.id, { name: `${doc.title}.pdf`, type: 'application/pdf', data: demoPdf(doc.title) });
        }
      }
    }
    const v = await proposeAgendaVersion(on(vp, addDays(today, -24)), councilId, s.id, {});
    await approveAgendaVersion(on(tt, addDays(today, -23)), councilId, s.id, v.id);
  };

  await council('sa-huynh', 'commune', actor('vp.sahuynh', 'Lê Thị Mỹ'), actor('tt.sahuynh', 'Huỳnh Văn Đạt'), WARD_ITEMS, 15);
  await council('province', 'province', actor('vp.tinh', 'Nguyễn Thị Hồng'), actor('vp.tinh', 'Nguyễn Thị Hồng'), PROVINCE_ITEMS, 20);
}
