// Builds the web client (vite build) when dist/web is missing or older than src/web.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export function buildWebIfStale(): void {
  const built = path.join(root, 'dist/web/index.html');
  const sources = Math.max(newest(path.join(root, 'src/web')), newest(path.join(root, 'vite.config.ts')));
  if (!fs.existsSync(path.join(root, 'src/web'))) return;
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('Đang dựng giao diện web (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}
