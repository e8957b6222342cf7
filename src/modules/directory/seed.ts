// Demo data: the council of the founding notice (Thị xã Đức Phổ, tỉnh Quảng Ngãi) before the 2025
// reform, and the five wards/communes its 15 units became (../shared/domain/demo-data.md).
// Unit codes follow the national list's shape (2-digit province, 3-digit district, 5-digit
// commune) but the commune codes here are illustrative, not checked against the official list.
// People are invented.
import type { SeedContext } from '../../server/module.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import * as svc from './service.ts';

const REFORM = '2025-07-01';
const TOWN_FROM = '2020-02-01';

const OLD_UNITS: [code: string, type: 'phuong' | 'xa', name: string][] = [
  ['21640', 'phuong', 'Nguyễn Nghiêm'],
  ['21643', 'phuong', 'Phổ Hòa'],
  ['21646', 'phuong', 'Phổ Minh'],
  ['21649', 'phuong', 'Phổ Vinh'],
  ['21652', 'phuong', 'Phổ Ninh'],
  ['21655', 'phuong', 'Phổ Thạnh'],
  ['21658', 'phuong', 'Phổ Văn'],
  ['21661', 'phuong', 'Phổ Quang'],
  ['21664', 'xa', 'Phổ Châu'],
  ['21667', 'xa', 'Phổ An'],
  ['21670', 'xa', 'Phổ Thuận'],
  ['21673', 'xa', 'Phổ Nhơn'],
  ['21676', 'xa', 'Phổ Phong'],
  ['21679', 'xa', 'Phổ Khánh'],
  ['21682', 'xa', 'Phổ Cường'],
];

const NEW_UNITS: { code: string; type: 'phuong' | 'xa'; name: string; slug: string; from: string[] }[] = [
  { code: '21700', type: 'phuong', name: 'Đức Phổ', slug: 'duc-pho-ward', from: ['Nguyễn Nghiêm', 'Phổ Hòa', 'Phổ Minh', 'Phổ Vinh', 'Phổ Ninh'] },
  { code: '21703', type: 'phuong', name: 'Sa Huỳnh', slug: 'sa-huynh', from: ['Phổ Thạnh', 'Phổ Châu'] },
  { code: '21706', type: 'phuong', name: 'Trà Câu', slug: 'tra-cau', from: ['Phổ Văn', 'Phổ Quang', 'Phổ An', 'Phổ Thuận'] },
  { code: '21709', type: 'xa', name: 'Nguyễn Nghiêm', slug: 'nguyen-nghiem-commune', from: ['Phổ Nhơn', 'Phổ Phong'] },
  { code: '21712', type: 'xa', name: 'Khánh Cường', slug: 'khanh-cuong', from: ['Phổ Khánh', 'Phổ Cường'] },
];

const label = (t: 'phuong' | 'xa') => (t === 'phuong' ? 'phường' : 'xã');

// Invented names, in the usual family–middle–given order.
const NAMES = [
  'Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Huỳnh Văn Đức', 'Võ Thị Hà',
  'Đặng Văn Hải', 'Bùi Thị Hạnh', 'Đỗ Văn Hùng', 'Hồ Thị Lan', 'Ngô Văn Lộc', 'Dương Thị Mai',
  'Lý Văn Minh', 'Trương Thị Ngọc', 'Phan Văn Phúc', 'Đinh Thị Quyên', 'Mai Văn Sơn', 'Tạ Thị Thu',
  'Châu Văn Toàn', 'Lương Thị Uyên', 'Nguyễn Thị Vân', 'Trần Văn Xuân', 'Lê Thị Yến', 'Phạm Văn Ánh',
  'Huỳnh Thị Ẩn', 'Võ Văn Bảo', 'Đặng Thị Châu', 'Bùi Văn Điền', 'Đỗ Thị Giang', 'Hồ Văn Khoa',
];

