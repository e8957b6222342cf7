// The progress bar shown while an import file uploads (see lib/upload.ts), then "the server is
// processing" once the whole file has been sent. Renders nothing when `percent` is null.
import { Progress } from 'antd';

export function UploadProgress(props: { percent: number | null }) {
  if (props.percent === null) return null;
  return (
    <div style={{ marginBottom: 16 }} role="status" aria-live="polite">
      <Progress percent={props.percent} status="active" />
      <div style={{ color: 'rgba(0,0,0,0.55)' }}>{props.percent < 100 ? 'Đang tải tệp lên…' : 'Máy chủ đang xử lý tệp…'}</div>
    </div>
  );
}
