// A small election for the election-day tests, built through the core's API: a province unit (3
// seats, 4 candidates) and a commune unit (2 seats, 3 candidates) over two polling areas of Sa
// Huỳnh, listed voters (invented, counts only matter), a Tổ for each area and a Ban for the
// commune unit, each with its member's account (role election_member on Sa Huỳnh's council).
import { randomUUID } from 'node:crypto';
import { voterEntries } from '../../src/modules/elections/votersSchema.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import type { Db } from '../../src/db/client.ts';
import { json } from '../petitions/support.ts';

export type DayFixture = Awaited<ReturnType<typeof buildDayElection>>;

type Client = { get(p: string): Promise<Response>; post(p: string, b?: unknown): Promise<Response>; put(p: string, b?: unknown): Promise<Response> };
/** A test app or a running server: its database, the demo ids, a signed-in client. */
export type DayHost = { db: Db; id(key: string): string; as(username: string): Promise<Client> };

/** A DayHost over a running server (e2e): fetch with the session cookie and the CSRF token. */
export function serverHost(baseUrl: string, db: Db, ids: Map<string, string>): DayHost {
  return {
    db,
    id: (k) => ids.get(k)!,
    async as(username) {
      const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}), put: (p, b) => call('PUT', p, b ?? {}) };
    },
  };
}

async function member(t: DayHost, username: string, fullName: string, councilId: string) {
  const u = await createUser(t.db, SYSTEM_ACTOR, { username, fullName, password: DEMO_PASSWORD, mustChangePassword: false });
  await grantRole(t.db, SYSTEM_ACTOR, u.id, { role: 'election_member', councilId, bodyId: null, agencyId: null });
  return u.id;
}

export async function addVoters(t: DayHost, e: { electionId: string; areaId: string; provinceCode: string; communeCode: string }, male: number, female: number) {
  const rows = Array.from({ length: male + female }, (_, i) => ({
    provinceCode: e.provinceCode, electionId: e.electionId, voterId: randomUUID(), version: 1, pollingAreaId: e.areaId, communeCode: e.communeCode, change: 'initial',
    fullName: `Cử tri thử nghiệm ${i + 1}`, nameKey: `cu tri thu nghiem ${i + 1}`, birthDate: '1980-01-01', sex: i < male ? 'male' : 'female', residenceKind: 'permanent',
    ballotNa: true, ballotProvince: true, ballotCommune: true, eligibilityReason: 'Thường trú', rowOrder: i + 1,
  }));
  await t.db.insert(voterEntries).values(rows);
}

