// Intake of voters' opinions, built for a clerk typing up meeting minutes: a keyboard-only entry
// grid (Tab between voter / hamlet / text, Enter saves the row and opens the next), "paste a list"
// (split by the server, previewed, saved at once), and XLSX/CSV import with column mapping. An
// opinion typed by mistake (twice, or under the wrong meeting) is deleted from the list below, one
// or a selection at once, while it is not yet part of a petition. A petition a lower council sent
// up that is in fact for the lower level is returned to it with a reason ("Trả lại cấp dưới").
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Col, Input, Modal, Popconfirm, Popover, Row, Segmented, Select, Space, Statistic, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { CheckCircleTwoTone, DeleteOutlined, EditOutlined, HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../../lib/api.ts';
import { ImportWizard, type ImportField, type ImportPlanBase } from '../../components/ImportWizard.tsx';
import { ReturnReasonModal, SearchCorrection } from '../../components/common.tsx';
import { useApi, useDebounced, usePagedTable } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { clip, fmtDate } from '../../lib/format.ts';
import { ExportButton } from '../documents/shared.tsx';
import { CHANNEL_LABELS, EncodingTag, usePetitionPerms, type Meeting, type Opinion, type RoundSummary } from './shared.tsx';

interface Target {
  meetingId?: string;
  channel: string;
}

/** A row of the intake list: a petition a lower council sent up carries its source. */
type IntakeOpinion = Opinion & { sourcePetitionId?: string | null };

/** Only an opinion not yet in a petition, typed here (not sent up by a lower council), can be deleted. */
const deletable = (o: IntakeOpinion) => !o.petitionId && !o.sourcePetitionId;

/** A petition a lower council sent up, not yet merged here, can be returned to it. */
const returnable = (o: IntakeOpinion) => !!o.sourcePetitionId && !o.petitionId;

export function IntakeTab(props: {
  councilId: string;
  round: RoundSummary;
  meetings: Meeting[];
  canEdit: boolean;
  initialMeetingId?: string;
  onChanged(): void;
}) {
  const { councilId, round, meetings } = props;
  const [meetingId, setMeetingId] = useState<string | undefined>(props.initialMeetingId ?? meetings[meetings.length - 1]?.id);
  const [channel, setChannel] = useState('letter');
  const [mode, setMode] = useState<'type' | 'paste' | 'file'>('type');
  const [q, setQ] = useState('');
  const [listMeeting, setListMeeting] = useState<string | undefined>();
  useEffect(() => {
    if (!meetingId && meetings.length) setMeetingId(props.initialMeetingId ?? meetings[meetings.length - 1]!.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetings.length]);
  const dq = useDebounced(q.trim(), 300);
  const table = usePagedTable<IntakeOpinion>(`/councils/${councilId}/opinions`, { roundId: round.id, meetingId: listMeeting, q: dq }, { pageSize: 20 });
  const target: Target = meetingId ? { meetingId, channel: 'meeting' } : { channel };
  const [selected, setSelected] = useState<IntakeOpinion[]>([]);
  const [deleting, setDeleting] = useState(false);
  // Returning to the lower council is a secretariat decision (petitions.manage, as merging).
  const canReturn = usePetitionPerms(councilId).manage;
  const [returning, setReturning] = useState<IntakeOpinion | null>(null);
  const [editing, setEditing] = useState<IntakeOpinion | null>(null);
  useEffect(() => setSelected([]), [listMeeting, dq]);
  const saved = () => {
    table.reload();
    props.onChanged();
  };
  /** Deletes the given opinions at the versions shown (all or none), then reloads the list. */
  const remove = async (items: IntakeOpinion[]) => {
    setDeleting(true);
    try {
      if (items.length === 1) {
        const o = items[0]!;
        await api.delete(withQuery(`/councils/${councilId}/opinions/${o.id}`, { version: o.version }));
      } else {
        await api.post(`/councils/${councilId}/opinions/delete`, { items: items.map((o) => ({ opinionId: o.id, version: o.version })) });
      }
      message.success(items.length === 1 ? 'Đã xóa ý kiến.' : `Đã xóa ${items.length} ý kiến.`);
      const gone = new Set(items.map((o) => o.id));
      setSelected((sel) => sel.filter((o) => !gone.has(o.id)));
      // The page emptied by the delete: go back to the first page instead of showing an empty one.
      const shown = table.tableProps.dataSource ?? [];
      if (shown.length > 0 && shown.every((o) => gone.has(o.id))) table.resetPage();
      saved();
    } catch (err) {
      showError(err);
      table.reload();
    } finally {
      setDeleting(false);
    }
  };
  const meetingLabel = (m: Meeting) => `${fmtDate(m.heldOn)} — ${m.place || m.unitName || 'Cuộc tiếp xúc'}`;

  return (
    <div>
      {props.canEdit && (
        <div className="nt-intake-box" style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: 16, marginBottom: 20, background: '#fbfcfe' }}>
          <Row gutter={[16, 12]} align="middle" style={{ marginBottom: 12 }}>
            <Col xs={24} lg={12}>
              <div style={{ marginBottom: 4, fontWeight: 500 }}>Ý kiến tiếp nhận tại</div>
              <Select
                style={{ width: '100%' }}
                value={meetingId ?? '_channel'}
                onChange={(v) => setMeetingId(v === '_channel' ? undefined : v)}
                aria-label="Cuộc tiếp xúc"
                data-testid="intake-meeting"
                options={[
                  ...meetings.map((m) => ({ value: m.id, label: meetingLabel(m) })),
                  { value: '_channel', label: 'Ngoài hội nghị (đơn thư, đường dây nóng…)' },
                ]}
              />
            </Col>
            {!meetingId && (
              <Col xs={24} lg={6}>
                <div style={{ marginBottom: 4, fontWeight: 500 }}>Kênh tiếp nhận</div>
                <Select
                  style={{ width: '100%' }}
                  value={channel}
                  onChange={setChannel}
                  options={Object.entries(CHANNEL_LABELS)
                    .filter(([k]) => k !== 'meeting' && k !== 'lower_council')
                    .map(([value, label]) => ({ value, label }))}
                />
              </Col>
            )}
            <Col xs={24} lg={meetingId ? 12 : 6}>
              <div style={{ marginBottom: 4, fontWeight: 500 }}>Cách nhập</div>
              <Segmented
                value={mode}
                onChange={(v) => setMode(v as typeof mode)}
                options={[
                  { value: 'type', label: 'Gõ từng ý kiến' },
                  { value: 'paste', label: 'Dán danh sách' },
                  { value: 'file', label: 'Nhập từ tệp' },
                ]}
              />
            </Col>
          </Row>
          {mode === 'type' && <KeyboardEntry key={meetingId ?? channel} councilId={councilId} roundId={round.id} target={target} onSaved={saved} />}
          {mode === 'paste' && <PasteEntry councilId={councilId} roundId={round.id} target={target} onSaved={saved} />}
          {mode === 'file' && <FileImport councilId={councilId} roundId={round.id} target={target} onSaved={saved} />}
        </div>
      )}

      <Typography.Title level={5} style={{ marginTop: 0 }}>Ý kiến đã tiếp nhận trong đợt</Typography.Title>
      <div className="nt-toolbar">
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Tìm trong nội dung (có dấu hoặc không dấu)"
          style={{ width: 340, maxWidth: '100%' }}
          aria-label="Tìm ý kiến"
        />
        <Select
          allowClear
          placeholder="Cuộc tiếp xúc"
          value={listMeeting}
          onChange={setListMeeting}
          style={{ width: 300, maxWidth: '100%' }}
          options={meetings.map((m) => ({ value: m.id, label: meetingLabel(m) }))}
        />
        <ExportButton path={`/councils/${councilId}/opinions/export.xlsx`} query={{ roundId: round.id, meetingId: listMeeting, q: dq }} />
        {props.canEdit && selected.length > 0 && (
          <Popconfirm
            title={`Xóa ${selected.length} ý kiến đã chọn?`}
            description={
              <div style={{ maxWidth: 320 }}>
                Dùng khi ý kiến bị nhập trùng hoặc nhập nhầm cuộc tiếp xúc. Nếu có ý kiến vừa được người khác tổng hợp hoặc sửa thì không
                ý kiến nào bị xóa. Nội dung đã xóa vẫn được lưu trong nhật ký thao tác.
              </div>
            }
            okText="Xóa"
            cancelText="Không"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(selected)}
          >
            <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="opinions-delete-selected">
              Xóa ý kiến đã chọn ({selected.length})
            </Button>
          </Popconfirm>
        )}
      </div>
      <SearchCorrection corrected={table.corrected} />
      <ResponsiveTable<IntakeOpinion>
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        {...table.tableProps}
        rowSelection={
          props.canEdit
            ? {
                selectedRowKeys: selected.map((o) => o.id),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter((o): o is IntakeOpinion => !!o)),
                getCheckboxProps: (o) => ({
                  disabled: !deletable(o),
                  title: deletable(o)
                    ? 'Chọn để xóa'
                    : o.petitionId
                      ? 'Ý kiến đã tổng hợp vào kiến nghị: tách khỏi kiến nghị trước khi xóa'
                      : 'Kiến nghị do HĐND cấp dưới chuyển lên: không xóa được',
                }),
              }
            : undefined
        }
        locale={{ emptyText: 'Chưa có ý kiến nào.' }}
        columns={[
          {
            title: 'Nội dung ý kiến',
            dataIndex: 'text',
            render: (t: string, o) => (
              <div>
                <span title={t}>{clip(t, 260)}</span> <EncodingTag encoding={o.sourceEncoding} original={o.originalText} />
                {o.sourcePetitionId && <Tag color="purple" style={{ marginLeft: 4 }}>{CHANNEL_LABELS.lower_council}</Tag>}
              </div>
            ),
          },
          {
            title: 'Cử tri',
            key: 'voter',
            width: 170,
            render: (_: unknown, o) => (
              <div>
                {o.voterName || <span style={{ color: '#9ca3af' }}>—</span>}
                {o.voterHamlet && <div style={{ color: '#6b7280', fontSize: 12 }}>{o.voterHamlet}</div>}
              </div>
            ),
          },
          { title: 'Địa bàn', dataIndex: 'unitName', width: 120, responsive: ['lg'] },
          {
            title: 'Tình trạng',
            key: 'state',
            width: 130,
            render: (_: unknown, o) =>
              o.kind === 'complaint' ? (
                <Tag color="volcano">Khiếu nại, tố cáo</Tag>
              ) : o.petitionId ? (
                <Tag color="green">Đã tổng hợp</Tag>
              ) : o.classifiedAt ? (
                <Tag color="blue">Đã phân loại</Tag>
              ) : (
                <Tag>Mới tiếp nhận</Tag>
              ),
          },
          ...(props.canEdit || canReturn
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: canReturn ? 180 : 88,
                  render: (_: unknown, o: IntakeOpinion) => (
                    <Space size={0}>
                    {props.canEdit && (
                      <Button type="text" size="small" icon={<EditOutlined />} title="Sửa ý kiến" aria-label="Sửa ý kiến" data-testid="opinion-edit" onClick={() => setEditing(o)} />
                    )}
                    {canReturn && returnable(o) ? (
                      <Button
                        type="link"
                        size="small"
                        icon={<RollbackOutlined />}
                        onClick={() => setReturning(o)}
                        title="Kiến nghị thuộc thẩm quyền cấp dưới: trả lại HĐND cấp dưới kèm lý do"
                        data-testid="opinion-return-to-lower"
                      >
                        Trả lại cấp dưới
                      </Button>
                    ) : props.canEdit && deletable(o) && (
                      <Popconfirm
                        title="Xóa ý kiến này?"
                        description={
                          <div style={{ maxWidth: 300 }}>
                            Dùng khi ý kiến bị nhập trùng hoặc nhập nhầm cuộc tiếp xúc. Nội dung đã xóa vẫn được lưu trong nhật ký thao tác.
                          </div>
                        }
                        okText="Xóa"
                        cancelText="Không"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove([o])}
                      >
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} title="Xóa ý kiến" aria-label="Xóa ý kiến" data-testid="opinion-delete" />
                      </Popconfirm>
                    )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <EditOpinionModal
          councilId={councilId}
          opinion={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            saved();
          }}
        />
      )}
      {returning && (
        <ReturnToLowerModal
          councilId={councilId}
          opinion={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            saved();
          }}
        />
      )}
    </div>
  );
}

