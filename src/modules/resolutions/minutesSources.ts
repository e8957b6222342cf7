// Parts of the minutes that come from other parts of issue #12: attendance (the chamber floor's
// chamber_attendance) and the questions and answers (interpellation's questionsForMinutes). Each
// says plainly in the minutes when the session has none recorded.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Block } from '../../domain/documents/content.ts';
import { twoDigits } from '../../domain/documents/format.ts';
import { questionsForMinutes } from '../sessions/questions/queries.ts';
import { chamberAttendance } from '../sessions/chamber/attendanceSchema.ts';
import { delegates } from '../directory/schema.ts';

/** "Có mặt 14/15 đại biểu (…); vắng 01 (lý do …)", from the chamber's attendance of the whole session. */
export async function attendanceForMinutes(tx: Tx, sessionId: string): Promise<Block[]> {
  const rows = await tx
    .select({ status: chamberAttendance.status, reason: chamberAttendance.reason, name: delegates.fullName })
    .from(chamberAttendance)
    .innerJoin(delegates, eq(delegates.id, chamberAttendance.delegateId))
    .where(and(eq(chamberAttendance.sessionId, sessionId), isNull(chamberAttendance.itemId)))
    .orderBy(asc(delegates.fullName));
  if (!rows.length) return [{ type: 'paragraph', text: [{ text: 'Thành phần: ', bold: true }, 'chưa điểm danh đại biểu tại kỳ họp trong hệ thống.'] }];
  const present = rows.filter((x) => x.status === 'present').length;
  const online = rows.filter((x) => x.status === 'online').length;
  const absent = rows.filter((x) => x.status === 'absent');
  const blocks: Block[] = [{
    type: 'paragraph',
    text: [{ text: 'Thành phần: ', bold: true }, `đại biểu có mặt ${twoDigits(present + online)}/${twoDigits(rows.length)} đại biểu được điểm danh${online ? ` (trong đó ${twoDigits(online)} đại biểu dự trực tuyến)` : ''}; vắng mặt ${twoDigits(absent.length)} đại biểu.`],
  }];
  if (absent.length) blocks.push({ type: 'list', style: 'bullets', items: absent.map((x) => `${x.name}: vắng mặt${x.reason ? ` (${x.reason})` : ''}`) });
  return blocks;
}

/**
 * The questions and answers of the session (interpellation, sessions/questions questionsForMinutes):
 * each topic in questioning order with the delegates' questions, who answered and the answer's
 * summary; written answers; every commitment made, with its owner and due date.
 */
export async function questionsSection(tx: Tx, sessionId: string): Promise<Block[]> {
  const q = await questionsForMinutes(tx, sessionId);
  const blocks: Block[] = [];
  if (!q.topics.length && !q.writtenAnswers.length) {
    return [{ type: 'paragraph', text: 'Kỳ họp không tiến hành chất vấn; không có câu hỏi chất vấn được ghi trong hệ thống.' }];
  }
  for (const [i, t] of q.topics.entries()) {
    blocks.push({ type: 'heading', level: 2, number: `${i + 1}.`, text: `Nhóm vấn đề: ${t.title}` });
    const who = [t.answerer.name, t.answerer.post, t.answerer.agencyName].filter(Boolean).join(', ');
    if (t.slips.length) blocks.push({ type: 'list', style: 'bullets', items: t.slips.map((s) => `Đại biểu ${s.delegateName ?? ''} chất vấn: ${s.subject}${s.addressee ? ` (gửi ${s.addressee})` : ''}`) });
    if (t.answer) blocks.push({ type: 'paragraph', text: `${t.answer.answererName ?? who} trả lời: ${t.answer.summary}` });
    else if (who) blocks.push({ type: 'paragraph', text: `Người trả lời: ${who}; chưa ghi nội dung trả lời.` });
  }
  if (q.writtenAnswers.length) {
    blocks.push({ type: 'paragraph', text: [{ text: 'Trả lời bằng văn bản: ', bold: true }, `${twoDigits(q.writtenAnswers.length)} câu hỏi.`] });
    blocks.push({ type: 'list', style: 'bullets', items: q.writtenAnswers.map((w) => `${w.subject} (đại biểu ${w.delegateName ?? ''}): ${w.answer ? `đã trả lời ngày ${w.answer.answeredOn.split('-').reverse().join('/')}` : w.writtenDue ? `hạn trả lời ${w.writtenDue.split('-').reverse().join('/')}` : w.stateLabel}`) });
  }
  if (q.commitments.length) {
    blocks.push({ type: 'paragraph', text: [{ text: 'Lời hứa, cam kết khi trả lời chất vấn: ', bold: true }, `${twoDigits(q.commitments.length)} nội dung.`] });
    blocks.push({ type: 'list', style: 'bullets', items: q.commitments.map((c) => `${c.agencyName ?? c.ownerName ?? ''}: ${c.content}; thời hạn ${c.dueOn.split('-').reverse().join('/')}`) });
  }
  return blocks;
}
