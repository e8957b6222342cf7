// One round (đợt tiếp xúc cử tri) with its work as tabs: contact meetings, intake of opinions,
// classification, aggregation, dispatch, and the figures of the founding notice.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Statistic, Table,
  Tabs, Tag, Typography,
} from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type Page as ApiPage } from '../../lib/api.ts';
import { useApi, usePagedTable, type PagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { dayOrNull, fmtDate, isoDay } from '../../lib/format.ts';
import { UnitSelect } from '../../components/pickers.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { RoundFormModal } from './RoundsPage.tsx';
import { IntakeTab } from './IntakeTab.tsx';
import { ClassifyTab } from './ClassifyTab.tsx';
import { MergeTab } from './MergeTab.tsx';
import { DispatchTab } from './DispatchTab.tsx';
import { PrivacyWarning } from './PrivacyWarning.tsx';
import { MEETING_MODE_LABELS, ROUND_KIND_LABELS, two, useBodies, usePetitionPerms, useRounds, type Meeting, type Round, type RoundSummary } from './shared.tsx';

export function RoundPage() {
  const { councilId, roundId } = useParams() as { councilId: string; roundId: string };
  const perms = usePetitionPerms(councilId);
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'meetings';
  const summary = useApi<RoundSummary>(`/councils/${councilId}/petition-rounds/${roundId}`);
  const meetingsPath = `/councils/${councilId}/petition-rounds/${roundId}/meetings`;
  // The meetings tab pages its table; the intake's meeting picker offers the round's meetings (one page of the most a page holds).
  const meetingTable = usePagedTable<Meeting>(meetingsPath);
  const meetings = useApi<ApiPage<Meeting>>(meetingsPath, { pageSize: 200 });
  const [editOpen, setEditOpen] = useState(false);
  const [intakeMeeting, setIntakeMeeting] = useState<string | undefined>();
  const [closeOpen, setCloseOpen] = useState(false);

  if (summary.error) return <ErrorView error={summary.error} onRetry={summary.reload} />;
  const r = summary.data;
  if (!r) return <Loading />;
  const open = r.status === 'open';
  const refresh = () => {
    summary.reload();
    meetingTable.reload();
    meetings.reload();
  };
  const goTab = (key: string) => setSp((p) => {
    const n = new URLSearchParams(p);
    n.set('tab', key);
    return n;
  }, { replace: true });

  const togglePublish = async () => {
    try {
      const res = await api.patch<{ privacyHeld: unknown[] }>(`/councils/${councilId}/petition-rounds/${roundId}`, { published: !r.published });
      const held = res.privacyHeld?.length ?? 0;
      if (r.published) message.success('Đã thôi công khai kết quả của đợt.');
      else if (held) message.warning(`Đã công bố kết quả của đợt; ${held} kiến nghị có thể chứa thông tin cá nhân được giữ lại, chưa công khai.`);
      else message.success('Đã công bố kết quả của đợt trên trang công khai.');
      summary.reload();
    } catch (err) {
      showError(err);
    }
  };

  const items = [
    {
      key: 'meetings',
      label: `Cuộc tiếp xúc (${r.intake.meetings})`,
      children: (
        <MeetingsTab
          councilId={councilId}
          roundId={roundId}
          open={open}
          canEdit={perms.intake}
          table={meetingTable}
          onChanged={refresh}
          onIntake={(id) => {
            setIntakeMeeting(id);
            goTab('intake');
          }}
        />
      ),
    },
    {
      key: 'intake',
      // The tab lists every opinion received, complaints included (they are counted apart elsewhere).
      label: `Ý kiến cử tri (${r.intake.opinions + r.intake.complaints})`,
      children: (
        <IntakeTab
          councilId={councilId}
          round={r}
          meetings={meetings.data?.items ?? []}
          canEdit={perms.intake && open}
          initialMeetingId={meetings.data?.items.some((m) => m.id === intakeMeeting) ? intakeMeeting : undefined}
          onChanged={refresh}
        />
      ),
    },
    ...(perms.manage
      ? [
          {
            key: 'classify',
            label: `Phân loại (${r.intake.unclassified})`,
            children: <ClassifyTab councilId={councilId} roundId={roundId} onChanged={summary.reload} />,
          },
          {
            key: 'merge',
            label: `Tổng hợp (${r.intake.unmerged})`,
            children: <MergeTab councilId={councilId} roundId={roundId} onChanged={summary.reload} />,
          },
          {
            key: 'dispatch',
            label: 'Chuyển xử lý',
            children: <DispatchTab councilId={councilId} round={r} onChanged={summary.reload} />,
          },
        ]
      : []),
    { key: 'figures', label: 'Số liệu', children: <FiguresTab round={r} councilId={councilId} /> },
  ];

  return (
    <Page
      title={r.name}
      subtitle={
        <Space wrap size={4}>
          <span>{ROUND_KIND_LABELS[r.kind]}</span>
          {r.sessionName && <span>· {r.sessionName}</span>}
          <span>· {fmtDate(r.startDate)}{r.endDate ? ` – ${fmtDate(r.endDate)}` : ''}</span>
          {open ? <Tag color="blue">Đang tiến hành</Tag> : <Tag>Đã kết thúc</Tag>}
          {r.published && <Tag color="green">Đã công khai</Tag>}
        </Space>
      }
      crumbs={[
        { title: 'Kiến nghị cử tri' },
        { title: 'Đợt tiếp xúc cử tri', to: `/councils/${councilId}/petition-rounds` },
        { title: r.name },
      ]}
      extra={
        <>
          <Link to={`/councils/${councilId}/petitions?roundId=${roundId}`}>
            <Button>Kiến nghị của đợt</Button>
          </Link>
          {perms.manage && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>Sửa đợt</Button>
              <Popconfirm
                title={r.published ? 'Thôi công khai kết quả của đợt?' : 'Công bố kết quả của đợt trên trang công khai?'}
                description={<div style={{ maxWidth: 280 }}>Trang công khai chỉ có nội dung kiến nghị, địa bàn và trả lời; không có họ tên, nơi ở của cử tri.</div>}
                okText={r.published ? 'Thôi công khai' : 'Công bố'}
                cancelText="Không"
                onConfirm={togglePublish}
              >
                <Button data-testid="round-publish">{r.published ? 'Thôi công khai' : 'Công bố công khai'}</Button>
              </Popconfirm>
              {open && (
                <Button danger onClick={() => setCloseOpen(true)}>Kết thúc đợt</Button>
              )}
            </>
          )}
        </>
      }
    >
      {perms.manage && <PrivacyWarning councilId={councilId} roundId={roundId} published={r.published} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={goTab} items={items} destroyOnHidden />
      </Card>
      <RoundFormModal
        councilId={councilId}
        open={editOpen}
        round={r}
        onClose={() => setEditOpen(false)}
        onSaved={() => {
          setEditOpen(false);
          summary.reload();
        }}
      />
      <CloseRoundModal
        councilId={councilId}
        round={r}
        open={closeOpen}
        onClose={() => setCloseOpen(false)}
        onDone={() => {
          setCloseOpen(false);
          summary.reload();
        }}
      />
    </Page>
  );
}

/** Close the round; outstanding petitions may carry over to another open round. */
function CloseRoundModal(props: { councilId: string; round: RoundSummary; open: boolean; onClose(): void; onDone(): void }) {
  const rounds = useRounds(props.open ? props.councilId : undefined);
  const [target, setTarget] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const candidates = rounds.filter((x) => x.id !== props.round.id && x.status === 'open');
  const outstanding = props.round.statuses.filter((s) => s.status !== 'closed').reduce((n, s) => n + s.count, 0);
  const submit = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ carriedOver: number }>(`/councils/${props.councilId}/petition-rounds/${props.round.id}/close`, { carryOverTo: target ?? null });
      message.success(target ? `Đã kết thúc đợt; chuyển ${two(res.carriedOver)} kiến nghị sang đợt sau.` : 'Đã kết thúc đợt.');
      props.onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="Kết thúc đợt tiếp xúc cử tri"
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      okText="Kết thúc đợt"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Điều gì được chuyển sang đợt sau?"
        description={
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            <li>Kiến nghị đã giải quyết xong (đánh giá "Đạt") không chuyển.</li>
            <li>Kiến nghị chưa giải quyết xong, hoặc trả lời bị đánh giá "Chưa đạt", trở lại trạng thái "chưa chuyển" ở đợt sau để chuyển lại.</li>
            <li>Kiến nghị đang chờ cơ quan trả lời vẫn chờ tiếp; hạn trả lời vẫn tính như cũ.</li>
            <li>Trả lời chưa đánh giá sẽ được đánh giá ở đợt sau. Số kỳ họp tồn đọng của kiến nghị tăng thêm một.</li>
          </ul>
        }
      />
      <p>Đợt này còn <b>{two(outstanding)}</b> kiến nghị chưa giải quyết xong.</p>
      <div style={{ marginBottom: 4 }}>Chuyển kiến nghị tồn đọng sang đợt:</div>
      <Select
        allowClear
        style={{ width: '100%' }}
        placeholder={candidates.length ? 'Chọn đợt nhận (để trống nếu chưa chuyển)' : 'Chưa có đợt nào khác đang mở — có thể chuyển sau'}
        value={target}
        onChange={setTarget}
        options={candidates.map((x) => ({ value: x.id, label: x.name }))}
      />
    </Modal>
  );
}

