// Aggregation (tổng hợp): the server proposes groups of opinions raising the same issue (with a
// similarity score) and the nearest existing petition; the clerk merges a group into one petition
// choosing or editing its text, adds opinions to an existing petition, or merges a hand-picked
// selection. What the machine missed the clerk fixes here too: add the selected opinions to a
// petition, merge one petition into another, take an opinion back out — each followed by an
// "Hoàn tác" (undo) button that runs the inverse action. A forwarded petition keeps its sources.
// Conflicts (another clerk changed it first) show the server's message and refresh.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Empty, Input, Modal, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/hooks.ts';
import { message, notification, showError } from '../../lib/feedback.tsx';
import { StatusTag, type Opinion, type PetitionRow } from './shared.tsx';
import { clip } from '../../lib/format.ts';

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

interface Ref {
  id: string;
  version: number;
}

/** Petitions whose sources the clerk may still change (petitionRows.ts assertSourcesEditable). */
const editable = (p: PetitionRow) => p.status === 'draft' || p.status === 'returned';

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
  const [merging, setMerging] = useState<PetitionRow | null>(null);
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

  /** A done correction: the message, and a button that runs its inverse (itself refreshed). */
  const undoable = (text: string, undo: () => Promise<void>) => {
    const key = `undo-${Date.now()}`;
    // only the latest correction is offered for undo from its notice
    notification.destroy();
    notification.success({
      key,
      title: text,
      duration: 10,
      actions: (
        <Button
          size="small"
          data-testid="undo"
          onClick={() => {
            notification.destroy(key);
            void guarded(async () => {
              await undo();
              message.success('Đã hoàn tác.');
            }, refresh);
          }}
        >
          Hoàn tác
        </Button>
      ),
    });
  };

  const addSelected = (p: PetitionRow) =>
    guarded(async () => {
      const r = await api.post<{ version: number; opinions: Ref[] }>(`/councils/${councilId}/petitions/${p.id}/opinions`, {
        version: p.version,
        opinions: chosen.map((o) => ({ id: o.id, version: o.version })),
      });
      undoable(`Đã bổ sung ${chosen.length} ý kiến vào kiến nghị số ${p.number}.`, async () => {
        await api.post(`/councils/${councilId}/petitions/${p.id}/unmerge`, { opinions: r.opinions, petitionVersion: r.version });
      });
    }, refresh);

  const mergeInto = (from: PetitionRow, into: PetitionRow) =>
    guarded(async () => {
      const r = await api.post<{ petition: { version: number } }>(`/councils/${councilId}/petitions/${into.id}/merge`, {
        version: into.version,
        from: { id: from.id, version: from.version },
      });
      undoable(`Đã gộp kiến nghị số ${from.number} vào kiến nghị số ${into.number}.`, async () => {
        await api.post(`/councils/${councilId}/petitions/${into.id}/restore-merged`, { version: r.petition.version, petitionId: from.id });
      });
    }, refresh);

  const takeOut = (p: PetitionRow, o: Ref) =>
    guarded(async () => {
      const r = await api.post<{ petitionVersion: number; opinions: Ref[] }>(`/councils/${councilId}/petitions/${p.id}/unmerge`, {
        opinionId: o.id,
        version: o.version,
      });
      undoable(`Đã tách ý kiến ra khỏi kiến nghị số ${p.number}.`, async () => {
        await api.post(`/councils/${councilId}/petitions/${p.id}/opinions`, { version: r.petitionVersion, opinions: r.opinions });
      });
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        Máy bỏ sót? Chọn ý kiến ở bảng trên rồi bấm "Bổ sung" ở kiến nghị cần thêm; "Gộp vào…" để gộp hai kiến nghị; mở dòng kiến nghị để tách một
        ý kiến ra. Mỗi thao tác đều có nút Hoàn tác. Kiến nghị đã chuyển đến cơ quan có thẩm quyền thì giữ nguyên các ý kiến đã chuyển.
      </Typography.Paragraph>
      <ResponsiveTable<PetitionRow>
        rowKey="id"
        size="small"
        loading={petitions.loading}
        dataSource={petitions.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có kiến nghị nào.' }}
        scroll={{ x: 720 }}
        expandable={{
          expandedRowRender: (p) => <PetitionOpinions key={`${p.id}:${p.version}`} councilId={councilId} petition={p} onTakeOut={takeOut} />,
          rowExpandable: (p) => p.opinionCount > 0,
        }}
        columns={[
          { title: 'Số', dataIndex: 'number', width: 60 },
          {
            title: 'Nội dung kiến nghị',
            dataIndex: 'text',
            render: (t: string, p) => <Link to={`/councils/${councilId}/petitions/${p.id}`}>{clip(t, 200)}</Link>,
          },
          { title: 'Số ý kiến', dataIndex: 'opinionCount', width: 90, align: 'right' },
          { title: 'Trạng thái', dataIndex: 'status', width: 180, render: (s: string, p) => <StatusTag status={s} label={p.statusLabel} /> },
          {
            title: 'Sửa nguồn',
            key: 'fix',
            width: 230,
            render: (_: unknown, p) =>
              editable(p) ? (
                <Space wrap size={4}>
                  <Button size="small" disabled={!chosen.length} onClick={() => addSelected(p)} data-testid={`add-to-${p.number}`}>
                    Bổ sung {chosen.length ? `(${chosen.length})` : ''}
                  </Button>
                  <Button size="small" onClick={() => setMerging(p)} data-testid={`merge-${p.number}`}>Gộp vào…</Button>
                </Space>
              ) : (
                <Tooltip title="Kiến nghị đã chuyển đến cơ quan có thẩm quyền: cơ quan đang giải quyết đúng các ý kiến đã nhận, nên không bổ sung, tách hay gộp. Khi chuyển sang đợt sau có thể sửa lại.">
                  <Tag>Đã chuyển, giữ nguyên</Tag>
                </Tooltip>
              ),
          },
        ]}
      />
      <MergePetitionModal
        from={merging}
        candidates={(petitions.data?.items ?? []).filter((p) => editable(p) && p.id !== merging?.id)}
        onClose={() => setMerging(null)}
        onMerge={(into) => {
          const from = merging!;
          setMerging(null);
          return mergeInto(from, into);
        }}
      />

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

/** The opinions of one petition, each with "Tách ra" while the petition is editable. */
function PetitionOpinions(props: { councilId: string; petition: PetitionRow; onTakeOut(p: PetitionRow, o: Ref): Promise<void> }) {
  const p = props.petition;
  const list = useApi<{ items: Opinion[] }>(`/councils/${props.councilId}/opinions`, { petitionId: p.id, pageSize: 200 });
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid={`opinions-of-${p.number}`}>
      {list.loading && !list.data ? <Typography.Text type="secondary">Đang tải…</Typography.Text> : null}
      {items.map((o) => (
        <div key={o.id} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <span style={{ flex: 1 }}>{o.text}{o.unitName ? <Typography.Text type="secondary"> — {o.unitName}</Typography.Text> : null}</span>
          {editable(p) && items.length > 1 && (
            <Button size="small" onClick={() => props.onTakeOut(p, { id: o.id, version: o.version })}>Tách ra</Button>
          )}
        </div>
      ))}
    </Space>
  );
}

/** Merge `from` into another petition of the round: its opinions move there, `from` is removed (undoable). */
function MergePetitionModal(props: { from: PetitionRow | null; candidates: PetitionRow[]; onClose(): void; onMerge(into: PetitionRow): Promise<void> }) {
  const [into, setInto] = useState<string>();
  useEffect(() => setInto(undefined), [props.from]);
  const target = props.candidates.find((c) => c.id === into);
  return (
    <Modal
      title={props.from ? `Gộp kiến nghị số ${props.from.number} vào kiến nghị khác` : ''}
      open={!!props.from}
      onCancel={props.onClose}
      onOk={() => target && props.onMerge(target)}
      okText="Gộp"
      cancelText="Hủy"
      okButtonProps={{ disabled: !target, 'data-testid': 'merge-petition-ok' } as never}
      destroyOnHidden
    >
      {props.from && (
        <>
          <Typography.Paragraph>{clip(props.from.text, 240)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            Các ý kiến của kiến nghị này chuyển sang kiến nghị được chọn (giữ nội dung, số và phân loại của kiến nghị đó); kiến nghị số {props.from.number} được bỏ.
            Có thể hoàn tác ngay sau khi gộp.
          </Typography.Paragraph>
          <Select
            style={{ width: '100%' }}
            aria-label="Gộp vào kiến nghị"
            placeholder="Chọn kiến nghị giữ lại"
            value={into}
            onChange={setInto}
            options={props.candidates.map((c) => ({ value: c.id, label: `Số ${c.number}: ${clip(c.text, 90)}` }))}
          />
        </>
      )}
    </Modal>
  );
}
