// Classification of the round's new opinions: the server suggests field, competent level and
// agency (with confidence); the clerk adjusts and confirms one or many, or marks a complaint
// (khiếu nại, tố cáo — handled by its own procedure, leaves the petition track).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { AgencySelect } from '../../components/pickers.tsx';
import { EncodingTag, levelOptions, useFields, type Opinion } from './shared.tsx';
import { clip } from '../../lib/format.ts';

interface Suggestion {
  opinionId: string;
  version: number;
  field: { fieldId: string; name: string; confidence: number; method: string } | null;
  alternatives: { fieldId: string; name: string; score: number }[];
  competentLevel: { level: string; label: string; confidence: number; matched: string[]; reason: string };
  agency: { agencyId: string; name: string; source: 'routing_rule' | 'default'; ruleId: string | null } | null;
}

interface Choice {
  fieldId?: string;
  competentLevel?: string;
  agencyId?: string;
  agencyName?: string;
  /** Why the agency's level differs from the competent level; asked for when the server finds they differ. */
  levelReason?: string;
  /** The server's explanation of the mismatch. */
  mismatch?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const confColor = (x: number) => (x >= 0.7 ? 'green' : x >= 0.4 ? 'gold' : 'default');

export function ClassifyTab(props: { councilId: string; roundId: string; onChanged(): void }) {
  const { councilId, roundId } = props;
  const fields = useFields(councilId);
  const [rows, setRows] = useState<Opinion[]>([]);
  const [total, setTotal] = useState(0);
  const [sugg, setSugg] = useState<Record<string, Suggestion>>({});
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    (async () => {
      try {
        const page = await api.get<{ items: Opinion[]; total: number }>(`/councils/${councilId}/opinions`, {
          roundId,
          classified: 'false',
          kind: 'petition',
          pageSize: 100,
        });
        if (!live) return;
        setRows(page.items);
        setTotal(page.total);
        setSelected([]);
        if (page.items.length) {
          const s = await api.post<{ items: Suggestion[] }>(`/councils/${councilId}/opinions/suggestions`, { opinionIds: page.items.map((o) => o.id) });
          if (!live) return;
          const map = Object.fromEntries(s.items.map((x) => [x.opinionId, x]));
          setSugg(map);
          setChoice(
            Object.fromEntries(
              s.items.map((x) => [
                x.opinionId,
                { fieldId: x.field?.fieldId, competentLevel: x.competentLevel.level, agencyId: x.agency?.agencyId, agencyName: x.agency?.name },
              ]),
            ),
          );
        }
      } catch (err) {
        showError(err);
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [councilId, roundId, tick]);

  const fieldOptions = useMemo(() => fields.filter((f) => f.active).map((f) => ({ value: f.id, label: f.name })), [fields]);
  const setOne = (id: string, patch: Choice) => setChoice((c) => ({ ...c, [id]: { ...c[id], ...patch } }));

  const confirm = async (ids: string[], kind: 'petition' | 'complaint' = 'petition') => {
    if (!ids.length) return;
    setBusy(true);
    try {
      const items = ids.map((id) => {
        const o = rows.find((r) => r.id === id)!;
        const c = choice[id] ?? {};
        return kind === 'complaint'
          ? { opinionId: id, version: o.version, kind }
          : {
              opinionId: id, version: o.version, kind, fieldId: c.fieldId ?? null, competentLevel: c.competentLevel ?? null, agencyId: c.agencyId ?? null,
              ...(c.levelReason?.trim() ? { levelReason: c.levelReason.trim() } : {}),
            };
      });
      await api.post(`/councils/${councilId}/opinions/classify`, { items });
      message.success(
        kind === 'complaint'
          ? `Đã đánh dấu ${ids.length} ý kiến là khiếu nại, tố cáo (chuyển xử lý theo thủ tục riêng).`
          : `Đã xác nhận phân loại ${ids.length} ý kiến.`,
      );
      setTick((t) => t + 1);
      props.onChanged();
    } catch (err) {
      // Level and agency disagree: ask for the reason on that row, keep the clerk's choices.
      const d = err instanceof ApiError ? (err.details as { levelMismatch?: boolean; opinionId?: string } | undefined) : undefined;
      if (d?.levelMismatch && d.opinionId) {
        setOne(d.opinionId, { mismatch: (err as Error).message });
        message.warning((err as Error).message);
      } else {
        showError(err);
        setTick((t) => t + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Máy gợi ý lĩnh vực, cấp thẩm quyền và cơ quan giải quyết theo từ khóa, quy tắc chuyển và các lần phân loại trước. Chuyên viên kiểm tra, sửa nếu cần rồi xác nhận."
      />
      <div className="nt-toolbar">
        <Space wrap>
          <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => confirm(selected)} data-testid="classify-confirm">
            Xác nhận phân loại ({selected.length})
          </Button>
          <Popconfirm
            title="Đánh dấu là khiếu nại, tố cáo?"
            description={<div style={{ maxWidth: 300 }}>Các ý kiến này ra khỏi danh sách kiến nghị và được chuyển xử lý theo thủ tục giải quyết khiếu nại, tố cáo.</div>}
            okText="Đánh dấu"
            cancelText="Không"
            disabled={!selected.length}
            onConfirm={() => confirm(selected, 'complaint')}
          >
            <Button danger disabled={!selected.length}>Là khiếu nại, tố cáo</Button>
          </Popconfirm>
          <Typography.Text type="secondary">
            {total > rows.length ? `Đang hiện ${rows.length}/${total} ý kiến chưa phân loại.` : `${total} ý kiến chưa phân loại.`}
          </Typography.Text>
        </Space>
      </div>
      <ResponsiveTable<Opinion>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        locale={{ emptyText: 'Không còn ý kiến nào cần phân loại.' }}
        columns={[
          {
            title: 'Nội dung ý kiến',
            dataIndex: 'text',
            render: (t: string, o) => (
              <div>
                <span title={t}>{clip(t, 220)}</span> <EncodingTag encoding={o.sourceEncoding} original={o.originalText} />
                {o.unitName && <div style={{ color: '#6b7280', fontSize: 12 }}>{o.unitName}</div>}
              </div>
            ),
          },
          {
            title: 'Lĩnh vực',
            key: 'field',
            width: 210,
            render: (_: unknown, o) => {
              const s = sugg[o.id];
              return (
                <div>
                  <Select
                    allowClear
                    size="small"
                    style={{ width: '100%' }}
                    placeholder="Chọn lĩnh vực"
                    value={choice[o.id]?.fieldId}
                    onChange={(v) => setOne(o.id, { fieldId: v })}
                    options={fieldOptions}
                    aria-label="Lĩnh vực"
                  />
                  {s?.field && (
                    <Tooltip title={s.alternatives.length ? `Khả năng khác: ${s.alternatives.map((a) => `${a.name} (${pct(a.score)})`).join(', ')}` : undefined}>
                      <Tag color={confColor(s.field.confidence)} style={{ marginTop: 4 }}>
                        Gợi ý: {s.field.name} · {pct(s.field.confidence)}
                      </Tag>
                    </Tooltip>
                  )}
                </div>
              );
            },
          },
          {
            title: 'Cấp thẩm quyền',
            key: 'level',
            width: 190,
            render: (_: unknown, o) => {
              const s = sugg[o.id];
              return (
                <div>
                  <Select
                    size="small"
                    style={{ width: '100%' }}
                    value={choice[o.id]?.competentLevel}
                    onChange={(v) => setOne(o.id, { competentLevel: v, mismatch: undefined })}
                    options={levelOptions}
                    aria-label="Cấp thẩm quyền"
                  />
                  {s && (
                    <>
                      <Tag color={confColor(s.competentLevel.confidence)} style={{ marginTop: 4 }}>
                        Độ tin cậy {pct(s.competentLevel.confidence)}
                      </Tag>
                      <div data-testid="level-reason" style={{ fontSize: 12, color: '#6b7280', marginTop: 2 }}>{s.competentLevel.reason}</div>
                    </>
                  )}
                </div>
              );
            },
          },
          {
            title: 'Cơ quan giải quyết',
            key: 'agency',
            width: 260,
            render: (_: unknown, o) => {
              const s = sugg[o.id];
              return (
                <div>
                  <AgencySelect
                    size="small"
                    style={{ width: '100%' }}
                    value={choice[o.id]?.agencyId}
                    initialLabel={choice[o.id]?.agencyName}
                    onChange={(v, opt) => setOne(o.id, { agencyId: v, agencyName: (opt as { label?: string } | undefined)?.label, mismatch: undefined })}
                    aria-label="Cơ quan giải quyết"
                  />
                  {s?.agency && (
                    <Tag style={{ marginTop: 4 }} color={s.agency.source === 'routing_rule' ? 'blue' : 'default'}>
                      {s.agency.source === 'routing_rule' ? 'Theo quy tắc chuyển' : 'Mặc định theo cấp'}
                    </Tag>
                  )}
                  {choice[o.id]?.mismatch && (
                    <Alert
                      type="warning"
                      style={{ marginTop: 6, padding: '6px 8px' }}
                      data-testid="level-mismatch"
                      title={<span style={{ fontSize: 13 }}>{choice[o.id]!.mismatch}</span>}
                      description={
                        <Input.TextArea
                          size="small"
                          autoFocus
                          autoSize={{ minRows: 2, maxRows: 4 }}
                          style={{ marginTop: 4 }}
                          placeholder="Lý do cơ quan khác cấp thẩm quyền (được ghi lại)"
                          aria-label="Lý do cơ quan khác cấp thẩm quyền"
                          value={choice[o.id]?.levelReason}
                          onChange={(e) => setOne(o.id, { levelReason: e.target.value })}
                        />
                      }
                    />
                  )}
                </div>
              );
            },
          },
          {
            title: '',
            key: 'ok',
            width: 90,
            render: (_: unknown, o) => (
              <Button size="small" onClick={() => confirm([o.id])} disabled={busy}>Xác nhận</Button>
            ),
          },
        ]}
      />
    </div>
  );
}
