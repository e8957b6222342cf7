// Mẫu văn bản: each template's wording slots (lead sentence, closing, signature lines, signer,
// recipients…) as this council words them, each back to the default on its own or all at once.
// The ND30 layout (header, national motto, number, place and date, signature and recipients
// blocks) is fixed by the renderer and not editable here.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Form, Input, List, Popconfirm, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { FormOutlined, LockOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useApi } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import type { TemplateDetail, TemplateSummary, WordingSlotView } from './shared.tsx';

const PLACEHOLDERS: [string, string][] = [
  ['{council}', 'tên ngắn của HĐND (HĐND phường)'],
  ['{councilName}', 'tên đầy đủ của HĐND'],
  ['{level}', 'cấp (phường, xã, thị xã…)'],
  ['{unit}', 'tên đơn vị hành chính'],
  ['{place}', 'địa danh'],
  ['{issuer}', 'tên cơ quan ban hành'],
];

const FIXED_PARTS = [
  'Tên cơ quan chủ quản, cơ quan ban hành (in hoa, có gạch dưới)',
  'Quốc hiệu, tiêu ngữ “Độc lập - Tự do - Hạnh phúc”',
  'Số, ký hiệu văn bản (lấy số tự động khi ban hành)',
  'Địa danh, ngày tháng năm (in nghiêng)',
  'Tên loại văn bản và trích yếu',
  'Vị trí khối chữ ký, “Nơi nhận:”; khổ A4, lề, phông Times New Roman',
];

