// Reading one uploaded file from a multipart form, with a size limit and a Vietnamese error.
import { invalid } from './errors.ts';

export interface UploadedFile {
  data: Uint8Array;
  name: string;
  type: string;
}

export async function uploadedFile(form: { file?: unknown }, opts: { maxBytes: number; missing: string }): Promise<UploadedFile> {
  const f = form.file;
  if (!f || typeof f !== 'object' || !('arrayBuffer' in f)) throw invalid(opts.missing);
  const file = f as File;
  if (file.size > opts.maxBytes) throw invalid(`Tệp lớn quá ${Math.round(opts.maxBytes / 1024 / 1024)} MB.`);
  return { data: new Uint8Array(await file.arrayBuffer()), name: file.name || 'tep', type: file.type };
}
