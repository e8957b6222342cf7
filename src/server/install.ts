// Registers every module's permissions once per process.
import { modules } from '../modules/index.ts';
import { registerPermissions } from './permissions.ts';

let installed = false;
export function installModules(): void {
  if (installed) return;
  installed = true;
  for (const m of modules) if (m.permissions) registerPermissions(m.permissions);
}
