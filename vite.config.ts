// Web client build: React + Ant Design, served in production by the app server from dist/web.
// Two entries: index.html (the app shell, Ant Design) and public.html (the login page and the
// public pages: plain React and a little CSS, so the first page a visitor opens stays small).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes name.br and name.gz beside every text file of the build; the server picks one per request. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'nt-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))
        .map((f) => path.join(outDir, f));
      await Promise.all(
        files.map(async (file) => {
          const plain = fs.readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength } }),
            gzip(plain, { level: 9 }),
          ]);
          fs.writeFileSync(`${file}.br`, br);
          fs.writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: { app: path.resolve(import.meta.dirname, 'src/web/index.html'), public: path.resolve(import.meta.dirname, 'src/web/public.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
