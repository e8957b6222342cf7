// The chamber of the sessions module (issue #12): attendance and the floor (floorModule.ts); votes
// join here. Registered after `sessionsPortal`.
import type { AppModule } from '../../../server/module.ts';
import { floorMenu, floorPermissions, floorRoutes, seedFloor } from './floorModule.ts';

export const sessionsChamberModule: AppModule = {
  name: 'sessionsChamber',
  permissions: { ...floorPermissions },
  routes: (r) => {
    floorRoutes(r);
  },
  menu: [...floorMenu],
  seedDemo: async (ctx) => {
    await seedFloor(ctx);
  },
};