// Meetings ---------------------------------------------------------------------------------------

function MeetingsTab(props: {
  councilId: string;
  roundId: string;
  open: boolean;
  canEdit: boolean;
  table: PagedTable<Meeting>;
  onChanged(): void;
  onIntake(meetingId: string): void;
}) {
  const [editing, setEditing] = useState<Meeting | null | undefined>(undefined);
  const editable = props.canEdit && props.open;
  /** A meeting created by mistake: only one without opinions can be deleted. */
  const remove = async (m: Meeting) => {
    try {
      await api.delete(`/councils/${props.councilId}/petition-rounds/${props.roundId}/meetings/${m.id}`);
      message.success('Đã xóa cuộc tiếp xúc cử tri.');
    } catch (err) {
      showError(err);
    }
    props.onChanged();
  };
  return (
    <>
      {editable && (
        <div className="nt-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>Thêm cuộc tiếp xúc</Button>
        </div>
      )}
      <ResponsiveTable<Meeting>
        rowKey="id"
        size="middle"
        {...props.table.tableProps}
        scroll={{ x: 900 }}
        locale={{ emptyText: editable ? 'Chưa có cuộc tiếp xúc nào. Hãy bấm "Thêm cuộc tiếp xúc".' : 'Chưa có cuộc tiếp xúc nào.' }}
        columns={[
          { title: 'Ngày', dataIndex: 'heldOn', width: 110, render: fmtDate },
          {
            title: 'Địa điểm',
            key: 'place',
            render: (_: unknown, m) => (
              <div>
                {m.place || '—'}
                <div style={{ color: '#6b7280', fontSize: 13 }}>
                  {[m.unitName && `Địa bàn: ${m.unitName}`, MEETING_MODE_LABELS[m.mode] ?? m.mode].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
          {
            title: 'Tổ đại biểu, đại biểu dự',
            key: 'delegates',
            width: 260,
            render: (_: unknown, m) => (
              <div>
                {m.bodyName && <div>{m.bodyName}</div>}
                <div style={{ color: '#4b5563', fontSize: 13 }}>{m.delegatesPresent.join(', ')}</div>
              </div>
            ),
          },
          { title: 'Cử tri dự', dataIndex: 'votersAttending', width: 90, align: 'right' },
          { title: 'Chủ trì', dataIndex: 'chairedBy', width: 170, responsive: ['xl'] },
          { title: 'Ý kiến', dataIndex: 'opinionCount', width: 80, align: 'right' },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, m) => (
              <Space size={4}>
                {editable && <Button size="small" type="primary" ghost onClick={() => props.onIntake(m.id)}>Nhập ý kiến</Button>}
                {editable && <Button size="small" type="text" icon={<EditOutlined />} aria-label="Sửa cuộc tiếp xúc" onClick={() => setEditing(m)} />}
                {editable && m.opinionCount === 0 && (
                  <Popconfirm
                    title="Xóa cuộc tiếp xúc này?"
                    description={
                      <div style={{ maxWidth: 300 }}>
                        Dùng khi cuộc tiếp xúc được tạo nhầm. Chỉ xóa được cuộc tiếp xúc chưa có ý kiến nào; thông tin đã xóa vẫn được lưu trong
                        nhật ký thao tác.
                      </div>
                    }
                    okText="Xóa"
                    cancelText="Không"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(m)}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="Xóa cuộc tiếp xúc" data-testid="meeting-delete" />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <MeetingModal
        councilId={props.councilId}
        roundId={props.roundId}
        meeting={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          props.onChanged();
        }}
      />
    </>
  );
}

function MeetingModal(props: { councilId: string; roundId: string; meeting: Meeting | null; open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const bodies = useBodies(props.councilId);
  const m = props.meeting;
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(
      m
        ? { ...m, heldOn: dayOrNull(m.heldOn), unitId: m.unitId ?? undefined, bodyId: m.bodyId ?? undefined }
        : { mode: 'in_person', votersAttending: 0, delegatesPresent: [] },
    );
  }, [props.open, m, form]);
  const [save, busy] = useFormSubmit(form, async (v) => {
    const body = {
      heldOn: isoDay(v.heldOn),
      place: v.place?.trim() ?? '',
      mode: v.mode,
      unitId: v.unitId ?? null,
      bodyId: v.bodyId ?? null,
      delegatesPresent: v.delegatesPresent ?? [],
      votersAttending: v.votersAttending ?? 0,
      chairedBy: v.chairedBy?.trim() ?? '',
      notes: v.notes?.trim() ?? '',
    };
    if (m) await api.patch(`/councils/${props.councilId}/petition-rounds/${props.roundId}/meetings/${m.id}`, body);
    else await api.post(`/councils/${props.councilId}/petition-rounds/${props.roundId}/meetings`, body);
    message.success(m ? 'Đã lưu cuộc tiếp xúc.' : 'Đã thêm cuộc tiếp xúc cử tri.');
    props.onSaved();
  });
  return (
    <Modal
      title={m ? 'Sửa cuộc tiếp xúc cử tri' : 'Thêm cuộc tiếp xúc cử tri'}
      open={props.open}
      onCancel={props.onClose}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="heldOn" label="Ngày tiếp xúc" rules={[{ required: true, message: 'Hãy chọn ngày.' }]}>
              <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="mode" label="Hình thức">
              <Select options={Object.entries(MEETING_MODE_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label="Địa điểm">
          <Input placeholder="Ví dụ: Nhà văn hóa tổ dân phố Thạnh Đức" maxLength={300} />
        </Form.Item>
        <Form.Item name="unitId" label="Xã, phường (địa bàn)">
          <UnitSelect />
        </Form.Item>
        <Form.Item name="bodyId" label="Tổ đại biểu">
          <Select allowClear placeholder="Chọn tổ đại biểu" options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="delegatesPresent" label="Đại biểu dự" extra="Gõ họ tên rồi bấm Enter để thêm từng người">
          <Select mode="tags" tokenSeparators={[',', ';']} placeholder="Họ tên các đại biểu có mặt" open={false} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="votersAttending" label="Số cử tri dự">
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="chairedBy" label="Chủ trì">
              <Input placeholder="Họ tên, chức vụ người chủ trì" maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label="Ghi chú">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Figures ------------------------------------------------------------------------------------------

/** Who is asked to settle petitions of a level, as a founding notice words it. */
function levelAddressee(level: string, councilName: string): string {
  const local = councilName.replace(/^Hội đồng nhân dân\s+/i, '');
  if (level === 'central') return 'Quốc hội, Chính phủ, các bộ, ngành Trung ương (qua Đoàn đại biểu Quốc hội tỉnh)';
  if (level === 'province') return 'HĐND, UBND tỉnh và các sở, ngành cấp tỉnh';
  if (level === 'district') return 'HĐND, UBND huyện (thị xã)';
  return `HĐND, UBND ${local}`;
}

function FiguresTab({ round, councilId }: { round: RoundSummary; councilId: string }) {
  const total = round.petitions.total;
  const sentences = round.levels.filter((l) => l.count > 0);
  return (
    <div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><Statistic title="Cuộc tiếp xúc" value={round.intake.meetings} /></Col>
        <Col xs={12} md={4}><Statistic title="Cử tri dự" value={round.intake.votersAttending} /></Col>
        <Col xs={12} md={4}><Statistic title="Ý kiến, kiến nghị" value={round.intake.opinions} /></Col>
        <Col xs={12} md={4}><Statistic title="Khiếu nại, tố cáo" value={round.intake.complaints} /></Col>
        <Col xs={12} md={4}><Statistic title="Chưa tổng hợp" value={round.intake.unmerged} /></Col>
        <Col xs={12} md={4}>
          <Statistic title="Kiến nghị" value={total} />
          {round.petitions.carriedOver > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {two(round.petitions.raised)} mới, {two(round.petitions.carriedOver)} từ đợt trước
            </Typography.Text>
          )}
        </Col>
      </Row>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>Kiến nghị theo cấp thẩm quyền giải quyết</Typography.Title>
          <ResponsiveTable
            size="small"
            rowKey="level"
            pagination={false}
            dataSource={[
              ...round.levels,
              ...(round.unclassifiedPetitions ? [{ level: '_none', label: 'Chưa xác định cấp', count: round.unclassifiedPetitions }] : []),
            ]}
            columns={[
              { title: 'Cấp thẩm quyền', dataIndex: 'label' },
              {
                title: 'Số kiến nghị',
                dataIndex: 'count',
                width: 130,
                align: 'right',
                render: (n: number, l) =>
                  l.level === '_none' ? two(n) : <Link to={`/councils/${councilId}/petitions?roundId=${round.id}&competentLevel=${l.level}`}>{two(n)}</Link>,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>Tổng cộng</b></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right"><b>{two(total)}</b></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>Theo trạng thái</Typography.Title>
          <ResponsiveTable
            size="small"
            rowKey="status"
            pagination={false}
            dataSource={round.statuses}
            locale={{ emptyText: 'Chưa có kiến nghị nào.' }}
            columns={[
              { title: 'Trạng thái', dataIndex: 'label' },
              {
                title: 'Số kiến nghị',
                dataIndex: 'count',
                width: 130,
                align: 'right',
                render: (n: number, s) => <Link to={`/councils/${councilId}/petitions?roundId=${round.id}&status=${s.status}`}>{two(n)}</Link>,
              },
            ]}
          />
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16, background: '#fafafa' }} title="Trích thông báo kết quả tiếp xúc cử tri" data-testid="round-notice">
        {total === 0 ? (
          <span style={{ color: '#6b7280' }}>Chưa có kiến nghị nào được tổng hợp trong đợt này.</span>
        ) : (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            Qua {two(round.intake.meetings)} cuộc tiếp xúc với {round.intake.votersAttending.toLocaleString('vi-VN')} lượt cử tri, Thường trực{' '}
            {round.councilName} đã tổng hợp {two(total)} ý kiến, kiến nghị của cử tri
            {sentences.length > 0 && ', trong đó: '}
            {sentences.map((l, i) => (
              <span key={l.level}>
                đề nghị {levelAddressee(l.level, round.councilName)} giải quyết {two(l.count)} ý kiến
                {i < sentences.length - 1 ? '; ' : ''}
              </span>
            ))}
            .
          </Typography.Paragraph>
        )}
      </Card>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        items={[{ label: 'Ghi chú', children: 'Số liệu tính theo các kiến nghị đã tổng hợp của đợt; số có hai chữ số như trong văn bản (07, 25…).' }]}
      />
    </div>
  );
}

