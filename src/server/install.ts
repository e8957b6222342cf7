// Registers every module's permissions and notification kinds once per process.
import { modules } from '../modules/index.ts';
import { registerPermissions } from './permissions.ts';
import { registerNotificationKinds } from '../modules/notifications/service.ts';

let installed = false;
export function installModules(): void {
  if (installed) return;
  installed = true;
  for (const m of modules) {
    if (m.permissions) registerPermissions(m.permissions);
    if (m.notificationKinds) registerNotificationKinds(m.notificationKinds);
  }
}
