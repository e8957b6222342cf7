// The throughput bench's second baseline: a bare Hono server that reads PostgreSQL once per request
// — one small prepared statement (the app's cache-version read) on a pool of the app's size — and
// answers its rows as JSON. It is the least a server pays that checks the database at every
// request: what the app's list and search cost beyond it is the app's own.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = new Hono();
app.get('/', async (c) => {
  const { rows } = await pool.query({ name: 'versions', text: 'select name, version from cache_versions' });
  return c.json({ items: rows });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, (info) => console.log(`hello-world + CSDL đang chạy tại http://localhost:${info.port}`));