export function TemplatesPage() {
  const { councilId } = useParams() as { councilId: string };
  const { me, canManageCouncil } = useAuth();
  const manage = canManageCouncil(councilId);
  const [params, setParams] = useSearchParams();
  const base = `/councils/${councilId}/documents`;
  const list = useApi<{ items: TemplateSummary[] }>(`${base}/templates`);
  const selected = params.get('template') ?? list.data?.items[0]?.key ?? null;
  const detail = useApi<TemplateDetail>(selected ? `${base}/templates/${selected}` : null);
  const councilName = me?.councils.find((c) => c.id === councilId)?.name;

  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;

  return (
    <Page
      title="Mẫu văn bản"
      subtitle={councilName}
      crumbs={[{ title: 'Văn bản' }, { title: 'Sổ văn bản đi', to: base }, { title: 'Mẫu văn bản' }]}
      extra={
        manage && selected ? (
          <Link to={`${base}/new?template=${selected}`}>
            <Button type="primary" icon={<FormOutlined />}>Soạn văn bản theo mẫu này</Button>
          </Link>
        ) : undefined
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card size="small" title="Các mẫu" styles={{ body: { padding: 0 } }}>
            <List
              dataSource={list.data.items}
              renderItem={(t) => (
                <List.Item
                  onClick={() => setParams({ template: t.key }, { replace: true })}
                  style={{
                    cursor: 'pointer',
                    padding: '10px 14px',
                    background: t.key === selected ? '#e6f0fb' : undefined,
                    borderLeft: `3px solid ${t.key === selected ? '#0b5cad' : 'transparent'}`,
                  }}
                  aria-current={t.key === selected ? 'true' : undefined}
                >
                  <div>
                    <div style={{ fontWeight: t.key === selected ? 600 : 400 }}>{t.title}</div>
                    <div style={{ marginTop: 2 }}>
                      <Tag>{t.kindName}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t.module === 'petitions' ? 'Kiến nghị cử tri' : 'Văn bản chung'}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={<span><LockOutlined /> Thể thức cố định</span>} style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              Các phần sau do hệ thống trình bày theo thể thức của Nghị định 30/2020/NĐ-CP, không sửa ở đây:
            </Typography.Paragraph>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {FIXED_PARTS.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          {detail.error ? (
            <ErrorView error={detail.error} onRetry={detail.reload} />
          ) : !detail.data || detail.data.key !== selected ? (
            <Card>
              <Loading />
            </Card>
          ) : (
            <WordingEditor key={detail.data.key} councilId={councilId} template={detail.data} manage={manage} onSaved={detail.reload} />
          )}
        </Col>
      </Row>
    </Page>
  );
}

function WordingEditor(props: { councilId: string; template: TemplateDetail; manage: boolean; onSaved(): void }) {
  const { template: t, manage } = props;
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const path = `/councils/${props.councilId}/documents/templates/${t.key}/wording`;
  const initial = Object.fromEntries(t.slots.map((s) => [s.slot, s.value]));
  useEffect(() => {
    form.setFieldsValue(initial);
    setDirty(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);

  const save = async () => {
    const values = form.getFieldsValue();
    const patch: Record<string, string | null> = {};
    for (const s of t.slots) if ((values[s.slot] ?? '') !== s.value) patch[s.slot] = values[s.slot] ?? '';
    if (!Object.keys(patch).length) {
      message.info('Không có thay đổi nào.');
      return;
    }
    setSaving(true);
    try {
      await api.put(path, { wording: patch });
      message.success(`Đã lưu lời văn của mẫu “${t.title}”.`);
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  const resetSlot = async (s: WordingSlotView) => {
    try {
      await api.put(path, { wording: { [s.slot]: null } });
      message.success(`Đã đưa “${s.label}” về lời văn mặc định.`);
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  };

  const resetAll = async () => {
    try {
      await api.delete(path);
      message.success(`Đã khôi phục toàn bộ lời văn mặc định của mẫu “${t.title}”.`);
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  };

  const overridden = t.slots.filter((s) => s.overridden).length;
  // Placeholders a template fills from the document itself ({chairPerson}, {roundName}, {count}…).
  const own = [...new Set(t.slots.flatMap((s) => [...s.default.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => `{${m[1]}}`)))]
    .filter((k) => !PLACEHOLDERS.some(([p]) => p === k));
  const placeholders: [string, string][] = [
    ...PLACEHOLDERS,
    ...own.map((k): [string, string] => [k, k === '{chairPerson}' ? 'người kết luận (nhập khi soạn)' : 'số liệu của văn bản']),
  ];
  return (
    <Card
      size="small"
      title={
        <span>
          {t.title} <Tag style={{ marginLeft: 4 }}>{t.kindName}</Tag>
        </span>
      }
      extra={
        manage && (
          <Popconfirm
            title="Khôi phục toàn bộ lời văn mặc định?"
            description="Mọi mục đã sửa của mẫu này trở về lời văn mặc định."
            okText="Khôi phục"
            cancelText="Không"
            onConfirm={resetAll}
            disabled={overridden === 0}
          >
            <Button icon={<RollbackOutlined />} disabled={overridden === 0}>
              Khôi phục tất cả
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t.description}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${t.slots.length} mục lời văn sửa được${overridden ? `, ${overridden} mục đang khác mặc định` : ', tất cả đang theo mặc định'}`}
        description={
          <div>
            Lời văn áp dụng cho văn bản ban hành từ nay của HĐND này; văn bản đã ban hành không đổi. Có thể dùng:{' '}
            {placeholders.map(([k, v], i) => (
              <span key={k}>
                <Typography.Text code>{k}</Typography.Text> {v}
                {i < placeholders.length - 1 ? '; ' : '.'}
              </span>
            ))}
          </div>
        }
      />
      {!manage && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Bạn chỉ xem được lời văn; chuyên viên Văn phòng mới sửa được." />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={!manage} onValuesChange={() => setDirty(true)}>
        {t.slots.map((s) => (
          <Form.Item
            key={s.slot}
            name={s.slot}
            label={
              <Space size={6} wrap>
                <span>{s.label}</span>
                {s.overridden ? <Tag color="blue">Đã sửa</Tag> : <Tag>Mặc định</Tag>}
              </Space>
            }
            extra={
              s.overridden ? (
                <Space size={4} wrap style={{ marginTop: 2 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: s.default }}>
                    Mặc định: {s.default.split('\n').join(' / ') || '(trống)'}
                  </Typography.Text>
                  {manage && (
                    <Tooltip title="Bỏ lời văn đã sửa của mục này">
                      <Button size="small" type="link" icon={<RollbackOutlined />} onClick={() => resetSlot(s)} aria-label={`Về mặc định: ${s.label}`}>
                        Về mặc định
                      </Button>
                    </Tooltip>
                  )}
                </Space>
              ) : undefined
            }
            rules={[{ max: 5000, message: 'Lời văn dài quá 5.000 ký tự.' }]}
          >
            {s.multiline || s.value.length > 90 || s.default.length > 90 ? (
              <Input.TextArea autoSize={{ minRows: s.multiline ? 3 : 2, maxRows: 14 }} aria-label={s.label} />
            ) : (
              <Input aria-label={s.label} placeholder={s.slot === 'signerName' ? 'Ví dụ: Trần Duy Khánh (để trống thì nhập khi soạn văn bản)' : undefined} />
            )}
          </Form.Item>
        ))}
        {t.slots.length === 0 && <Empty description="Mẫu này không có lời văn sửa được." />}
        {manage && (
          <Space>
            <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!dirty}>
              Lưu lời văn
            </Button>
            <Button
              disabled={!dirty}
              onClick={() => {
                form.setFieldsValue(initial);
                setDirty(false);
              }}
            >
              Bỏ thay đổi
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
