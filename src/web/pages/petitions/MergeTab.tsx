// Aggregation (tổng hợp): the server proposes groups of opinions raising the same issue (with a
// similarity score) and the nearest existing petition; the clerk merges a group into one petition
// choosing or editing its text, adds opinions to an existing petition, or merges a hand-picked
// selection. Conflicts (another clerk merged first) show the server's message and refresh.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Empty, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/hooks.ts';
import { message, notification, showError } from '../../lib/feedback.tsx';
import { StatusTag, clip, type Opinion, type PetitionRow } from './shared.tsx';

interface PropOpinion {
  id: string;
  text: string;
  version: number;
  unitName: string | null;
  meetingId: string | null;
}
interface ExistingPetition {
  id: string;
  number: number;
  text: string;
  version: number;
  score: number;
}
interface Proposals {
  groups: { score: number; opinions: PropOpinion[]; existingPetition: ExistingPetition | null }[];
  singles: { opinion: PropOpinion; existingPetition: ExistingPetition }[];
  unmerged: number;
}

/** Runs a merge-like call; a 409 shows the server's message and refreshes everything. */
async function guarded(fn: () => Promise<void>, refresh: () => void) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      notification.warning({ title: 'Dữ liệu vừa thay đổi', description: err.message, duration: 8 });
    } else showError(err);
  } finally {
    refresh();
  }
}

