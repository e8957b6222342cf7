// The shared states of an owed item as list filters (the inbox, the to-do lines, the figures).
/** owed: the agency still owes it; overdue: owed and past due; answered: awaiting the owner's verification. */
export const FOLLOWUP_FILTERS = ['owed', 'overdue', 'answered', 'closed', 'open'] as const;
export type FollowupFilter = (typeof FOLLOWUP_FILTERS)[number];

export const FOLLOWUP_FILTER_LABELS: Readonly<Record<FollowupFilter, string>> = {
  owed: 'Đang phải thực hiện',
  overdue: 'Quá hạn',
  answered: 'Đã báo cáo, chờ xác minh',
  closed: 'Đã đóng',
  open: 'Chưa đóng',
};
