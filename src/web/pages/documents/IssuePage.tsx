// Soạn văn bản: choose a template, fill the form its params call for (a conclusion notice's
// numbered sections with sub-items; a petition round, dispatch or agency for the petition
// documents), preview the draft .docx (no number taken), then issue: the register gives the next
// number ("Số: 12/TB-HĐND") and the .docx is ready to download.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert, Button, Card, Col, Divider, Form, Input, Result, Row, Select, Space, Tag, Typography,
} from 'antd';
import {
  CheckCircleOutlined, DeleteOutlined, DownloadOutlined, EyeOutlined, PlusOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useApi } from '../../lib/hooks.ts';
import { message, modal, showError } from '../../lib/feedback.tsx';
import { fmtDate } from '../../lib/format.ts';
import { AgencySelect } from '../../components/pickers.tsx';
import { ErrorView, Forbidden, Loading, Page } from '../../components/common.tsx';
import { downloadFile, type DocumentItem, type Issuer, type TemplateSummary } from './shared.tsx';

interface SectionForm {
  title?: string;
  paragraphs?: string[];
  items?: { title?: string; text?: string }[];
  bullets?: string[];
}

interface IssueForm {
  issuerId?: string;
  subject?: string;
  chairPerson?: string;
  intro?: string[];
  sections?: SectionForm[];
  roundId?: string;
  dispatchId?: string;
  agencyId?: string;
  /** A leader of the issuing body from the directory; '' = someone else, typed in signerName. */
  signerId?: string;
  signerName?: string;
  recipientsText?: string;
}

const ROUND_TEMPLATES = new Set(['petition_round_report', 'petition_review_report']);

const clean = (xs: (string | undefined)[] | undefined) => (xs ?? []).map((x) => (x ?? '').trim()).filter(Boolean);

/** The form's values as the template's params (empty lines and blocks left out). */
export function paramsOf(templateKey: string, v: IssueForm): Record<string, unknown> {
  const common: Record<string, unknown> = {};
  if (v.signerId) common.signerId = v.signerId;
  else if (v.signerName?.trim()) common.signerName = v.signerName.trim();
  const recipients = clean((v.recipientsText ?? '').split(/\r?\n/));
  if (recipients.length) common.recipients = recipients;
  if (templateKey === 'conclusion_notice') {
    return {
      subject: (v.subject ?? '').trim(),
      ...(v.chairPerson?.trim() ? { chairPerson: v.chairPerson.trim() } : {}),
      intro: clean(v.intro),
      sections: (v.sections ?? []).map((s) => ({
        title: (s.title ?? '').trim(),
        paragraphs: clean(s.paragraphs),
        items: (s.items ?? [])
          .map((i) => ({ title: (i.title ?? '').trim(), text: (i.text ?? '').trim() }))
          .filter((i) => i.title || i.text),
        bullets: clean(s.bullets),
      })),
      ...common,
    };
  }
  if (ROUND_TEMPLATES.has(templateKey)) return { roundId: v.roundId, ...common };
  if (templateKey === 'petition_dispatch_letter') return { dispatchId: v.dispatchId, ...common };
  if (templateKey === 'petition_reminder_letter') return { agencyId: v.agencyId, ...common };
  return common;
}

const INITIAL: IssueForm = {
  intro: [''],
  sections: [{ title: '', paragraphs: [''], items: [], bullets: [] }],
};