export async function buildDayElection(t: DayHost, suffix = '') {
  const vpTinh = await t.as('vp.tinh');
  const vpXa = await t.as('vp.sahuynh');
  const prov = t.id('council:province');
  const sh = t.id('council:sa-huynh');
  const e = await json<{ id: string }>(vpTinh.post(`/api/councils/${prov}/elections`, { name: `Bầu cử thử nghiệm ngày bầu cử${suffix}`, electionDay: '2031-03-16', ballotTypes: ['province', 'commune'] }), 201);
  const pu = await json<{ id: string }>(vpTinh.post(`/api/councils/${prov}/elections/${e.id}/units`, { ballotType: 'province', number: 7, name: 'Đơn vị bầu cử số 7', seats: 3 }), 201);
  const cu = await json<{ id: string }>(vpXa.post(`/api/councils/${sh}/elections/${e.id}/units`, { ballotType: 'commune', number: 1, name: 'Đơn vị bầu cử số 1', seats: 2 }), 201);
  const provCands: { id: string }[] = [];
  for (const [i, n] of ['Trần Thị An', 'Lê Văn Bình', 'Phạm Văn Cường', 'Võ Thị Dung'].entries()) {
    provCands.push(await json(vpTinh.post(`/api/councils/${prov}/elections/${e.id}/units/${pu.id}/candidates`, { fullName: n, birthDate: `197${i}-05-0${i + 1}`, sex: i % 2 ? 'male' : 'female', listOrder: i + 1 }), 201));
  }
  const comCands: { id: string }[] = [];
  for (const [i, n] of ['Nguyễn Văn Hải', 'Đặng Thị Lan', 'Huỳnh Văn Minh'].entries()) {
    comCands.push(await json(vpXa.post(`/api/councils/${sh}/elections/${e.id}/units/${cu.id}/candidates`, { fullName: n, birthDate: `196${i + 5}-02-1${i}`, sex: i % 2 ? 'female' : 'male', listOrder: i + 1 }), 201));
  }
  const areas: { id: string; provinceCode: string; communeCode: string }[] = [];
  for (const n of [1, 2]) {
    areas.push(await json(vpXa.post(`/api/councils/${sh}/elections/${e.id}/areas`, { number: n, name: `Khu vực bỏ phiếu số ${n}`, kind: 'ordinary', provinceUnitId: pu.id, communeUnitId: cu.id }), 201));
  }
  await addVoters(t, { electionId: e.id, areaId: areas[0]!.id, provinceCode: areas[0]!.provinceCode, communeCode: areas[0]!.communeCode }, 40, 60);
  await addVoters(t, { electionId: e.id, areaId: areas[1]!.id, provinceCode: areas[1]!.provinceCode, communeCode: areas[1]!.communeCode }, 35, 45);
  const users = {
    to1: await member(t, `to1.sahuynh${suffix}`, 'Tổ trưởng khu vực 1', sh),
    to2: await member(t, `to2.sahuynh${suffix}`, 'Tổ trưởng khu vực 2', sh),
    ban1: await member(t, `ban1.sahuynh${suffix}`, 'Trưởng Ban bầu cử đơn vị 1', sh),
  };
  const bodies = [
    { kind: 'pollingTeam', name: 'Tổ bầu cử số 1', pollingAreaId: areas[0]!.id, userId: users.to1 },
    { kind: 'pollingTeam', name: 'Tổ bầu cử số 2', pollingAreaId: areas[1]!.id, userId: users.to2 },
    { kind: 'unitBoard', name: 'Ban bầu cử đơn vị số 1', electoralUnitId: cu.id, userId: users.ban1 },
  ];
  for (const b of bodies) {
    const { userId, ...body } = b;
    const created = await json<{ id: string }>(vpXa.post(`/api/councils/${sh}/elections/${e.id}/bodies`, body), 201);
    await json(vpXa.post(`/api/councils/${sh}/elections/${e.id}/bodies/${created.id}/members`, { fullName: 'Thành viên', position: 'chair', userId }), 201);
  }
  return {
    electionId: e.id, prov, sh, provinceUnitId: pu.id, communeUnitId: cu.id, provCands: provCands.map((c) => c.id), comCands: comCands.map((c) => c.id), areas: areas.map((a) => a.id),
    users: { to1: `to1.sahuynh${suffix}`, to2: `to2.sahuynh${suffix}`, ban1: `ban1.sahuynh${suffix}` },
    base: `/api/councils/${sh}/elections/${e.id}`,
  };
}

/** A balanced commune sheet for an area: 100 listed, 90 voted, 88 valid. */
export function commune(f: DayFixture, over: Record<string, unknown> = {}, votes?: number[]) {
  const v = votes ?? [70, 60, 40];
  return {
    figures: {
      votersOnList: 100, votersMale: 40, votersFemale: 60, votersVoted: 90, ballotsIssued: 90, ballotsReceived: 90, validBallots: 88, invalidBallots: 2,
      inventory: { supplied: 110, spoiled: 1, unused: 19 }, emptySlots: 176 - v.reduce((s, x) => s + x, 0),
      votes: Object.fromEntries(f.comCands.map((id, i) => [id, v[i]!])),
      ...over,
    },
    form: { teamLeader: 'Nguyễn Văn Tổ', secretary: 'Lê Thị Thư', members: 'Trần Văn Một; Phạm Thị Hai', boxCheckedAt: '06:45', boxWitnesses: 'Cử tri A, Cử tri B', votingClosedAt: '19:00', countWitnesses: 'Cử tri C, Cử tri D', inventoryMade: true, incidents: '', completedAt: '21:30' },
    overrides: {},
  };
}
