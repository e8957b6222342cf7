// `npm start`: builds the web client when it is missing or older than its sources, then starts
// the server with demo data on first start.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const webSrc = path.join(root, 'src/web');
if (fs.existsSync(webSrc) && (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(webSrc))) {
  console.log('Đang dựng giao diện web (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}

const { main } = await import('../src/cli/main.ts');
const code = await main(['serve', '--demo']);
if (code >= 0) process.exit(code);