/** A list of text paragraphs with add/remove buttons. */
function TextList(props: { name: (string | number)[]; addLabel: string; placeholder: string; rows?: number; min?: number; label?: string }) {
  return (
    <Form.List name={props.name}>
      {(fields, { add, remove }) => (
        <div>
          {fields.map((f, i) => (
            <div key={f.key} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
              <Form.Item
                name={f.name}
                style={{ flex: 1, marginBottom: 8 }}
                rules={i < (props.min ?? 0) ? [{ required: true, whitespace: true, message: 'Đoạn văn không được để trống.' }] : []}
              >
                <Input.TextArea autoSize={{ minRows: props.rows ?? 2, maxRows: 12 }} placeholder={props.placeholder} aria-label={`${props.label ?? props.placeholder} ${i + 1}`} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Bỏ ${props.label ?? 'đoạn'} ${i + 1}`}
                disabled={fields.length <= (props.min ?? 0)}
                onClick={() => remove(f.name)}
              />
            </div>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            {props.addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function ConclusionFields() {
  return (
    <>
      <Form.Item
        name="subject"
        label="Trích yếu (dòng dưới chữ THÔNG BÁO)"
        rules={[{ required: true, whitespace: true, message: 'Hãy nhập trích yếu.' }, { max: 500, message: 'Trích yếu dài quá 500 ký tự.' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder="Ví dụ: Kết luận của Thường trực HĐND phường tại Hội nghị trực báo ngày 20/11/2026"
        />
      </Form.Item>
      <Form.Item
        name="chairPerson"
        label="Người kết luận"
        extra="Điền vào câu dẫn trước phần kết luận; để trống thì ghi “Thường trực HĐND …”."
      >
        <Input placeholder="Ví dụ: đồng chí Nguyễn Văn An - Chủ tịch HĐND phường" maxLength={300} />
      </Form.Item>
      <Form.Item label="Mở đầu: thời gian, địa điểm, thành phần hội nghị" required style={{ marginBottom: 8 }}>
        <TextList name={['intro']} addLabel="Thêm đoạn mở đầu" placeholder="Ngày …, tại …, Thường trực HĐND … tổ chức Hội nghị …" rows={3} min={1} label="Đoạn mở đầu" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        Các nội dung kết luận (đánh số 1., 2., …; mục con 1.1., 1.2., …)
      </Divider>
      <Form.List name="sections" rules={[{ validator: async (_, v) => { if (!v || v.length < 1) throw new Error('Cần ít nhất một mục kết luận.'); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <div>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12, background: '#fafbfc' }}
                title={<span>Mục {i + 1}.</span>}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={`Bỏ mục ${i + 1}`}>
                    Bỏ mục
                  </Button>
                }
              >
                <Form.Item
                  name={[f.name, 'title']}
                  label={`Tên mục ${i + 1}`}
                  rules={[{ required: true, whitespace: true, message: 'Tên mục không được để trống.' }]}
                >
                  <Input placeholder="Ví dụ: Kết quả đạt được" maxLength={500} />
                </Form.Item>
                <Form.Item label="Đoạn văn của mục" style={{ marginBottom: 8 }}>
                  <TextList name={[f.name, 'paragraphs']} addLabel="Thêm đoạn văn" placeholder="Nội dung đoạn văn" label={`Đoạn văn mục ${i + 1}`} />
                </Form.Item>
                <Form.Item label={`Mục con (${i + 1}.1., ${i + 1}.2., … — tên mục in đậm, nội dung viết liền sau)`} style={{ marginBottom: 8 }}>
                  <Form.List name={[f.name, 'items']}>
                    {(items, ops) => (
                      <div>
                        {items.map((it, j) => (
                          <div key={it.key} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                            <Tag style={{ marginTop: 5 }}>{`${i + 1}.${j + 1}.`}</Tag>
                            <div style={{ flex: 1 }}>
                              <Form.Item
                                name={[it.name, 'title']}
                                style={{ marginBottom: 4 }}
                                rules={[{ required: true, whitespace: true, message: 'Tên mục con không được để trống.' }]}
                              >
                                <Input placeholder="Tên mục con, ví dụ: Trong hoạt động giám sát" aria-label={`Tên mục con ${i + 1}.${j + 1}`} />
                              </Form.Item>
                              <Form.Item name={[it.name, 'text']} style={{ marginBottom: 8 }}>
                                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} placeholder="Nội dung" aria-label={`Nội dung mục con ${i + 1}.${j + 1}`} />
                              </Form.Item>
                            </div>
                            <Button type="text" danger icon={<DeleteOutlined />} onClick={() => ops.remove(it.name)} aria-label={`Bỏ mục con ${i + 1}.${j + 1}`} />
                          </div>
                        ))}
                        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ title: '', text: '' })}>
                          Thêm mục con
                        </Button>
                      </div>
                    )}
                  </Form.List>
                </Form.Item>
                <Form.Item label="Các ý gạch đầu dòng (nếu có)" style={{ marginBottom: 0 }}>
                  <TextList name={[f.name, 'bullets']} addLabel="Thêm ý" placeholder="Một ý, bắt đầu bằng dấu “-” khi in" rows={1} label={`Ý gạch đầu dòng mục ${i + 1}`} />
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<UnorderedListOutlined />} onClick={() => add({ title: '', paragraphs: [''], items: [], bullets: [] })}>
              Thêm mục kết luận
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

interface RoundOption { id: string; name: string; startDate: string; status: string }
interface DispatchOption { id: string; letterNumber: string; letterDate: string; targetName: string; petitionCount: number; dueDate: string }

function PetitionFields({ councilId, templateKey }: { councilId: string; templateKey: string }) {
  const rounds = useApi<{ items: RoundOption[] }>(ROUND_TEMPLATES.has(templateKey) ? `/councils/${councilId}/petition-rounds` : null, { pageSize: 100 });
  const dispatches = useApi<{ items: DispatchOption[] }>(
    templateKey === 'petition_dispatch_letter' ? `/councils/${councilId}/dispatches` : null,
    { pageSize: 100 },
  );
  if (ROUND_TEMPLATES.has(templateKey)) {
    return (
      <Form.Item name="roundId" label="Đợt tiếp xúc cử tri" rules={[{ required: true, message: 'Hãy chọn đợt tiếp xúc cử tri.' }]}>
        <Select
          loading={rounds.loading}
          placeholder="Chọn đợt"
          showSearch={{ optionFilterProp: 'label' }}
          options={(rounds.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.name} (từ ${fmtDate(r.startDate)}${r.status === 'closed' ? ', đã kết thúc' : ''})`,
          }))}
          notFoundContent={rounds.error ? rounds.error.message : 'Chưa có đợt tiếp xúc cử tri nào.'}
        />
      </Form.Item>
    );
  }
  if (templateKey === 'petition_dispatch_letter') {
    return (
      <Form.Item name="dispatchId" label="Lần chuyển kiến nghị" rules={[{ required: true, message: 'Hãy chọn lần chuyển kiến nghị.' }]}>
        <Select
          loading={dispatches.loading}
          placeholder="Chọn cơ quan nhận và lần chuyển"
          showSearch={{ optionFilterProp: 'label' }}
          options={(dispatches.data?.items ?? []).map((d) => ({
            value: d.id,
            label: `${d.targetName} — ${d.petitionCount} kiến nghị, ${d.letterNumber ? `CV ${d.letterNumber}, ` : ''}hạn trả lời ${fmtDate(d.dueDate)}`,
          }))}
          notFoundContent={dispatches.error ? dispatches.error.message : 'Chưa có lần chuyển kiến nghị nào.'}
        />
      </Form.Item>
    );
  }
  if (templateKey === 'petition_reminder_letter') {
    return (
      <Form.Item name="agencyId" label="Cơ quan được đôn đốc" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
        <AgencySelect />
      </Form.Item>
    );
  }
  return null;
}

