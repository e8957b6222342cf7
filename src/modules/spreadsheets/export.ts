// Turning a list into an .xlsx download, for any module: Vietnamese headers, dates as real dates,
// column widths, a frozen header row, and a Vietnamese file name.
//
//   return xlsxResponse({ fileName: 'So-van-ban-di-2026.xlsx', sheetName: 'Sổ văn bản đi',
//     title: 'SỔ VĂN BẢN ĐI NĂM 2026', columns: [...], rows });
import { z } from '@hono/zod-openapi';
import { writeXlsx, type ColumnSpec } from './write.ts';
import { XLSX_TYPE, fileResponse } from '../../server/download.ts';

export interface XlsxExport {
  /** With or without ".xlsx"; Vietnamese letters are kept (ASCII fallback in the header). */
  fileName: string;
  sheetName: string;
  /** Optional title row above the header. */
  title?: string;
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
}

export async function xlsxBytes(spec: XlsxExport): Promise<Uint8Array> {
  return writeXlsx({ sheetName: spec.sheetName, title: spec.title, columns: spec.columns, rows: spec.rows });
}

/** An HTTP response carrying the workbook as an attachment. */
export async function xlsxResponse(spec: XlsxExport): Promise<Response> {
  const bytes = await xlsxBytes(spec);
  const name = /\.xlsx$/i.test(spec.fileName) ? spec.fileName : `${spec.fileName}.xlsx`;
  return fileResponse(bytes, name, XLSX_TYPE);
}

/** The OpenAPI response declaration of an .xlsx download. */
export const xlsxOk = {
  description: 'Tệp Excel',
  content: { [XLSX_TYPE]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
};

/** The most rows one export writes (an export is the list without pagination). */
export const EXPORT_MAX = 200_000;
