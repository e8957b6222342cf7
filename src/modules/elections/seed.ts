// Demo data: the 15/03/2026 election seen from Quảng Ngãi — one provincial unit (3 seats, 5
// candidates) covering Sa Huỳnh and Trà Câu, Sa Huỳnh's commune unit, polling areas (one a
// hospital's), the Ủy ban, Ban and Tổ bầu cử with members (the demo Tổ member "to.sahuynh" enters
// for area 1), a few hundred generated voters (invented people) with every residence case, lists
// posted (Trà Câu's late: the 40-day check flags it), one complaint, and ONE citizen on two lists
// (permanent in Sa Huỳnh, temporary in Trà Câu) for the reconciliation to find.
import type { SeedContext } from '../../server/module.ts';
import type { Actor } from '../audit/service.ts';
import { recordEvent } from '../audit/service.ts';
import { createUser, grantRole } from '../accounts/service.ts';
import { DEMO_PASSWORD } from '../accounts/seed.ts';
import { addBodyMember, addCandidate, createElection, createElectionBody, createElectoralUnit, createPollingArea } from './actions/core.ts';
import { fileVoterListComplaint, postVoterList } from './actions/voters.ts';
import { entryOf, type VoterFactsInput } from './voterRows.ts';
import { writeEntries } from './voterImport.ts';
import type { ActionCtx } from './common.ts';
import { randomUUID } from 'node:crypto';

export const DEMO_ELECTION_DAY = '2026-03-15';

/** Deterministic generator (mulberry32), so the demo is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lương', 'Đinh', 'Mai', 'Tạ', 'Châu', 'Lý'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Đức', 'Thanh', 'Công', 'Hữu', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Hồng'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Khang', 'Lộc', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Toàn', 'Trung', 'Tuấn', 'Vinh'];
const GIVEN_F = ['Anh', 'Bích', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Liên', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Uyên', 'Yến'];
const HAMLETS_SH = ['Tổ dân phố Thạnh Đức 1', 'Tổ dân phố Thạnh Đức 2', 'Tổ dân phố Long Thạnh 1', 'Tổ dân phố Châu Me'];
const HAMLETS_TC = ['Tổ dân phố Vĩnh Thọ', 'Tổ dân phố An Ba'];

export type DemoVoter = VoterFactsInput;

/** Invented voters of one area (n of them), every residence case represented. */
export function demoVoters(n: number, seed: number, address: (i: number) => string, commune: string): DemoVoter[] {
  const r = rng(seed);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const out: DemoVoter[] = [];
  for (let i = 0; i < n; i++) {
    const female = r() < 0.52;
    const year = 1940 + Math.floor(r() * 67); // 1940–2006
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const birthDate = i % 37 === 5 ? String(year) : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    const citizenId = i % 41 === 7 ? null : `051${centuryDigit}${String(year % 100).padStart(2, '0')}${String(Math.floor(r() * 1_000_000)).padStart(6, '0')}`;
    const temporary = i % 9 === 4;
    const since = temporary ? (i % 2 ? '2025-06-01' : '2024-08-15') : null;
    out.push({
      citizenId, fullName: `${pick(FAMILY)} ${female ? pick(MIDDLE_F) : pick(MIDDLE_M)} ${female ? pick(GIVEN_F) : pick(GIVEN_M)}`, birthDate, sex: female ? 'female' : 'male',
      ethnicity: 'Kinh', residenceKind: temporary ? 'temporary' : 'permanent', residenceSince: since,
      permanentAddress: temporary ? 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi' : `${address(i)}, ${commune}`, temporaryAddress: temporary ? `${address(i)}, ${commune}` : '',
      currentAddress: `${address(i)}, ${commune}`, household: `H${String(Math.floor(i / 4) + 1).padStart(4, '0')}`, rowOrder: i + 1, status: 'none',
    });
  }
  return out;
}

/** The one citizen on two lists: permanent in Sa Huỳnh, also listed as a temporary resident in Trà Câu. */
export const DEMO_DUPLICATE: DemoVoter = {
  citizenId: '051085004217', fullName: 'Trần Thị Mỹ Duyên', birthDate: '1985-04-12', sex: 'female', ethnicity: 'Kinh', residenceKind: 'permanent',
  permanentAddress: 'Tổ dân phố Thạnh Đức 1, phường Sa Huỳnh', currentAddress: 'Tổ dân phố Thạnh Đức 1, phường Sa Huỳnh', household: 'H0001', rowOrder: 0, status: 'none',
};

