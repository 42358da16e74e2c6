/**
 * Reading documents back in tests with the tools a person would use: LibreOffice opens the
 * .docx, poppler reads the PDFs. A missing tool fails the test with the command that installs it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The path of a command, or an error naming the Debian package that provides it. */
export function requireTool(command: string, debianPackage: string): string {
  const found = which(command);
  if (!found) {
    throw new Error(
      `"${command}" is not installed, and this test needs it. Install it with ` +
        `"apt-get install -y --no-install-recommends ${debianPackage}" (scripts/system-deps.sh does this as root).`,
    );
  }
  return found;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kyniem-${prefix}-`));
}

/** Text of a PDF (or of some pages), NFC, with runs of white space made one space. */
export async function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  requireTool('pdftotext', 'poppler-utils');
  const dir = tempDir('pdf');
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 32 * 1024 * 1024 });
    return stdout.normalize('NFC').replace(/\s+/g, ' ').trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type PdfInfo = { pages: number; widthPt: number; heightPt: number; producer: string };

export async function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  requireTool('pdfinfo', 'poppler-utils');
  const dir = tempDir('pdf');
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1] ?? '';
    const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
    return {
      pages: Number(field('Pages')),
      widthPt: Number(size?.[1] ?? NaN),
      heightPt: Number(size?.[2] ?? NaN),
      producer: field('Producer'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens a .docx in LibreOffice (headless, its own profile) and exports it to PDF. */
export async function docxToPdfWithLibreOffice(docx: Buffer): Promise<Buffer> {
  const soffice = requireTool('soffice', 'libreoffice-writer-nogui');
  const dir = tempDir('lo');
  try {
    const file = path.join(dir, 'document.docx');
    fs.writeFileSync(file, docx);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000 },
    );
    const out = path.join(dir, 'document.pdf');
    if (!fs.existsSync(out)) throw new Error('LibreOffice did not produce a PDF from the .docx');
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The names of the fonts a PDF uses (subset prefixes dropped). */
export async function pdfFonts(pdf: Buffer): Promise<string[]> {
  requireTool('pdffonts', 'poppler-utils');
  const dir = tempDir('pdf');
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
      .filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
