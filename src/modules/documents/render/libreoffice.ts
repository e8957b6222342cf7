/**
 * Conversion of .docx files with LibreOffice (headless), for previews and
 * end-to-end checks of the Word output.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Path of the LibreOffice binary on PATH, or null when it is not installed. */
export async function findSoffice(): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d.length > 0);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here: keep looking
      }
    }
  }
  return null;
}

/**
 * Converts `docxPath` to PDF in `outDir` and returns the PDF path. Uses its own
 * throw-away LibreOffice profile so that concurrent conversions do not clash.
 */
export async function convertToPdf(docxPath: string, outDir: string, soffice?: string): Promise<string> {
  const bin = soffice ?? (await findSoffice());
  if (!bin) throw new Error('LibreOffice (soffice) is not installed');
  const profile = await mkdtemp(join(tmpdir(), 'nghitruong-lo-'));
  try {
    await run(
      bin,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docxPath).replace(/\.docx$/i, '') + '.pdf');
}

/** Text of a PDF (pdftotext, poppler-utils), pages separated by form feeds; `layout` keeps columns side by side. */
export async function pdfToText(pdfPath: string, layout = false): Promise<string> {
  const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdfPath, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 32 * 1024 * 1024 });
  return stdout.normalize('NFC');
}

/** Font names used in a PDF (pdffonts, poppler-utils). */
export async function pdfFonts(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdfPath]);
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name.length > 0);
}

/** Renders each PDF page to `<prefix>-N.png` (pdftoppm) at `dpi`. */
export async function pdfToPng(pdfPath: string, prefix: string, dpi = 60): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdfPath, prefix]);
}
