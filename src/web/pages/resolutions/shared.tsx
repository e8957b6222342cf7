// Shared pieces of the resolutions pages: row types, status colours, who may do what.
import { Tag } from 'antd';
import { useAuth } from '../../lib/auth.tsx';

export { RESOLUTION_STATUS_LABELS, TASK_STATE_LABELS, LINK_TYPE_LABELS } from '../../../domain/resolutions/index.ts';

export const STATUS_COLORS: Record<string, string> = {
  notYetInForce: 'default', inForce: 'green', amended: 'blue', partlyRepealed: 'gold', replaced: 'volcano', repealed: 'red',
};
export const TASK_COLORS: Record<string, string> = { open: 'blue', reported: 'gold', done: 'green', cancelled: 'default' };

export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status]} data-status={status}>{label}</Tag>;
}

export interface TaskRow {
  id: string; resolutionId: string; agencyId: string; agencyName: string; title: string; provision: string; assignedOn: string; originalDue: string; due: string;
  reportEveryMonths: number; state: string; stateLabel: string; closedOn: string | null; closingNote: string; extended: boolean;
  overdue: boolean; daysOverdue: number; nextReportDue: string | null; reportOverdue: boolean; lastReportOn: string | null;
  resolution?: { id: string; symbol: string | null; title: string; label: string };
  councilName?: string;
  reports: { id: string; kind: string; kindLabel: string; reportedOn: string; content: string; filedVia: string; filedByName: string }[];
}

export function useResolutionPerms(councilId: string | undefined) {
  const { me } = useAuth();
  const has = (role: string) => !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === role));
  return { manage: has('secretariat'), certify: has('standing_member') };
}

export function TaskDue({ t }: { t: TaskRow }) {
  return (
    <span>
      {t.due.split('-').reverse().join('/')}
      {t.extended && <span style={{ color: '#6b7280', fontSize: 12 }}> (hạn đầu {t.originalDue.split('-').reverse().join('/')})</span>}
      {t.overdue && <Tag color="red" style={{ marginLeft: 6 }} data-overdue="true">Quá hạn {t.daysOverdue} ngày</Tag>}
      {!t.overdue && t.reportOverdue && t.nextReportDue && <Tag color="orange" style={{ marginLeft: 6 }}>Chậm báo cáo kỳ {t.nextReportDue.split('-').reverse().join('/')}</Tag>}
    </span>
  );
}