export function MergeTab(props: { councilId: string; roundId: string; onChanged(): void }) {
  const { councilId, roundId } = props;
  const proposals = useApi<Proposals>(`/councils/${councilId}/petition-rounds/${roundId}/merge-proposals`);
  const unmerged = useApi<{ items: Opinion[]; total: number }>(`/councils/${councilId}/opinions`, { roundId, merged: 'false', kind: 'petition', pageSize: 200 });
  const petitions = useApi<{ items: PetitionRow[]; total: number }>(`/councils/${councilId}/petitions`, { roundId, pageSize: 100 });
  const [selected, setSelected] = useState<string[]>([]);
  const [manual, setManual] = useState<PropOpinion[] | null>(null);
  const refresh = () => {
    proposals.reload();
    unmerged.reload();
    petitions.reload();
    setSelected([]);
    props.onChanged();
  };

  const merge = (ops: PropOpinion[], text: string, canonicalId?: string) =>
    guarded(async () => {
      const p = await api.post<{ number: number }>(`/councils/${councilId}/petitions`, {
        roundId,
        opinions: ops.map((o) => ({ id: o.id, version: o.version })),
        text: text.trim() || undefined,
        canonicalOpinionId: text.trim() ? undefined : canonicalId,
      });
      message.success(`Đã tổng hợp ${ops.length} ý kiến thành kiến nghị số ${p.number}.`);
    }, refresh);

  const addTo = (ops: PropOpinion[], p: ExistingPetition) =>
    guarded(async () => {
      await api.post(`/councils/${councilId}/petitions/${p.id}/opinions`, { version: p.version, opinions: ops.map((o) => ({ id: o.id, version: o.version })) });
      message.success(`Đã bổ sung ${ops.length} ý kiến vào kiến nghị số ${p.number}.`);
    }, refresh);

  const eachOwn = (ops: PropOpinion[]) =>
    guarded(async () => {
      for (const o of ops) {
        await api.post(`/councils/${councilId}/petitions`, { roundId, opinions: [{ id: o.id, version: o.version }], canonicalOpinionId: o.id });
      }
      message.success(`Đã tạo ${ops.length} kiến nghị, mỗi ý kiến một kiến nghị.`);
    }, refresh);

  const groups = proposals.data?.groups ?? [];
  const singles = proposals.data?.singles ?? [];
  const ops = unmerged.data?.items ?? [];
  const asProp = (o: Opinion): PropOpinion => ({ id: o.id, text: o.text, version: o.version, unitName: o.unitName, meetingId: o.meetingId });
  const chosen = ops.filter((o) => selected.includes(o.id)).map(asProp);

  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>Đề xuất gộp ý kiến trùng nhau</Typography.Title>
      {proposals.loading && !proposals.data ? null : groups.length === 0 && singles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có nhóm ý kiến trùng nhau nào được đề xuất." />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {groups.map((g) => (
            <GroupCard key={g.opinions.map((o) => o.id).join()} group={g} onMerge={merge} onAdd={addTo} />
          ))}
          {singles.map((s) => (
            <Card size="small" key={s.opinion.id}>
              <div style={{ marginBottom: 8 }}>{s.opinion.text}</div>
              <Space wrap>
                <Typography.Text type="secondary">
                  Gần giống kiến nghị số {s.existingPetition.number} ({Math.round(s.existingPetition.score * 100)}%): {clip(s.existingPetition.text, 120)}
                </Typography.Text>
                <Button size="small" onClick={() => addTo([s.opinion], s.existingPetition)}>Bổ sung vào kiến nghị số {s.existingPetition.number}</Button>
              </Space>
            </Card>
          ))}
        </Space>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>Ý kiến chưa tổng hợp ({unmerged.data?.total ?? 0})</Typography.Title>
      <div className="nt-toolbar">
        <Space wrap>
          <Button type="primary" disabled={!chosen.length} onClick={() => setManual(chosen)}>
            Tổng hợp các ý kiến đã chọn ({chosen.length})
          </Button>
          <Button disabled={!chosen.length} onClick={() => eachOwn(chosen)}>Mỗi ý kiến thành một kiến nghị</Button>
        </Space>
      </div>
      <ResponsiveTable<Opinion>
        rowKey="id"
        size="small"
        loading={unmerged.loading}
        dataSource={ops}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        locale={{ emptyText: 'Mọi ý kiến đã được tổng hợp.' }}
        columns={[
          { title: 'Nội dung', dataIndex: 'text', render: (t: string) => <span title={t}>{clip(t, 240)}</span> },
          { title: 'Địa bàn', dataIndex: 'unitName', width: 140 },
          { title: 'Phân loại', key: 'c', width: 120, render: (_: unknown, o) => (o.classifiedAt ? <Tag color="blue">Đã phân loại</Tag> : <Tag>Chưa</Tag>) },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>Kiến nghị đã tổng hợp trong đợt ({petitions.data?.total ?? 0})</Typography.Title>
      <ResponsiveTable<PetitionRow>
        rowKey="id"
        size="small"
        loading={petitions.loading}
        dataSource={petitions.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có kiến nghị nào.' }}
        columns={[
          { title: 'Số', dataIndex: 'number', width: 60 },
          {
            title: 'Nội dung kiến nghị',
            dataIndex: 'text',
            render: (t: string, p) => <Link to={`/councils/${councilId}/petitions/${p.id}`}>{clip(t, 200)}</Link>,
          },
          { title: 'Số ý kiến', dataIndex: 'opinionCount', width: 90, align: 'right' },
          { title: 'Trạng thái', dataIndex: 'status', width: 200, render: (s: string, p) => <StatusTag status={s} label={p.statusLabel} /> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Để tách một ý kiến ra khỏi kiến nghị hoặc tách kiến nghị thành nhiều kiến nghị, mở trang chi tiết của kiến nghị.
      </Typography.Paragraph>

      <ManualMergeModal ops={manual} onClose={() => setManual(null)} onMerge={(o, text, id) => { setManual(null); return merge(o, text, id); }} />
    </div>
  );
}

function CanonicalPicker(props: { ops: PropOpinion[]; canonical: string; text: string; onCanonical(id: string): void; onText(t: string): void }) {
  return (
    <>
      <Radio.Group value={props.canonical} onChange={(e) => props.onCanonical(e.target.value)} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {props.ops.map((o) => (
            <Radio key={o.id} value={o.id}>
              <span>{o.text}</span>
              {o.unitName && <Typography.Text type="secondary"> — {o.unitName}</Typography.Text>}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <div style={{ marginTop: 10, marginBottom: 4, fontWeight: 500 }}>Nội dung kiến nghị (chọn một ý kiến ở trên làm nội dung, hoặc sửa lại):</div>
      <Input.TextArea value={props.text} onChange={(e) => props.onText(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} aria-label="Nội dung kiến nghị" />
    </>
  );
}

function GroupCard(props: {
  group: Proposals['groups'][number];
  onMerge(ops: PropOpinion[], text: string, canonicalId?: string): Promise<void>;
  onAdd(ops: PropOpinion[], p: ExistingPetition): Promise<void>;
}) {
  const g = props.group;
  const [included, setIncluded] = useState<string[]>(g.opinions.map((o) => o.id));
  const [canonical, setCanonical] = useState(g.opinions[0]!.id);
  const [text, setText] = useState(g.opinions[0]!.text);
  const [busy, setBusy] = useState(false);
  const ops = g.opinions.filter((o) => included.includes(o.id));
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    await fn();
    setBusy(false);
  };
  return (
    <Card
      size="small"
      data-testid="merge-group"
      title={
        <Space wrap>
          <span>Nhóm {g.opinions.length} ý kiến</span>
          <Tag color={g.score >= 0.7 ? 'green' : 'gold'}>Độ giống nhau {Math.round(g.score * 100)}%</Tag>
        </Space>
      }
    >
      <div style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">Bỏ chọn ý kiến không thuộc nhóm:</Typography.Text>{' '}
        <Checkbox.Group
          value={included}
          onChange={(v) => setIncluded(v as string[])}
          options={g.opinions.map((o, i) => ({ value: o.id, label: `Ý kiến ${i + 1}` }))}
        />
      </div>
      <CanonicalPicker
        ops={g.opinions}
        canonical={canonical}
        text={text}
        onCanonical={(id) => {
          setCanonical(id);
          setText(g.opinions.find((o) => o.id === id)!.text);
        }}
        onText={setText}
      />
      <Space wrap style={{ marginTop: 10 }}>
        <Button type="primary" loading={busy} disabled={!ops.length || !text.trim()} onClick={() => run(() => props.onMerge(ops, text, canonical))} data-testid="merge-group-submit">
          Tổng hợp {ops.length} ý kiến thành một kiến nghị
        </Button>
        {g.existingPetition && (
          <Button disabled={!ops.length} loading={busy} onClick={() => run(() => props.onAdd(ops, g.existingPetition!))}>
            Bổ sung vào kiến nghị số {g.existingPetition.number} ({Math.round(g.existingPetition.score * 100)}%)
          </Button>
        )}
      </Space>
    </Card>
  );
}

function ManualMergeModal(props: { ops: PropOpinion[] | null; onClose(): void; onMerge(ops: PropOpinion[], text: string, canonicalId?: string): Promise<void> }) {
  const [canonical, setCanonical] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    if (props.ops?.length) {
      setCanonical(props.ops[0]!.id);
      setText(props.ops[0]!.text);
    }
  }, [props.ops]);
  return (
    <Modal
      title={`Tổng hợp ${props.ops?.length ?? 0} ý kiến thành một kiến nghị`}
      open={!!props.ops}
      onCancel={props.onClose}
      onOk={() => props.ops && props.onMerge(props.ops, text, canonical)}
      okText="Tổng hợp"
      cancelText="Hủy"
      okButtonProps={{ disabled: !text.trim() }}
      width={720}
      destroyOnHidden
    >
      {props.ops && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Kiến nghị giữ nguồn của từng ý kiến (cuộc tiếp xúc, địa bàn, số cử tri)." />
          <CanonicalPicker
            ops={props.ops}
            canonical={canonical}
            text={text}
            onCanonical={(id) => {
              setCanonical(id);
              setText(props.ops!.find((o) => o.id === id)!.text);
            }}
            onText={setText}
          />
        </>
      )}
    </Modal>
  );
}