/** The reason a petition sent up by a lower council goes back to it; the lower secretariat re-routes it. */
function ReturnToLowerModal(props: { councilId: string; opinion: IntakeOpinion; onClose(): void; onDone(): void }) {
  return (
    <ReturnReasonModal
      title="Trả lại kiến nghị cho HĐND cấp dưới"
      placeholder="Ví dụ: Thuộc thẩm quyền cấp xã, đề nghị HĐND phường chuyển UBND phường giải quyết."
      testId="return-to-lower"
      onClose={props.onClose}
      onSubmit={async (reason) => {
        await api.post(`/councils/${props.councilId}/opinions/${props.opinion.id}/return-to-lower`, { reason, version: props.opinion.version });
        message.success('Đã trả lại kiến nghị cho HĐND cấp dưới.');
        props.onDone();
      }}
    >
      <p style={{ color: '#6b7280' }}>{clip(props.opinion.text, 300)}</p>
      <p>
        Kiến nghị sẽ được gỡ khỏi danh sách tiếp nhận của HĐND cấp này; Văn phòng HĐND cấp dưới nhận lại kiến nghị kèm lý do và chuyển
        đến cơ quan có thẩm quyền. Hãy nêu rõ lý do (và cơ quan đúng thẩm quyền, nếu biết).
      </p>
    </ReturnReasonModal>
  );
}

