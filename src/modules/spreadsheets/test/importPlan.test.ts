import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toTcvn3 } from '../../../domain/text/legacy.ts';
import type { Db } from '../../../db/client.ts';
import { commitImport, planImport, PREVIEW_ROWS, type FieldSpec } from '../index.ts';

const FIELDS: FieldSpec[] = [
  { key: 'code', label: 'Mã', required: true, schema: z.string().max(5) },
  { key: 'name', label: 'Tên', aliases: ['Tên đơn vị'], required: true, schema: z.string() },
];

const csv = (text: string) => new TextEncoder().encode(text);

describe('planImport', () => {
  it('maps, plans each row, adds checks over all rows, sorts the errors and previews the first rows', async () => {
    const lines = ['Mã,Tên đơn vị', `01,${toTcvn3('Thuận Hóa')}`, '02,Phú Xuân', '123456,Quá dài', '04,Bỏ', '05,Hương Trà'];
    const plan = await planImport({
      data: csv(lines.join('\n')),
      fileName: 'x.csv',
      fields: FIELDS,
      legacy: 'convert',
      row: (r, { row, reject, column }) => (r.name === 'Bỏ' ? reject(column('name'), 'bị bỏ.') : { row, code: String(r.code), name: String(r.name) }),
      check: (rows, reject) => {
        for (const r of rows) if (r.code === '01') reject(r.row, 'Mã', 'kiểm tra chung.');
      },
      preview: ({ code, name }) => `${code} ${name}`,
    });
    expect(plan.mapping).toEqual({ code: 'Mã', name: 'Tên đơn vị' });
    expect(plan.total).toBe(5);
    expect(plan.rows.map((r) => r.name)).toEqual(['Thuận Hóa', 'Phú Xuân', 'Hương Trà']);
    expect(plan.preview).toEqual(['01 Thuận Hóa', '02 Phú Xuân', '05 Hương Trà']);
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Mã'], [4, 'Mã'], [5, 'Tên đơn vị']]);
    expect(plan.errors[0]!.message).toBe('Dòng 2: kiểm tra chung.');
    expect(plan.errors[2]!.message).toBe('Dòng 5: bị bỏ.');
  });

  it('keeps legacy text when asked, previews at most PREVIEW_ROWS rows, and turns an unreadable file into a 422', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${toTcvn3('Thuận Hóa')}`);
    const plan = await planImport({
      data: csv(['Mã,Tên', ...rows].join('\n')),
      fileName: 'x.csv',
      fields: FIELDS,
      legacy: 'keep',
      row: (r, { row }) => ({ row, name: String(r.name) }),
      preview: (r) => r.name,
    });
    expect(plan.rows).toHaveLength(30);
    expect(plan.preview).toHaveLength(PREVIEW_ROWS);
    expect(plan.rows[0]!.name).toBe(toTcvn3('Thuận Hóa'));
    await expect(
      planImport({ data: new Uint8Array(), fileName: 'x.csv', fields: FIELDS, legacy: 'keep', row: () => 1, preview: (r) => r }),
    ).rejects.toMatchObject({ status: 422, message: 'Tệp "x.csv" rỗng (0 byte).' });
  });
});

describe('commitImport', () => {
  const noDb = {
    transaction: () => {
      throw new Error('must not be reached');
    },
  } as unknown as Db;
  const actor = { id: null, name: 'Thử' };
  const write = async () => ({ result: 1, event: { action: 'x', entityType: 'x', entityId: 'x' } });

  it('refuses a plan with errors or without rows before opening a transaction', async () => {
    const errors = [{ row: 2, column: 'Mã', message: 'Dòng 2: sai.' }];
    await expect(commitImport(noDb, actor, { errors, count: 1, write })).rejects.toMatchObject({
      status: 422,
      message: 'Tệp có 1 lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại.',
      details: errors,
    });
    await expect(commitImport(noDb, actor, { errors: [], count: 0, write })).rejects.toMatchObject({ message: 'Tệp không có dòng dữ liệu nào.' });
    await expect(
      commitImport(noDb, actor, { errors, count: 1, write, nothingWritten: 'chưa ghi ý kiến nào' }),
    ).rejects.toMatchObject({ message: 'Tệp có 1 lỗi; chưa ghi ý kiến nào. Hãy sửa rồi nhập lại.' });
  });

  it('writes and records the event in one transaction', async () => {
    const inserted: unknown[] = [];
    const tx = { insert: () => ({ values: async (v: unknown) => void inserted.push(v) }) };
    const db = { transaction: async (fn: (t: unknown) => Promise<unknown>) => fn(tx) } as unknown as Db;
    expect(await commitImport(db, actor, { errors: [], count: 1, write })).toBe(1);
    expect(inserted).toMatchObject([{ actorName: 'Thử', action: 'x', entityType: 'x', entityId: 'x' }]);
  });
});
