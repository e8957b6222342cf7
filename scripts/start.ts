// `npm start`: builds the web client if needed, then starts the server; on a new database it
// loads the demo data (Đức Phổ, Quảng Ngãi).
import { buildWebIfStale } from './buildWeb.ts';

buildWebIfStale();
const { main } = await import('../src/cli/main.ts');
const code = await main(['serve', '--demo']);
if (code >= 0) process.exit(code);