export async function seedElections(ctx: SeedContext): Promise<void> {
  const { db, ids } = ctx;
  const id = (key: string) => {
    const v = ids.get(key);
    if (!v) throw new Error(`Demo seed: unknown ${key}`);
    return v;
  };
  const actor = (username: string, name: string): Actor => ({ id: ids.get(`user:${username}`) ?? null, name });
  const on = (a: Actor, day: string): ActionCtx => ({ db, actor: a, now: new Date(`${day}T03:00:00Z`) });
  const vpTinh = on(actor('vp.tinh', 'Nguyễn Thị Hồng'), '2025-11-20');
  const vpSh = on(actor('vp.sahuynh', 'Lê Thị Mỹ'), '2025-12-20');
  const prov = id('council:province');
  const sh = id('council:sa-huynh');
  const tc = id('council:tra-cau');

  const election = await createElection(vpTinh, prov, { name: 'Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031', electionDay: DEMO_ELECTION_DAY, ballotTypes: ['na', 'province', 'commune'] });
  ids.set('election:2026', election.id);
  const pu = await createElectoralUnit(vpTinh, prov, election.id, { ballotType: 'province', number: 7, name: 'Đơn vị bầu cử số 7', seats: 3, unitIds: [id('unit:sa-huynh'), id('unit:tra-cau')], resolution: '12/NQ-UBBC' });
  ids.set('electoralUnit:province:7', pu.id);
  const cu = await createElectoralUnit(vpSh, sh, election.id, { ballotType: 'commune', number: 1, name: 'Đơn vị bầu cử số 1', seats: 3, unitIds: [id('unit:sa-huynh')], resolution: '05/NQ-UBBC' });
  ids.set('electoralUnit:sa-huynh:1', cu.id);
  const vpTc = on(actor('admin', 'Quản trị hệ thống'), '2025-12-20');
  const areas = {
    sh1: await createPollingArea(vpSh, sh, election.id, { number: 1, name: 'Nhà văn hóa tổ dân phố Thạnh Đức 1', kind: 'ordinary', hamlets: 'Thạnh Đức 1, Thạnh Đức 2', provinceUnitId: pu.id, communeUnitId: cu.id }),
    sh2: await createPollingArea(vpSh, sh, election.id, { number: 2, name: 'Trường Tiểu học Sa Huỳnh', kind: 'ordinary', hamlets: 'Long Thạnh 1, Châu Me', provinceUnitId: pu.id, communeUnitId: cu.id }),
    sh3: await createPollingArea(vpSh, sh, election.id, { number: 3, name: 'Trung tâm Y tế khu vực Sa Huỳnh', kind: 'hospital', provinceUnitId: pu.id, communeUnitId: cu.id }),
    tc1: await createPollingArea(vpTc, tc, election.id, { number: 1, name: 'Nhà văn hóa tổ dân phố Vĩnh Thọ', kind: 'ordinary', hamlets: 'Vĩnh Thọ, An Ba', provinceUnitId: pu.id }),
  };
  for (const [k, a] of Object.entries(areas)) ids.set(`pollingArea:${k}`, a.id);

  await createElectionBody(vpTinh, prov, election.id, { kind: 'electionCommittee', name: 'Ủy ban bầu cử tỉnh Quảng Ngãi', decision: '105/QĐ-UBND' });
  await createElectionBody(vpSh, sh, election.id, { kind: 'electionCommittee', name: 'Ủy ban bầu cử phường Sa Huỳnh', decision: '21/QĐ-UBND' });
  const ban = await createElectionBody(vpTinh, prov, election.id, { kind: 'unitBoard', name: 'Ban bầu cử đại biểu HĐND tỉnh, đơn vị bầu cử số 7', electoralUnitId: pu.id });
  await addBodyMember(vpTinh, prov, election.id, ban.id, { fullName: 'Phạm Văn Thành', position: 'chair', organization: 'Ủy ban nhân dân tỉnh' });
  // The demo Tổ member: an account with role election_member on Sa Huỳnh, linked to Tổ 1.
  const user = await createUser(db, { id: null, name: 'Hệ thống' }, { username: 'to.sahuynh', fullName: 'Nguyễn Văn Tổ', password: DEMO_PASSWORD, mustChangePassword: false });
  await grantRole(db, { id: null, name: 'Hệ thống' }, user.id, { role: 'election_member', councilId: sh, bodyId: null, agencyId: null });
  ids.set('user:to.sahuynh', user.id);
  for (const [k, a] of Object.entries(areas)) {
    const team = await createElectionBody(k === 'tc1' ? vpTc : vpSh, k === 'tc1' ? tc : sh, election.id, { kind: 'pollingTeam', name: `Tổ bầu cử khu vực bỏ phiếu số ${a.number}`, pollingAreaId: a.id });
    ids.set(`pollingTeam:${k}`, team.id);
    await addBodyMember(vpSh, k === 'tc1' ? prov : sh, election.id, team.id, { fullName: k === 'sh1' ? 'Nguyễn Văn Tổ' : `Tổ trưởng khu vực ${a.number}`, position: 'chair', userId: k === 'sh1' ? user.id : null });
    await addBodyMember(vpSh, k === 'tc1' ? prov : sh, election.id, team.id, { fullName: `Thư ký khu vực ${a.number}`, position: 'secretary' });
  }
  const cands: [string, string, 'male' | 'female'][] = [['Huỳnh Thị Bảo Ngọc', '1978-02-14', 'female'], ['Lê Quang Minh', '1971-09-03', 'male'], ['Nguyễn Văn Hòa', '1983-11-21', 'male'], ['Phạm Thị Kim Oanh', '1990-06-30', 'female'], ['Trần Đình Sang', '1975-01-08', 'male']];
  for (const [i, [n, b, s]] of cands.entries()) await addCandidate(vpTinh, prov, election.id, pu.id, { fullName: n, birthDate: b, sex: s, listOrder: i + 1 });
  const commCands: [string, string, 'male' | 'female'][] = [['Bùi Văn Khánh', '1980-03-02', 'male'], ['Đặng Thị Lụa', '1986-07-19', 'female'], ['Hồ Văn Nhân', '1969-12-01', 'male'], ['Mai Thị Quỳnh', '1992-04-25', 'female'], ['Võ Văn Tám', '1977-08-16', 'male']];
  for (const [i, [n, b, s]] of commCands.entries()) await addCandidate(vpSh, sh, election.id, cu.id, { fullName: n, birthDate: b, sex: s, listOrder: i + 1 });

  // Voters, written in bulk (one statement per area) as an import would, with one audit event.
  const sys = actor('vp.sahuynh', 'Lê Thị Mỹ');
  const lists: [typeof areas.sh1, DemoVoter[]][] = [
    [areas.sh1, [DEMO_DUPLICATE, ...demoVoters(160, 11, (i) => HAMLETS_SH[i % 2]!, 'phường Sa Huỳnh')]],
    [areas.sh2, demoVoters(140, 12, (i) => HAMLETS_SH[2 + (i % 2)]!, 'phường Sa Huỳnh')],
    [areas.sh3, demoVoters(6, 13, () => 'Trung tâm Y tế khu vực Sa Huỳnh', 'phường Sa Huỳnh').map((v) => ({ ...v, status: 'voteElsewhereCertificate' as const, note: 'Cử tri không cư trú ở địa phương' }))],
    [areas.tc1, [...demoVoters(80, 14, (i) => HAMLETS_TC[i % 2]!, 'phường Trà Câu'), { ...DEMO_DUPLICATE, residenceKind: 'temporary', residenceSince: '2025-09-01', permanentAddress: 'Tổ dân phố Thạnh Đức 1, phường Sa Huỳnh', temporaryAddress: 'Tổ dân phố Vĩnh Thọ, phường Trà Câu', currentAddress: 'Tổ dân phố Vĩnh Thọ, phường Trà Câu', household: 'H0900', rowOrder: 900 }]],
  ];
  await db.transaction(async (tx) => {
    let total = 0;
    for (const [area, voters] of lists) {
      await writeEntries(tx, voters.map((v) => entryOf(area, DEMO_ELECTION_DAY, v, { voterId: randomUUID(), version: 1, change: 'initial', reason: '', createdBy: sys.id })));
      total += voters.length;
    }
    await recordEvent(tx, sys, { action: 'voter_list.import', entityType: 'election', entityId: election.id, councilId: sh, after: { created: total, note: 'Dữ liệu mẫu: cử tri hư cấu' } });
  });
  for (const k of ['sh1', 'sh2', 'sh3'] as const) await postVoterList(on(sys, '2026-02-01'), sh, election.id, areas[k].id, { postedOn: '2026-02-01' });
  await postVoterList(on(sys, '2026-02-05'), tc, election.id, areas.tc1.id, { postedOn: '2026-02-05' });
  await fileVoterListComplaint(on(sys, '2026-02-10'), sh, election.id, areas.sh2.id, { complainant: 'Phan Văn Lực', content: 'Con tôi đủ 18 tuổi trước ngày bầu cử nhưng chưa có tên trong danh sách cử tri.', receivedOn: '2026-02-10' });
}
