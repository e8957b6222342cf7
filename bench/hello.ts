// The throughput bench's baseline: a bare Hono hello-world on the same server adapter as the app.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('Hello'));
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, (info) => console.log(`hello-world đang chạy tại http://localhost:${info.port}`));
