/**
 * Reading PDFs with poppler's command-line tools (pdfinfo, pdftotext, pdffonts; Debian package
 * poppler-utils). The parsers are pure and unit-tested; the run* functions are the thin I/O edge.
 */
import { execFileSync } from 'node:child_process';

export interface PdfInfo {
  pages: number;
  title: string | null;
  tagged: boolean;
  /** e.g. "594.96 x 841.92 pts (A4)" */
  pageSize: string | null;
  fileSize: number | null;
  producer: string | null;
}

/** `pdfinfo` output → the fields we use. */
export function parsePdfInfo(output: string): PdfInfo {
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(output);
    return m?.[1]?.trim() ?? null;
  };
  return {
    pages: Number(field('Pages') ?? 0),
    title: field('Title'),
    tagged: field('Tagged') === 'yes',
    pageSize: field('Page size'),
    fileSize: field('File size') ? Number.parseInt(field('File size') ?? '', 10) : null,
    producer: field('Producer'),
  };
}

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/**
 * `pdffonts` output → one row per font. Columns are split by words from the right (the font type may
 * hold spaces, "CID TrueType"; a long name pushes the columns right, so fixed widths are not safe):
 * name · type… · encoding · emb · sub · uni · object number · generation.
 */
export function parsePdfFonts(output: string): PdfFont[] {
  const lines = output.split('\n');
  const ruleAt = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (ruleAt < 0) return [];
  return lines.slice(ruleAt + 1).flatMap((line) => {
    const t = line.trim().split(/\s+/);
    if (t.length < 8) return [];
    const [emb, sub, uni] = t.slice(-5, -2);
    return [{ name: t[0] ?? '', type: t.slice(1, -6).join(' '), encoding: t.at(-6) ?? '', embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' }];
  });
}

/** Problems with a PDF's fonts for a gazette: not embedded, no Unicode map (text not extractable), Type 3. */
export function fontProblems(fonts: readonly PdfFont[]): string[] {
  const problems: string[] = [];
  for (const f of fonts) {
    const name = f.name || '[none]';
    if (!f.embedded) problems.push(`${name} (${f.type}) is not embedded`);
    if (!f.unicode) problems.push(`${name} (${f.type}) has no ToUnicode map: its text cannot be extracted`);
    if (f.type.startsWith('Type 3')) problems.push(`${name} is a Type 3 font (a system fallback font rasterised into the PDF)`);
  }
  return problems;
}

/** Characters that mark lost text in extracted PDF text: U+FFFD, and the tofu/missing-glyph boxes. */
export const LOST_GLYPHS = /[\uFFFD\u25A1\u2610\u{1F5C6}]|\.notdef/u;

const MAX_BUFFER = 256 * 1024 * 1024;

function tool(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(`${cmd} not found: install poppler-utils (sudo apt-get install poppler-utils).`);
    }
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export const runPdfInfo = (file: string): PdfInfo => parsePdfInfo(tool('pdfinfo', [file]));
export const runPdfDests = (file: string): string => tool('pdfinfo', ['-dests', file]);
export const runPdfFonts = (file: string): PdfFont[] => parsePdfFonts(tool('pdffonts', [file]));

/** The text of a PDF in reading order (pdftotext's default mode), pages separated by form feeds. */
export function runPdfText(file: string, range?: { first: number; last: number }): string {
  const args = ['-enc', 'UTF-8'];
  if (range) args.push('-f', String(range.first), '-l', String(range.last));
  return tool('pdftotext', [...args, file, '-']);
}
