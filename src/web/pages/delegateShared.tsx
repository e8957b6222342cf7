// Pieces shared by the delegate list and the delegate page: types, the council's terms and
// constituencies, and the add/edit drawer.
import { useEffect } from 'react';
import { Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { api, type Page as ApiPage } from '../lib/api.ts';
import { useApi, useFormSubmit } from '../lib/hooks.ts';
import { message } from '../lib/feedback.tsx';
import { DELEGATE_STATUS, GENDER_LABELS } from '../lib/format.ts';

export interface Delegate {
  id: string;
  councilId: string;
  termId: string | null;
  fullName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  position: string;
  workplace: string;
  constituencyId: string | null;
  constituencyName?: string | null;
  phone: string;
  email: string;
  status: 'active' | 'ended';
  memberships?: { id: string; bodyId: string; bodyName: string; bodyKind: string; role: string }[];
}

export interface Term {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
}

export interface CouncilDetail {
  id: string;
  name: string;
  shortName: string;
  validFrom: string | null;
  validTo: string | null;
  unit: { id: string; name: string; type: string };
  terms: Term[];
}

export interface Constituency {
  id: string;
  termId: string;
  number: number;
  name: string;
  seats: number;
}

export function useCouncilRefs(councilId: string | undefined) {
  const council = useApi<CouncilDetail>(councilId ? `/councils/${councilId}` : null);
  const constituencies = useApi<ApiPage<Constituency>>(councilId ? `/councils/${councilId}/constituencies` : null, { pageSize: 200 });
  return { council: council.data, councilError: council.error, constituencies: constituencies.data?.items ?? [] };
}

export const termLabel = (t: Term) => `${t.name} (${t.startYear}–${t.endYear})`;

export function DelegateDrawer(props: {
  councilId: string;
  open: boolean;
  delegate: Delegate | null;
  terms: Term[];
  constituencies: Constituency[];
  onClose(): void;
  onSaved(d: Delegate): void;
}) {
  const [form] = Form.useForm();
  const editing = !!props.delegate;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    const d = props.delegate;
    form.setFieldsValue(
      d
        ? { ...d }
        : { status: 'active', termId: props.terms.length ? props.terms[props.terms.length - 1]!.id : undefined },
    );
  }, [props.open, props.delegate, props.terms, form]);

  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      fullName: v.fullName,
      gender: v.gender ?? null,
      birthYear: v.birthYear ?? null,
      position: v.position ?? '',
      workplace: v.workplace ?? '',
      termId: v.termId ?? null,
      constituencyId: v.constituencyId ?? null,
      phone: v.phone ?? '',
      email: v.email ?? '',
      status: v.status ?? 'active',
    };
    const saved = editing
      ? await api.patch<Delegate>(`/councils/${props.councilId}/delegates/${props.delegate!.id}`, body)
      : await api.post<Delegate>(`/councils/${props.councilId}/delegates`, body);
    message.success(editing ? 'Đã lưu thông tin đại biểu.' : `Đã thêm đại biểu ${saved.fullName}.`);
    props.onSaved(saved);
  });

  const termId = Form.useWatch('termId', form);
  return (
    <Drawer
      title={editing ? `Sửa thông tin đại biểu: ${props.delegate!.fullName}` : 'Thêm đại biểu'}
      open={props.open}
      onClose={props.onClose}
      size={560}
      destroyOnHidden={false}
      extra={
        <Space>
          <Button onClick={props.onClose}>Hủy</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="delegate-save">
            Lưu
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ và tên đại biểu.' }]}>
          <Input maxLength={150} placeholder="ví dụ: Nguyễn Văn An" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Giới tính" name="gender">
              <Select allowClear placeholder="Chọn" options={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Năm sinh" name="birthYear">
              <InputNumber style={{ width: '100%' }} min={1900} max={2100} placeholder="ví dụ: 1978" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Chức vụ" name="position">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Nơi công tác" name="workplace">
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Nhiệm kỳ" name="termId">
              <Select allowClear placeholder="Chọn nhiệm kỳ" options={props.terms.map((t) => ({ value: t.id, label: termLabel(t) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Trạng thái" name="status">
              <Select options={Object.entries(DELEGATE_STATUS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Đơn vị bầu cử" name="constituencyId">
          <Select
            allowClear
            placeholder={props.constituencies.length ? 'Chọn đơn vị bầu cử' : 'Chưa có đơn vị bầu cử nào'}
            options={props.constituencies
              .filter((c) => !termId || c.termId === termId)
              .map((c) => ({ value: c.id, label: `Đơn vị số ${c.number}: ${c.name}` }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Số điện thoại" name="phone">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