// Keyboard entry -----------------------------------------------------------------------------------

interface Draft {
  voterName: string;
  voterHamlet: string;
  text: string;
}
const EMPTY: Draft = { voterName: '', voterHamlet: '', text: '' };
const ENTRY_CSS = `
.nt-entry-head, .nt-entry-row { display: grid; grid-template-columns: 32px minmax(120px, 1fr) minmax(110px, 0.8fr) minmax(220px, 3fr); gap: 8px; align-items: start; }
.nt-entry-head { font-weight: 600; color: #374151; font-size: 13px; padding: 0 0 6px; border-bottom: 1px solid #e5e7eb; margin-bottom: 6px; }
.nt-entry-row { padding: 4px 0; }
.nt-entry-row > span:first-child { color: #6b7280; padding-top: 5px; text-align: right; }
.nt-entry-done { border-bottom: 1px dashed #e5e7eb; padding: 6px 0; font-size: 14px; }
@media (max-width: 700px) { .nt-entry-head { display: none; } .nt-entry-row { grid-template-columns: 24px 1fr 1fr; } .nt-entry-row > :last-child { grid-column: 2 / 4; } }
`;

function KeyboardEntry(props: { councilId: string; roundId: string; target: Target; onSaved(): void }) {
  const [done, setDone] = useState<(Draft & { id: string; encoding: string })[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const first = useRef<InputRef>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);

  const save = async () => {
    if (busy) return;
    if (!draft.text.trim()) {
      setHint('Chưa có nội dung ý kiến: hãy gõ nội dung rồi bấm Enter.');
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<{ items: Opinion[] }>(`/councils/${props.councilId}/opinions/bulk`, {
        roundId: props.roundId,
        meetingId: props.target.meetingId ?? null,
        channel: props.target.channel,
        items: [{ text: draft.text.trim(), voterName: draft.voterName.trim(), voterHamlet: draft.voterHamlet.trim() }],
      });
      const o = res.items[0]!;
      setDone((d) => [...d, { ...draft, text: o.text, id: o.id, encoding: o.sourceEncoding }]);
      setDraft(EMPTY);
      setHint(null);
      props.onSaved();
      setTimeout(() => first.current?.focus(), 0);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !(e.nativeEvent as unknown as { isComposing?: boolean }).isComposing) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      setDraft(EMPTY);
      first.current?.focus();
    }
  };

  return (
    <div data-testid="keyboard-entry">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Gõ liên tục bằng bàn phím: Tab để sang ô tiếp theo, Enter để ghi ý kiến và mở dòng mới, Shift+Enter để xuống dòng trong nội dung, Esc để xóa dòng đang gõ."
      />
      <div className="nt-entry-grid">
        <style>{ENTRY_CSS}</style>
        <div className="nt-entry-head">
          <span>#</span>
          <span>Họ tên cử tri</span>
          <span>Thôn, tổ dân phố</span>
          <span>Nội dung ý kiến, kiến nghị</span>
        </div>
        {done.map((d, i) => (
          <div key={d.id} className="nt-entry-row nt-entry-done" data-testid="entry-saved">
            <span>{i + 1}</span>
            <span>{d.voterName || '—'}</span>
            <span>{d.voterHamlet || '—'}</span>
            <span>
              <CheckCircleTwoTone twoToneColor="#52c41a" /> {d.text} <EncodingTag encoding={d.encoding} />
            </span>
          </div>
        ))}
        <div className="nt-entry-row" onKeyDown={onKey}>
          <span>{done.length + 1}</span>
          <Input
            ref={first}
            autoFocus
            value={draft.voterName}
            onChange={(e) => setDraft({ ...draft, voterName: e.target.value })}
            placeholder="Họ tên (nếu có)"
            aria-label="Họ tên cử tri"
            maxLength={200}
          />
          <Input
            value={draft.voterHamlet}
            onChange={(e) => setDraft({ ...draft, voterHamlet: e.target.value })}
            placeholder="Thôn, tổ dân phố"
            aria-label="Thôn, tổ dân phố"
            maxLength={200}
          />
          <Input.TextArea
            ref={(r) => {
              textRef.current = r?.resizableTextArea?.textArea ?? null;
            }}
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            placeholder="Nội dung ý kiến — Enter để ghi"
            aria-label="Nội dung ý kiến"
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={10000}
          />
        </div>
        <SimilarHint councilId={props.councilId} text={draft.text} />
      </div>
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={save}>Ghi ý kiến (Enter)</Button>
        {hint && <Typography.Text type="warning">{hint}</Typography.Text>}
        {done.length > 0 && <Typography.Text type="secondary">Đã ghi {done.length} ý kiến trong lượt nhập này.</Typography.Text>}
      </Space>
    </div>
  );
}

