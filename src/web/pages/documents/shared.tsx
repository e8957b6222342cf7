// Pieces of the documents screens, and the file download every list's "Xuất Excel" uses: the file
// comes through fetch (cookie + CSRF header), so a refusal shows the server's Vietnamese message
// instead of navigating to a JSON page.
import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { ApiError, withQuery } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';

export type Query = Record<string, string | number | boolean | null | undefined>;

/** The file name of a download: RFC 5987 `filename*` first, then `filename`. */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1]! : fallback;
}

/**
 * Fetches a file from the API and saves it under the server's file name. GET by default; a body
 * makes it a POST (the draft preview), with the CSRF token.
 */
export async function downloadFile(path: string, opts: { query?: Query; body?: unknown; csrf?: string; fallbackName?: string } = {}): Promise<string> {
  const post = opts.body !== undefined;
  const headers: Record<string, string> = { accept: '*/*' };
  if (post) {
    headers['content-type'] = 'application/json';
    if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api${path}`, opts.query), {
      method: post ? 'POST' : 'GET',
      headers,
      credentials: 'same-origin',
      body: post ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    let msg = res.status === 403 ? 'Bạn không có quyền tải tệp này.' : 'Không tải được tệp.';
    let code = `http_${res.status}`;
    let details: unknown;
    try {
      const j = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
      msg = j.error?.message ?? msg;
      code = j.error?.code ?? code;
      details = j.error?.details;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, code, msg, details);
  }
  const blob = await res.blob();
  const name = fileNameOf(res, opts.fallbackName ?? 'tep');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** "Xuất Excel": downloads `path` (an …/export.xlsx route) with the list's current filters. */
export function ExportButton(props: { path: string; query?: Query; disabled?: boolean; label?: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(props.path, { query: props.query, fallbackName: 'danh-sach.xlsx' });
      message.success(`Đã tải tệp ${name}.`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title="Tải danh sách ra tệp Excel, theo đúng bộ lọc đang chọn (mọi trang)">
      <Button icon={<FileExcelOutlined />} loading={busy} disabled={props.disabled} onClick={run}>
        {props.label ?? 'Xuất Excel'}
      </Button>
    </Tooltip>
  );
}

// Documents ---------------------------------------------------------------------------------------

export const DOCUMENT_KIND_NAMES: Record<string, string> = {
  nghi_quyet: 'Nghị quyết',
  quyet_dinh: 'Quyết định',
  thong_bao: 'Thông báo',
  ke_hoach: 'Kế hoạch',
  bao_cao: 'Báo cáo',
  to_trinh: 'Tờ trình',
  bien_ban: 'Biên bản',
  giay_moi: 'Giấy mời',
  giay_trieu_tap: 'Giấy triệu tập',
  chuong_trinh: 'Chương trình',
  cong_van: 'Công văn',
};

export const DOCUMENT_STATUS: Record<string, string> = { issued: 'Đã ban hành', cancelled: 'Đã hủy' };

export interface TemplateSummary {
  key: string;
  title: string;
  kind: string;
  kindName: string;
  description: string;
  module: string;
}

export interface WordingSlotView {
  slot: string;
  label: string;
  multiline: boolean;
  default: string;
  value: string;
  overridden: boolean;
}

export interface TemplateDetail extends TemplateSummary {
  slots: WordingSlotView[];
}

export interface Issuer {
  id: string;
  kind: 'standing' | 'committee' | 'office';
  kindLabel?: string;
  code: string;
  name: string;
  headerParent: string;
  headerName: string;
  place: string;
}

export interface DocumentItem {
  id: string;
  issuerId: string;
  issuerCode: string;
  issuerName: string;
  year: number;
  number: number;
  kind: string;
  kindName: string;
  symbol: string;
  title: string;
  issuedOn: string;
  templateKey: string;
  sha256: string;
  size: number;
  status: 'issued' | 'cancelled';
  statusLabel: string;
  cancelReason: string;
  cancelledAt: string | null;
  createdByName: string;
  createdAt: string;
  fileName: string;
  signerName: string | null;
  recipients: string | null;
}

