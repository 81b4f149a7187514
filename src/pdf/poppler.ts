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

/**
 * Problems with a PDF's fonts for a gazette, one line per kind: fonts not embedded, fonts without a Unicode
 * map (their text cannot be extracted), Type 3 fonts (what Chromium makes of a system fallback font).
 */
export function fontProblems(fonts: readonly PdfFont[]): string[] {
  const names = (list: PdfFont[]) => [...new Set(list.map((f) => f.name || '[none]'))].slice(0, 5).join(', ');
  const problems: string[] = [];
  const notEmbedded = fonts.filter((f) => !f.embedded);
  const noUnicode = fonts.filter((f) => !f.unicode);
  const type3 = fonts.filter((f) => f.type.startsWith('Type 3'));
  if (notEmbedded.length) problems.push(`${notEmbedded.length} font(s) not embedded: ${names(notEmbedded)}`);
  if (noUnicode.length) problems.push(`${noUnicode.length} font(s) without a ToUnicode map, their text cannot be extracted: ${names(noUnicode)}`);
  if (type3.length) problems.push(`${type3.length} Type 3 font(s): a system fallback font was used instead of the embedded web font`);
  return problems;
}

/**
 * Marks of lost text in extracted PDF text: U+FFFD (a glyph without a Unicode mapping) and poppler's
 * .notdef. (□ is not in the list: gazettes print it on purpose, in forms. A glyph missing from the web font
 * shows up instead as a fallback font in pdffonts, which the checks require to be the web font alone.)
 */
export const LOST_GLYPHS = /\uFFFD|\.notdef/u;

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
