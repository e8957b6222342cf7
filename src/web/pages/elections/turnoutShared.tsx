// Shared pieces of the election-day pages: the election chosen (?electionId=, else the newest),
// number and percent formats, labels.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Select } from 'antd';
import { useApi } from '../../lib/hooks.ts';
import type { Page as ApiPage } from '../../lib/api.ts';

export type ElectionRow = { id: string; name: string; electionDay: string; ballotTypes: string[] };

export const BALLOT_LABELS: Record<string, string> = {
  na: 'Đại biểu Quốc hội',
  province: 'Đại biểu HĐND tỉnh',
  commune: 'Đại biểu HĐND xã',
};
export const ROUND_LABELS: Record<string, string> = { first: 'Bầu cử lần đầu', revote: 'Bầu cử lại', additional: 'Bầu cử thêm' };
export const SHEET_STATE_LABELS: Record<string, string> = { draft: 'Bản nháp', submitted: 'Đã gửi Ban bầu cử', locked: 'Đã khóa sổ', superseded: 'Đã được thay thế' };
export const SHEET_STATE_COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', locked: 'success', superseded: 'warning' };

export const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('vi-VN'));

/** The election of the page: ?electionId=…, else the newest one the user can see. */
export function useElection(councilId: string) {
  const [sp, setSp] = useSearchParams();
  const list = useApi<ApiPage<ElectionRow>>(`/councils/${councilId}/elections`, { pageSize: 50 });
  const chosen = sp.get('electionId') ?? list.data?.items[0]?.id ?? null;
  useEffect(() => {
    if (!sp.get('electionId') && chosen) {
      const next = new URLSearchParams(sp);
      next.set('electionId', chosen);
      setSp(next, { replace: true });
    }
  }, [chosen, sp, setSp]);
  const picker = (
    <Select
      aria-label="Cuộc bầu cử"
      // Sized by the window, not by its box: an election's full name is wider than a phone.
      style={{ width: 'min(520px, calc(100vw - 24px))' }}
      value={chosen ?? undefined}
      placeholder="Chọn cuộc bầu cử"
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      onChange={(v) => {
        const next = new URLSearchParams(sp);
        next.set('electionId', v);
        setSp(next);
      }}
    />
  );
  return { electionId: chosen, picker, loading: list.loading, error: list.error, elections: list.data?.items ?? [] };
}
