// `npm start` (through scripts/start.js, which checks the Node.js version first): builds the web
// client if needed, then starts the server; on a new database it loads the demo data (Đức Phổ,
// Quảng Ngãi).
import { buildWebIfStale } from './buildWeb.ts';

buildWebIfStale();
const { run } = await import('../src/cli/main.ts');
await run(['serve', '--demo']);
