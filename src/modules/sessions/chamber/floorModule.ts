// The floor's part of the chamber module (issue #12, attendance and speakers): its permissions,
// routes, menu entries and demo data, joined into `sessionsChamberModule` (index.ts) with one
// line each.
import type { MenuEntry } from '../../../server/module.ts';
import type { PermissionDef } from '../../../server/permissions.ts';
import type { Router } from '../../../server/route.ts';
import { attendanceRoutes } from './attendanceRoutes.ts';
import { speakersRoutes } from './speakersRoutes.ts';

export { seedFloor } from './floorSeed.ts';

export const floorPermissions: Record<string, PermissionDef> = {
  'chamber.floor': { label: 'Phòng họp: xem màn hình chủ tọa, điểm danh và danh sách phát biểu', roles: ['secretariat', 'standing_member'] },
  'chamber.attendance': { label: 'Điểm danh đại biểu tại kỳ họp (từng người hoặc nhiều người), cho cả kỳ họp hoặc từng nội dung', roles: ['secretariat'] },
  'chamber.speakers': { label: 'Điều hành danh sách phát biểu: thêm người phát biểu tại phòng họp, sắp xếp thứ tự, mời phát biểu, kết thúc lượt', roles: ['standing_member', 'secretariat'] },
  'chamber.checkin': { label: 'Đại biểu tự điểm danh trên điện thoại (khi Hội đồng nhân dân cho phép)', roles: ['delegate'] },
};

export function floorRoutes(r: Router) {
  attendanceRoutes(r);
  speakersRoutes(r);
}

export const floorMenu: MenuEntry[] = [
  { key: 'chamber', label: 'Phòng họp', path: '/councils/:councilId/chamber', icon: 'chamber', permission: 'chamber.floor', scope: 'council', group: 'sessions', order: 23 },
  { key: 'check-in', label: 'Điểm danh kỳ họp', path: '/councils/:councilId/check-in', icon: 'checkIn', permission: 'chamber.checkin', scope: 'council', group: 'sessions', order: 14 },
];
