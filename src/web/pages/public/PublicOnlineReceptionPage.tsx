// Public page of online citizen reception (no login): the council's published reception days that
// still take requests and their free slots, and a form to ask for one. The answer shows the
// citizen's own code and day only; no one else's request is ever on this page.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Page } from '../../lib/api.ts';
import { fmtDate } from '../../lib/format.ts';
import { Frame, Spinner, useFetched } from './PublicPetitionsPage.tsx';

type Day = { id: string; on: string; receiverName: string; receiverKindLabel: string; freeSlots: number; requestBy: string };
type Answer = { code: string; on: string; receiverName: string; stateLabel: string };
const FIELDS = [
  { key: 'citizenName', label: 'Họ và tên' },
  { key: 'citizenAddress', label: 'Địa chỉ' },
  { key: 'idDocument', label: 'Số căn cước hoặc hộ chiếu' },
  { key: 'phone', label: 'Số điện thoại' },
  { key: 'email', label: 'Thư điện tử (nếu có)' },
] as const;

export function PublicOnlineReceptionPage() {
  const { councilId } = useParams() as { councilId: string };
  const [reload, setReload] = useState(0);
  const list = useFetched(() => api.get<Page<Day> & { council: { name: string }; noticeWorkingDays: number; source: string }>(`/public/councils/${councilId}/online-reception`), [councilId, reload]);
  const [dayId, setDayId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Answer | null>(null);
  if (list.error) return <Frame title="Đăng ký tiếp công dân trực tuyến"><div className="lt-alert lt-alert-error">{list.error}</div></Frame>;
  if (!list.data) return <Frame loading><Spinner /></Frame>;
  const d = list.data;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!dayId) return setError('Hãy chọn ngày tiếp.');
    setBusy(true);
    try {
      setDone(await api.post<Answer>(`/public/councils/${councilId}/online-reception/${dayId}/requests`, { ...values, summary: values.summary ?? '' }));
      setValues({});
      setReload((n) => n + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không gửi được đăng ký. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Frame title={`Tiếp công dân trực tuyến — ${d.council.name}`}>
      <h1>{d.council.name}</h1>
      <p className="lt-lead">Đăng ký tiếp công dân trực tuyến · <Link to={`/cong-khai/${councilId}`}>Kiến nghị cử tri</Link></p>
      <p className="lt-muted">Văn phòng thông báo giờ tiếp và đường dẫn phòng họp trực tuyến trước ngày tiếp ít nhất {String(d.noticeWorkingDays).padStart(2, '0')} ngày làm việc ({d.source}). Thông tin của bạn chỉ cán bộ tiếp công dân được xem.</p>
      {done && (
        <div className="lt-alert lt-alert-info" role="status">
          Đã nhận đăng ký của bạn cho ngày {fmtDate(done.on)} ({done.receiverName}). Mã đăng ký: <b>{done.code}</b> — {done.stateLabel}. Hãy giữ mã này khi liên hệ Văn phòng.
        </div>
      )}
      {d.total === 0 ? <div className="lt-empty">Hiện chưa có ngày tiếp công dân trực tuyến nhận đăng ký.</div> : (
        <form className="lt-card" onSubmit={submit} noValidate>
          <div className="lt-field">
            <label htmlFor="ot-day">Ngày tiếp</label>
            <select id="ot-day" className="lt-select" value={dayId} onChange={(e) => setDayId(e.target.value)}>
              <option value="">— Chọn ngày —</option>
              {d.items.map((x) => <option key={x.id} value={x.id} disabled={x.freeSlots === 0}>{fmtDate(x.on)} · {x.receiverName} · {x.freeSlots > 0 ? `còn ${x.freeSlots} lượt` : 'hết lượt'} (đăng ký trước {fmtDate(x.requestBy)})</option>)}
            </select>
          </div>
          {FIELDS.map((f) => (
            <div className="lt-field" key={f.key}>
              <label htmlFor={`ot-${f.key}`}>{f.label}</label>
              <input id={`ot-${f.key}`} className="lt-input" value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} autoComplete="off" />
            </div>
          ))}
          <div className="lt-field">
            <label htmlFor="ot-summary">Tóm tắt nội dung cần trình bày</label>
            <textarea id="ot-summary" className="lt-input" rows={4} value={values.summary ?? ''} onChange={(e) => setValues({ ...values, summary: e.target.value })} />
          </div>
          {error && <div className="lt-alert lt-alert-error" role="alert">{error}</div>}
          <button type="submit" className="lt-btn lt-btn-primary" disabled={busy}>{busy ? 'Đang gửi…' : 'Gửi đăng ký'}</button>
        </form>
      )}
    </Frame>
  );
}