// "Raised before?" ---------------------------------------------------------------------------------

interface SimilarItem {
  id: string;
  councilId: string;
  councilName: string;
  ownCouncil: boolean;
  number: number;
  text: string;
  score: number;
  roundName: string;
  roundDate: string;
  statusLabel: string;
  lastResultLabel: string | null;
}
interface SimilarAnswer {
  items: SimilarItem[];
  summary: { count: number; since: string | null; threshold: number };
}
const SIMILAR_MIN_CHARS = 10;

/**
 * Under the row being typed: "Đã được nêu N lần kể từ năm YYYY" when earlier petitions (any round,
 * predecessor councils included) are similar, with a popover listing them. Debounced 400 ms; never
 * takes the focus and is out of the Tab order, so the keyboard flow stays as it was.
 */
function SimilarHint(props: { councilId: string; text: string }) {
  // A long minute is compared on its first 2,000 characters (the text travels in the URL).
  const text = useDebounced(props.text.trim().slice(0, 2000), 400);
  const ask = text.length >= SIMILAR_MIN_CHARS && props.text.trim().length >= SIMILAR_MIN_CHARS;
  const res = useApi<SimilarAnswer>(ask ? `/councils/${props.councilId}/petitions/similar` : null, ask ? { text, k: 5 } : undefined);
  const data = ask ? res.data : undefined;
  if (!data || data.summary.count === 0) return null;
  const { count, since } = data.summary;
  const matches = data.items.filter((p) => p.score >= data.summary.threshold);
  const list = (
    <div style={{ maxWidth: 460 }} data-testid="similar-list">
      {matches.map((p) => (
        <div key={p.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div>
            {p.ownCouncil ? (
              <Link to={`/councils/${p.councilId}/petitions/${p.id}`} tabIndex={-1}>KN-{p.number}</Link>
            ) : (
              <Typography.Text strong>KN-{p.number}</Typography.Text>
            )}{' '}
            <Tag style={{ marginInlineStart: 4 }}>{p.statusLabel}</Tag>
            {p.lastResultLabel && <Tag color="blue">{p.lastResultLabel}</Tag>}
          </div>
          <div style={{ fontSize: 13 }}>{clip(p.text, 200)}</div>
          <div style={{ fontSize: 12, color: '#6b7280' }}>
            {p.roundName} ({fmtDate(p.roundDate)}){p.ownCouncil ? '' : ` — ${p.councilName}`}
          </div>
        </div>
      ))}
    </div>
  );
  return (
    <div style={{ padding: '0 0 4px 40px' }} data-testid="similar-hint" aria-live="polite">
      <Popover content={list} title="Kiến nghị tương tự đã được nêu" trigger={['hover', 'click']} placement="bottomLeft">
        <Typography.Link tabIndex={-1} style={{ fontSize: 13 }}>
          <HistoryOutlined /> Đã được nêu {count} lần{since ? ` kể từ năm ${since}` : ''}
        </Typography.Link>
      </Popover>
    </div>
  );
}

// Paste a list -------------------------------------------------------------------------------------

interface SplitItem {
  text: string;
  encoding: string;
  /** Who spoke, separated by the server from the request ("Cử tri Đặng Văn Sơn (thôn Tân Hy): …"). */
  speaker: { name: string; place: string; group: string } | null;
}

function PasteEntry(props: { councilId: string; roundId: string; target: Target; onSaved(): void }) {
  const [raw, setRaw] = useState('');
  const [items, setItems] = useState<SplitItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const split = async () => {
    if (!raw.trim()) {
      message.warning('Hãy dán danh sách ý kiến vào ô trước.');
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ items: SplitItem[]; count: number; converted: number }>(`/councils/${props.councilId}/opinions/split`, { text: raw });
      setItems(r.items);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveAll = async () => {
    if (!items?.length) return;
    setBusy(true);
    try {
      const r = await api.post<{ created: number }>(`/councils/${props.councilId}/opinions/bulk`, {
        roundId: props.roundId,
        meetingId: props.target.meetingId ?? null,
        channel: props.target.channel,
        // The speaker stays with the opinion (secretariat only); only the request can be published.
        items: items.map((i) => ({
          text: i.text,
          ...(i.speaker ? { voterName: (i.speaker.name || i.speaker.group).slice(0, 200), voterHamlet: i.speaker.place.slice(0, 200) } : {}),
        })),
      });
      message.success(`Đã ghi ${r.created} ý kiến.`);
      setItems(null);
      setRaw('');
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const converted = items?.filter((i) => i.encoding !== 'unicode').length ?? 0;
  const speakers = items?.filter((i) => i.speaker && (i.speaker.name || i.speaker.group || i.speaker.place)).length ?? 0;

  if (items) {
    return (
      <div data-testid="paste-preview">
        <Alert
          type={items.length ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            items.length
              ? `Tách được ${items.length} ý kiến${converted ? `, trong đó ${converted} ý kiến gõ bằng phông chữ cũ đã chuyển sang Unicode` : ''}${speakers ? `; ${speakers} ý kiến có tên, nơi ở của người nêu đã được tách khỏi nội dung (chỉ Văn phòng xem được)` : ''}. Kiểm tra, sửa nếu cần rồi bấm "Ghi".`
              : 'Không tách được ý kiến nào.'
          }
        />
        <ResponsiveTable<SplitItem & { i: number }>
          size="small"
          scroll={{ x: 560 }}
          rowKey="i"
          pagination={false}
          dataSource={items.map((x, i) => ({ ...x, i }))}
          columns={[
            { title: '#', dataIndex: 'i', width: 50, render: (i: number) => i + 1 },
            {
              title: 'Nội dung',
              dataIndex: 'text',
              render: (t: string, x) => (
                <div>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    value={t}
                    aria-label={`Ý kiến ${x.i + 1}`}
                    onChange={(e) => setItems(items.map((y, j) => (j === x.i ? { ...y, text: e.target.value } : y)))}
                  />
                  <EncodingTag encoding={x.encoding} />
                </div>
              ),
            },
            {
              title: 'Người nêu (không công khai)',
              key: 'speaker',
              width: 220,
              render: (_: unknown, x) => {
                const sp = x.speaker ?? { name: '', place: '', group: '' };
                const set = (patch: Partial<typeof sp>) =>
                  setItems(items.map((y, j) => (j === x.i ? { ...y, speaker: { ...sp, ...patch } } : y)));
                return (
                  <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="paste-speaker">
                    <Input size="small" placeholder="Họ tên cử tri" aria-label={`Người nêu ý kiến ${x.i + 1}`} value={sp.name || sp.group} onChange={(e) => set({ name: e.target.value, group: '' })} />
                    <Input size="small" placeholder="Thôn, tổ dân phố" aria-label={`Nơi ở của người nêu ý kiến ${x.i + 1}`} value={sp.place} onChange={(e) => set({ place: e.target.value })} />
                  </Space>
                );
              },
            },
            {
              title: '',
              key: 'rm',
              width: 50,
              render: (_: unknown, x) => (
                <Tooltip title="Bỏ ý kiến này">
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label="Bỏ" onClick={() => setItems(items.filter((_, j) => j !== x.i))} />
                </Tooltip>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setItems(null)}>Quay lại sửa danh sách</Button>
          <Button type="primary" loading={busy} disabled={!items.some((i) => i.text.trim())} onClick={saveAll} data-testid="paste-save">
            Ghi {items.length} ý kiến
          </Button>
        </Space>
      </div>
    );
  }
  return (
    <div>
      <Input.TextArea
        value={raw}
        onChange={(e) => setRaw(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 16 }}
        placeholder={'Dán biên bản hoặc danh sách ý kiến vào đây, ví dụ:\n1. Đề nghị nâng cấp tuyến đường…\n2. Cử tri phản ánh tình trạng…\nMỗi mục đánh số ("1.", "a)", "-") hoặc mỗi đoạn là một ý kiến. Văn bản gõ bằng phông TCVN3, VNI sẽ được chuyển sang Unicode.'}
        aria-label="Danh sách ý kiến dán vào"
        maxLength={500_000}
      />
      <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={split} data-testid="paste-split">
        Tách thành từng ý kiến
      </Button>
    </div>
  );
}

// File import --------------------------------------------------------------------------------------

interface OpinionPreviewRow {
  row: number;
  text: string;
  voterName: string;
  voterHamlet: string;
  unit: string;
}
interface ImportPlan extends ImportPlanBase<OpinionPreviewRow> {
  valid: number;
  converted: number;
  created?: number;
}

const IMPORT_FIELDS: ImportField[] = [
  { key: 'text', label: 'Nội dung ý kiến', required: true },
  { key: 'voterName', label: 'Họ tên cử tri' },
  { key: 'voterHamlet', label: 'Thôn, tổ dân phố' },
  { key: 'unit', label: 'Xã, phường' },
  { key: 'voterCount', label: 'Số cử tri' },
];

function FileImport(props: { councilId: string; roundId: string; target: Target; onSaved(): void }) {
  return (
    <ImportWizard<OpinionPreviewRow, ImportPlan>
      compact
      stepTitles={['Chọn tệp', 'Ghép cột', 'Xem trước', 'Xong']}
      endpoint={`/councils/${props.councilId}/opinions/import`}
      progressEndpoint={`/councils/${props.councilId}/opinions/import-progress`}
      extraFields={{
        roundId: props.roundId,
        meetingId: props.target.meetingId,
        channel: props.target.meetingId ? undefined : props.target.channel,
      }}
      fields={IMPORT_FIELDS}
      onDone={() => props.onSaved()}
      uploadText="Bấm hoặc kéo thả tệp .xlsx, .csv vào đây"
      uploadHint="Dòng đầu là tiêu đề cột. Cần có cột nội dung ý kiến; có thể có họ tên, thôn/tổ dân phố, xã/phường, số cử tri."
      mappingIntro={(plan, fileName) => `Tệp "${fileName}" có ${plan.total} dòng dữ liệu. Chọn cột trong tệp ứng với từng thông tin.`}
      stats={(plan, errorCount) => (
        <Row gutter={16}>
          <Col xs={8}><Statistic title="Số dòng" value={plan.total} /></Col>
          <Col xs={8}><Statistic title="Hợp lệ" value={plan.valid} styles={{ content: { color: '#237804' } }} /></Col>
          <Col xs={8}><Statistic title="Số lỗi" value={errorCount} styles={{ content: { color: errorCount ? '#a8071a' : undefined } }} /></Col>
        </Row>
      )}
      notices={(plan) =>
        plan.converted > 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${plan.converted} dòng gõ bằng phông chữ cũ (TCVN3, VNI) sẽ được chuyển sang Unicode.`} />
        )
      }
      errorsTitle={(n) => `Tệp có ${n} lỗi. Chưa ghi dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.`}
      noErrorsTitle="Không phát hiện lỗi."
      previewScrollX={640}
      previewColumns={[
        { title: 'Dòng', dataIndex: 'row', width: 60 },
        { title: 'Nội dung', dataIndex: 'text', render: (t: string) => clip(t, 200) },
        { title: 'Cử tri', dataIndex: 'voterName', width: 160 },
        { title: 'Thôn, TDP', dataIndex: 'voterHamlet', width: 130 },
        { title: 'Xã, phường', dataIndex: 'unit', width: 120 },
      ]}
      commitCount={(plan) => plan.valid}
      commitLabel={(plan) => `Ghi ${plan.valid} ý kiến`}
      successMessage={(r) => `Đã ghi ${r.created ?? r.valid} ý kiến từ tệp.`}
      renderDone={(_done, reset, fileName) => (
        <Space>
          <Typography.Text type="success">Đã nhập xong tệp {fileName}.</Typography.Text>
          <Button onClick={reset}>Nhập tệp khác</Button>
        </Space>
      )}
    />
  );
}

interface OpinionVersion {
  version: number;
  text: string;
  savedAt: string;
  replacedAt: string | null;
  replacedBy: string | null;
}

/**
 * Edits a saved opinion's text at the version shown; the previous texts stay (the opinion's
 * history, also in its petition's timeline). The server refuses, in Vietnamese, an edit of an
 * opinion whose petition was already forwarded, or one another clerk changed meanwhile.
 */
function EditOpinionModal(props: { councilId: string; opinion: IntakeOpinion; onClose(): void; onDone(): void }) {
  const o = props.opinion;
  const [text, setText] = useState(o.text);
  const [busy, setBusy] = useState(false);
  const history = useApi<{ versions: OpinionVersion[] }>(`/councils/${props.councilId}/opinions/${o.id}/history`);
  const earlier = (history.data?.versions ?? []).filter((v) => v.replacedAt);
  const save = async () => {
    setBusy(true);
    try {
      await api.patch(`/councils/${props.councilId}/opinions/${o.id}`, { version: o.version, text });
      message.success('Đã lưu ý kiến; nội dung trước được giữ trong lịch sử.');
      props.onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Sửa ý kiến cử tri"
      onCancel={props.onClose}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ disabled: !text.trim() || text.trim() === o.text }}
      width={680}
    >
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} aria-label="Nội dung ý kiến" />
      {earlier.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="opinion-history">
          <div style={{ fontWeight: 500, marginBottom: 4 }}>Các nội dung trước ({earlier.length})</div>
          {earlier.map((v) => (
            <div key={v.version} style={{ fontSize: 13, color: '#4b5563', borderLeft: '3px solid #e5e7eb', paddingLeft: 8, marginBottom: 6 }}>
              <div>{v.text}</div>
              <div style={{ fontSize: 12 }}>Đã sửa {fmtDate(v.replacedAt!)}{v.replacedBy ? ` — ${v.replacedBy}` : ''}</div>
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
