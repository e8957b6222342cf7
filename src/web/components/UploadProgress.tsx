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
  // The whole job: the upload is the first tenth, then the server's phases, each its share of the
  // bar: reading the file, checking the rows (to 30%), writing them (to 99%).
  const counted = props.percent >= 100 && s && s.total > 0;
  const [from, span] = s?.phase === 'checking' ? [10, 20] : s?.phase === 'writing' ? [30, 69] : [10, 89];
  const percent = counted ? Math.min(99, from + Math.floor((span * s.done) / s.total)) : s ? Math.floor(props.percent / 10) : props.percent;
  const text =
    props.percent < 100
      ? 'Đang tải tệp lên…'
      : counted
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
