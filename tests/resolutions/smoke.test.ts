import { it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createTestApp } from '../support/app.ts';
import { documents } from '../../src/modules/documents/schema.ts';
it('smoke', async () => {
  const t = await createTestApp('pglite');
  const rows = await t.db.select().from(documents);
  mkdirSync('/tmp/resdocs', { recursive: true });
  for (const d of rows.filter((x) => ['resolution', 'session_minutes', 'session_conclusion'].includes(x.templateKey))) writeFileSync(`/tmp/resdocs/${d.templateKey}-${d.number}.docx`, d.docx);
  await t.close();
}, 300000);