export async function seedDirectory(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const a = SYSTEM_ACTOR;
  let nameIdx = 0;
  const nextName = () => NAMES[nameIdx++ % NAMES.length]!;

  const province = await svc.createUnit(db, a, { code: '51', name: 'Quảng Ngãi', type: 'tinh' });
  ids.set('unit:province', province.id);
  const town = await svc.createUnit(db, a, { code: '522', name: 'Đức Phổ', type: 'thi_xa', parentId: province.id, validFrom: TOWN_FROM, validTo: REFORM });
  ids.set('unit:town', town.id);
  const oldIds = new Map<string, string>();
  for (const [code, type, name] of OLD_UNITS) {
    const u = await svc.createUnit(db, a, { code, name, type, parentId: town.id, validFrom: TOWN_FROM, validTo: REFORM });
    oldIds.set(name, u.id);
    ids.set(`unit:old:${name}`, u.id);
  }
  await svc.addSuccession(db, a, { fromUnitId: town.id, toUnitId: province.id, effectiveDate: REFORM, note: 'Kết thúc hoạt động của chính quyền cấp huyện' });
  for (const n of NEW_UNITS) {
    const u = await svc.createUnit(db, a, { code: n.code, name: n.name, type: n.type, parentId: province.id, validFrom: REFORM });
    ids.set(`unit:${n.slug}`, u.id);
    for (const old of n.from) {
      await svc.addSuccession(db, a, {
        fromUnitId: oldIds.get(old)!,
        toUnitId: u.id,
        effectiveDate: REFORM,
        note: `Sắp xếp đơn vị hành chính cấp xã năm 2025: thành ${label(n.type)} ${n.name}`,
      });
    }
  }

  // Agencies
  const agency = async (key: string, input: svc.AgencyInput) => {
    const row = await svc.createAgency(db, a, input);
    ids.set(`agency:${key}`, row.id);
    return row;
  };
  await agency('na', { name: 'Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi', shortName: 'Đoàn ĐBQH tỉnh', kind: 'na_delegation', level: 'province', unitId: province.id });
  await agency('ubnd-province', { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', shortName: 'UBND tỉnh', kind: 'people_committee', level: 'province', unitId: province.id });
  await agency('mttq-province', { name: 'Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi', shortName: 'UBMTTQVN tỉnh', kind: 'fatherland_front', level: 'province', unitId: province.id });
  await agency('so-xay-dung', { name: 'Sở Xây dựng tỉnh Quảng Ngãi', shortName: 'Sở Xây dựng', kind: 'department', level: 'province', unitId: province.id, email: 'soxaydung@example.vn' });
  await agency('so-nn-mt', { name: 'Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi', shortName: 'Sở NN&MT', kind: 'department', level: 'province', unitId: province.id });
  await agency('so-y-te', { name: 'Sở Y tế tỉnh Quảng Ngãi', shortName: 'Sở Y tế', kind: 'department', level: 'province', unitId: province.id });
  await agency('so-gd', { name: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', shortName: 'Sở GD&ĐT', kind: 'department', level: 'province', unitId: province.id });
  await agency('dien-luc', { name: 'Công ty Điện lực Quảng Ngãi', shortName: 'PC Quảng Ngãi', kind: 'state_company', level: 'province', unitId: province.id, email: 'dienluc@example.vn' });
  await agency('cap-nuoc', { name: 'Công ty Cổ phần Cấp thoát nước và Xây dựng Quảng Ngãi', shortName: 'Cấp nước Quảng Ngãi', kind: 'state_company', level: 'province', unitId: province.id });
  await agency('ubnd-town', { name: 'Ủy ban nhân dân thị xã Đức Phổ', shortName: 'UBND thị xã', kind: 'people_committee', level: 'district', unitId: town.id, active: false });
  await agency('mttq-town', { name: 'Ủy ban MTTQ Việt Nam thị xã Đức Phổ', shortName: 'UBMTTQVN thị xã', kind: 'fatherland_front', level: 'district', unitId: town.id, active: false });
  for (const n of NEW_UNITS) {
    const unitId = ids.get(`unit:${n.slug}`)!;
    await agency(`ubnd-${n.slug}`, { name: `Ủy ban nhân dân ${label(n.type)} ${n.name}`, shortName: `UBND ${label(n.type)}`, kind: 'people_committee', level: 'commune', unitId });
    await agency(`mttq-${n.slug}`, { name: `Ủy ban MTTQ Việt Nam ${label(n.type)} ${n.name}`, shortName: `UBMTTQVN ${label(n.type)}`, kind: 'fatherland_front', level: 'commune', unitId });
  }

  // Councils, terms, bodies, delegates
  const council = async (
    key: string,
    unitId: string,
    name: string,
    shortName: string,
    validity: { validFrom?: string; validTo?: string },
    term: { name: string; startYear: number; endYear: number },
    committees: string[],
    delegateCount: number,
  ) => {
    const c = await svc.createCouncil(db, a, { unitId, name, shortName, ...validity });
    ids.set(`council:${key}`, c.id);
    const t = await svc.createTerm(db, a, c.id, term);
    ids.set(`term:${key}`, t.id);
    const standing = await svc.createBody(db, a, c.id, { kind: 'standing', name: `Thường trực ${shortName}`, termId: t.id });
    ids.set(`body:${key}:standing`, standing.id);
    const committeeIds: string[] = [];
    for (const [i, cn] of committees.entries()) {
      const b = await svc.createBody(db, a, c.id, { kind: 'committee', name: cn, termId: t.id });
      ids.set(`body:${key}:committee:${i}`, b.id);
      committeeIds.push(b.id);
    }
    const groups = Math.max(1, Math.round(delegateCount / 3));
    const groupIds: string[] = [];
    const constIds: string[] = [];
    for (let g = 1; g <= groups; g++) {
      const k = await svc.createConstituency(db, a, c.id, { termId: t.id, number: g, name: `Đơn vị bầu cử số ${g}`, seats: 3 });
      constIds.push(k.id);
      const b = await svc.createBody(db, a, c.id, { kind: 'delegate_group', name: `Tổ đại biểu số ${g}`, termId: t.id, constituencyId: k.id });
      groupIds.push(b.id);
      ids.set(`body:${key}:group:${g}`, b.id);
    }
    for (let i = 0; i < delegateCount; i++) {
      const g = i % groups;
      const position = i === 0 ? `Chủ tịch ${shortName}` : i === 1 ? `Phó Chủ tịch ${shortName}` : i < 2 + committees.length ? `Trưởng ${committees[i - 2]}` : 'Đại biểu';
      const fullName = nextName();
      const d = await svc.createDelegate(db, a, c.id, {
        fullName,
        termId: t.id,
        gender: fullName.includes(' Thị ') ? 'female' : 'male',
        birthYear: 1965 + ((i * 7) % 30),
        position,
        constituencyId: constIds[g],
      });
      ids.set(`delegate:${key}:${i}`, d.id);
      if (i < 2 + committees.length) await svc.addMember(db, a, c.id, standing.id, { delegateId: d.id, role: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member' });
      if (i >= 2 && i < 2 + committees.length) await svc.addMember(db, a, c.id, committeeIds[i - 2]!, { delegateId: d.id, role: 'chair' });
      else if (committeeIds.length && i >= 2) await svc.addMember(db, a, c.id, committeeIds[i % committeeIds.length]!, { delegateId: d.id, role: 'member' });
      await svc.addMember(db, a, c.id, groupIds[g]!, { delegateId: d.id, role: i < groups ? 'chair' : 'member' });
    }
    return c;
  };

  await council('province', province.id, 'Hội đồng nhân dân tỉnh Quảng Ngãi', 'HĐND tỉnh', {}, { name: 'Khóa XIV', startYear: 2026, endYear: 2031 },
    ['Ban Pháp chế', 'Ban Kinh tế – Ngân sách', 'Ban Văn hóa – Xã hội', 'Ban Dân tộc'], 12);
  await council('town', town.id, 'Hội đồng nhân dân thị xã Đức Phổ', 'HĐND thị xã', { validFrom: TOWN_FROM, validTo: REFORM },
    { name: 'Khóa XII', startYear: 2021, endYear: 2026 }, ['Ban Pháp chế', 'Ban Kinh tế – Xã hội'], 9);
  for (const n of NEW_UNITS) {
    await council(n.slug, ids.get(`unit:${n.slug}`)!, `Hội đồng nhân dân ${label(n.type)} ${n.name}`, `HĐND ${label(n.type)}`, { validFrom: REFORM },
      { name: 'Khóa I', startYear: 2026, endYear: 2031 }, ['Ban Kinh tế – Ngân sách', 'Ban Văn hóa – Xã hội'], 6);
  }
  for (const [, type, name] of OLD_UNITS) {
    const c = await svc.createCouncil(db, a, {
      unitId: oldIds.get(name)!,
      name: `Hội đồng nhân dân ${label(type)} ${name}`,
      shortName: `HĐND ${label(type)}`,
      validFrom: TOWN_FROM,
      validTo: REFORM,
    });
    ids.set(`council:old:${name}`, c.id);
    await svc.createTerm(db, a, c.id, { name: 'Khóa XII', startYear: 2021, endYear: 2026 });
  }
}
