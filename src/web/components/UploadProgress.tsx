// The progress bar shown while an import file uploads (see lib/upload.ts), then "the server is
// processing" once the whole file has been sent. Renders nothing when `percent` is null.
import { Progress } from 'antd';

/** The server's own progress on the job, polled while it works (server/progress.ts). */
export interface ServerProgress {
  phase: string;
  label: string;
  done: number;
  total: number;
}

export function UploadProgress(props: { percent: number | null; server?: ServerProgress | null }) {
  if (props.percent === null) return null;
  const s = props.server;
  // The whole job: the upload is the first tenth, the server's work the rest.
  const writing = props.percent >= 100 && s && s.total > 0;
  const percent = writing ? Math.min(99, 10 + Math.floor((90 * s.done) / s.total)) : s ? Math.floor(props.percent / 10) : props.percent;
  const text =
    props.percent < 100
      ? 'Đang tải tệp lên…'
      : writing
        ? `${s.label}: ${s.done.toLocaleString('vi-VN')}/${s.total.toLocaleString('vi-VN')} dòng`
        : s && s.phase !== 'unknown'
          ? `${s.label}…`
          : 'Máy chủ đang xử lý tệp…';
  return (
    <div style={{ marginBottom: 16 }} role="status" aria-live="polite" data-testid="import-progress">
      <Progress percent={percent} status="active" />
      <div style={{ color: 'rgba(0,0,0,0.55)' }}>{text}</div>
    </div>
  );
}