export function IssuePage() {
  const { councilId } = useParams() as { councilId: string };
  const { me, canManageCouncil } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const base = `/councils/${councilId}/documents`;
  const templates = useApi<{ items: TemplateSummary[] }>(`${base}/templates`);
  const issuers = useApi<{ items: Issuer[] }>(canManageCouncil(councilId) ? `${base}/issuers` : null);
  const templateKey = params.get('template') ?? 'conclusion_notice';
  const template = templates.data?.items.find((t) => t.key === templateKey);
  const [form] = Form.useForm<IssueForm>();
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  const [issued, setIssued] = useState<(DocumentItem & { issuer?: { name: string } }) | null>(null);
  const councilName = me?.councils.find((c) => c.id === councilId)?.name;

  useEffect(() => setIssued(null), [templateKey]);
  const issuerOptions = useMemo(
    () => (issuers.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} — ký hiệu ${i.code}` })),
    [issuers.data],
  );

  if (!canManageCouncil(councilId)) return <Forbidden detail="Chỉ chuyên viên Văn phòng của HĐND này được soạn, ban hành văn bản." />;
  if (templates.error) return <ErrorView error={templates.error} onRetry={templates.reload} />;
  if (!templates.data) return <Loading />;

  const body = async () => {
    const v = await form.validateFields();
    const all = { ...form.getFieldsValue(true), ...v } as IssueForm;
    return { ...(all.issuerId ? { issuerId: all.issuerId } : {}), params: paramsOf(templateKey, all) };
  };

  const preview = async () => {
    let b;
    try {
      b = await body();
    } catch {
      message.error('Còn trường chưa điền đúng: xem các ô báo đỏ.');
      return;
    }
    setBusy('preview');
    try {
      const name = await downloadFile(`${base}/templates/${templateKey}/preview`, { body: b, csrf: me?.csrfToken, fallbackName: 'du-thao.docx' });
      message.success(`Đã tải dự thảo ${name} (chưa lấy số).`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const issue = async () => {
    let b: Awaited<ReturnType<typeof body>>;
    try {
      b = await body();
    } catch {
      message.error('Còn trường chưa điền đúng: xem các ô báo đỏ.');
      return;
    }
    const issuer = issuers.data?.items.find((i) => i.id === b.issuerId);
    modal.confirm({
      title: 'Ban hành văn bản?',
      content: (
        <div>
          Văn bản sẽ lấy số tiếp theo trong sổ văn bản đi{issuer ? ` của ${issuer.name}` : ''}. Số đã lấy không dùng lại; nếu sai, văn bản phải hủy (giữ số) và ban hành văn bản khác.
        </div>
      ),
      okText: 'Ban hành',
      cancelText: 'Xem lại',
      onOk: async () => {
        setBusy('issue');
        try {
          const doc = await api.post<DocumentItem & { issuer?: { name: string } }>(`${base}/templates/${templateKey}/issue`, b);
          setIssued(doc);
          window.scrollTo({ top: 0 });
        } catch (err) {
          showError(err);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const downloadIssued = async () => {
    if (!issued) return;
    try {
      const name = await downloadFile(`${base}/${issued.id}/download`, { fallbackName: issued.fileName });
      message.success(`Đã tải ${name}.`);
    } catch (err) {
      showError(err);
    }
  };

  const crumbs = [{ title: 'Văn bản' }, { title: 'Sổ văn bản đi', to: base }, { title: 'Soạn văn bản' }];

  if (issued) {
    return (
      <Page title="Soạn văn bản" subtitle={councilName} crumbs={crumbs}>
        <Card>
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={<span data-testid="issued-number">Số: {issued.symbol}</span>}
            subTitle={
              <div>
                <div>Đã ban hành {issued.kindName.toLowerCase()} ngày {fmtDate(issued.issuedOn)} — {issued.issuer?.name ?? issued.issuerName ?? ''}</div>
                <div style={{ marginTop: 4, color: '#111' }}>{issued.title}</div>
              </div>
            }
            extra={
              <Space wrap style={{ justifyContent: 'center' }}>
                <Button type="primary" icon={<DownloadOutlined />} onClick={downloadIssued}>
                  Tải về ({issued.fileName})
                </Button>
                <Button onClick={() => navigate(base)}>Về sổ văn bản đi</Button>
                <Button
                  onClick={() => {
                    setIssued(null);
                    form.resetFields();
                  }}
                >
                  Soạn văn bản khác
                </Button>
              </Space>
            }
          />
        </Card>
      </Page>
    );
  }

  return (
    <Page title="Soạn văn bản" subtitle={councilName} crumbs={crumbs}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="1. Mẫu văn bản" size="small" style={{ marginBottom: 16 }}>
            <Select
              style={{ width: '100%' }}
              value={templateKey}
              onChange={(k) => setParams({ template: k }, { replace: true })}
              aria-label="Mẫu văn bản"
              options={templates.data.items.map((t) => ({ value: t.key, label: `${t.title} (${t.kindName})` }))}
            />
            {template && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{template.description}</Typography.Paragraph>}
            {!template && <Alert type="error" showIcon style={{ marginTop: 8 }} title="Không có mẫu văn bản này." />}
          </Card>
          <Form<IssueForm> key={templateKey} form={form} layout="vertical" initialValues={templateKey === 'conclusion_notice' ? INITIAL : {}} requiredMark="optional">
            <Card title="2. Nội dung" size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="issuerId" label="Cơ quan ban hành (sổ văn bản đi lấy số)" extra="Để trống: theo mặc định của mẫu (Thường trực HĐND).">
                <Select allowClear placeholder="Theo mặc định của mẫu" loading={issuers.loading} options={issuerOptions} />
              </Form.Item>
              {templateKey === 'conclusion_notice' ? <ConclusionFields /> : <PetitionFields councilId={councilId} templateKey={templateKey} />}
            </Card>
            <Card title="3. Người ký, nơi nhận" size="small" style={{ marginBottom: 16 }}>
              <SignerFields base={base} issuers={issuers.data?.items ?? []} />
              <Form.Item
                name="recipientsText"
                label="Nơi nhận (mỗi dòng một nơi; để trống: theo lời văn của mẫu)"
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={'TT Đảng ủy phường\nUBND phường\nLưu: VT'} />
              </Form.Item>
            </Card>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="Xem trước và ban hành" style={{ position: 'sticky', top: 72 }}>
            <Typography.Paragraph style={{ marginTop: 0 }}>
              Văn bản theo thể thức Nghị định 30/2020/NĐ-CP: tiêu đề, quốc hiệu, số và ký hiệu, địa danh và ngày tháng, chữ ký, nơi nhận do hệ thống
              trình bày; bạn chỉ nhập nội dung.
            </Typography.Paragraph>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button block icon={<EyeOutlined />} onClick={preview} loading={busy === 'preview'} disabled={!template}>
                Xem trước dự thảo (.docx)
              </Button>
              <Button block type="primary" icon={<CheckCircleOutlined />} onClick={issue} loading={busy === 'issue'} disabled={!template}>
                Ban hành (lấy số)
              </Button>
              <Link to={`${base}/templates`}>Sửa lời văn của mẫu (câu dẫn, câu kết, nơi nhận…)</Link>
            </Space>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

interface SignerOption {
  delegateId: string;
  name: string;
  title: string;
  lines: string[];
}

/**
 * The signer: the issuing body's leaders from the directory with their capacity ("TM. THƯỜNG TRỰC
 * HĐND / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), the chair chosen by default; or someone else
 * typed by hand (the template's signature lines then apply).
 */
function SignerFields(props: { base: string; issuers: Issuer[] }) {
  const form = Form.useFormInstance<IssueForm>();
  const chosenIssuer = Form.useWatch('issuerId', form) as string | undefined;
  const issuerId = chosenIssuer ?? props.issuers.find((i) => i.kind === 'standing')?.id;
  const signers = useApi<{ items: SignerOption[] }>(issuerId ? `${props.base}/issuers/${issuerId}/signers` : null);
  const signerId = Form.useWatch('signerId', form) as string | undefined;
  const items = signers.data?.items ?? [];
  useEffect(() => {
    if (signers.data) form.setFieldValue('signerId', signers.data.items[0]?.delegateId ?? '');
  }, [signers.data, form]);
  const chosen = items.find((x) => x.delegateId === signerId);
  return (
    <>
      <Form.Item
        name="signerId"
        label="Người ký"
        extra={chosen ? `Khối chữ ký: ${chosen.lines.join(' / ')} — ${chosen.name}` : 'Thẩm quyền ký, chức vụ theo lời văn của mẫu (trang Mẫu văn bản).'}
      >
        <Select
          loading={signers.loading}
          aria-label="Người ký"
          options={[
            ...items.map((x) => ({ value: x.delegateId, label: `${x.name} — ${x.title}` })),
            { value: '', label: 'Người khác (nhập họ tên)' },
          ]}
        />
      </Form.Item>
      {!signerId && (
        <Form.Item
          name="signerName"
          label="Họ và tên người ký"
          extra="Để trống: dùng họ tên đặt sẵn trong lời văn của mẫu (trang Mẫu văn bản)."
        >
          <Input placeholder="Ví dụ: Trần Duy Khánh" maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}
