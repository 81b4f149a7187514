/**
 * Reading the PDFs we write, in-process with pdfjs-dist (no poppler, nothing to install): page count, title,
 * tagged or not, page size, named destinations → page, text per page, fonts per page. The export checks
 * (render.ts) and the e2e tests read PDFs through here. The functions that interpret what pdfjs returns are
 * pure and unit-tested; openPdf is the thin I/O edge.
 */
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PdfInfo {
  pages: number;
  title: string | null;
  /** The catalog's /MarkInfo says /Marked true: a tagged PDF. */
  tagged: boolean;
  /** Size of the first page in points. */
  width: number;
  height: number;
}

export interface PdfFont {
  /** Base font name, e.g. "AAAAAA+NotoSerifSCExtraLight-Bold". */
  name: string;
  /** In poppler's words: "CID TrueType", "Type 3", "TrueType", … */
  type: string;
  embedded: boolean;
  /** A Unicode map the text can be extracted with. */
  unicode: boolean;
  /** 1-based pages that use the font. */
  pages: number[];
}

/** What pdfjs tells about a font (with fontExtraProperties): the fields we use. */
export interface PdfjsFont {
  name?: string;
  type?: string;
  missingFile?: boolean;
  isType3Font?: boolean;
  toUnicode?: { _map?: unknown[]; firstChar?: number } | null;
}

const FONT_TYPES: Record<string, string> = {
  CIDFontType2: 'CID TrueType',
  CIDFontType0: 'CID Type 0C',
  Type3: 'Type 3',
  Type1: 'Type 1',
  Type1C: 'Type 1C',
  TrueType: 'TrueType',
  OpenType: 'OpenType',
};

/** A pdfjs font → our PdfFont (without pages). */
export function describeFont(font: PdfjsFont): Omit<PdfFont, 'pages'> {
  const type = font.isType3Font ? 'Type 3' : (FONT_TYPES[font.type ?? ''] ?? font.type ?? 'unknown');
  const map = font.toUnicode;
  // An identity map (firstChar/lastChar) or a ToUnicode table with at least one entry.
  const unicode = !!map && (map.firstChar !== undefined || (map._map ?? []).some((v) => v !== undefined && v !== null));
  // A Type 3 font is its own glyph programs: embedded by nature.
  return { name: font.name || '[none]', type, embedded: type === 'Type 3' || !font.missingFile, unicode };
}

/**
 * The text of one page from pdfjs text items, in content order: a line break where pdfjs saw one, a tab
 * where text on one line jumps more than two characters' width (a TOC page number at the right edge, a
 * table's next column), so such pieces stay apart.
 */
export function pageText(items: readonly Pick<TextItem, 'str' | 'hasEOL' | 'transform' | 'width'>[]): string {
  let out = '';
  let last: { x: number; y: number; size: number } | null = null;
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(a, b);
    if (item.str.trim() !== '') {
      const gap = last && Math.abs(y - last.y) < last.size / 2 ? x - last.x : 0;
      if (last && gap > 2 * last.size) out = `${out.trimEnd()}\t`;
      out += item.str;
      last = { x: x + item.width, y, size };
    } else if (!item.hasEOL) {
      out += item.str;
    }
    if (item.hasEOL) {
      out += '\n';
      last = null;
    }
  }
  return out;
}

/** A4 is 595.28 × 841.89 pt; Chromium writes 594.96 × 841.92. */
export const isA4 = (width: number, height: number): boolean => Math.abs(width - 595.28) < 1.5 && Math.abs(height - 841.89) < 1.5;

/**
 * Problems with a PDF's fonts for a gazette, one line per kind: fonts not embedded, fonts without a Unicode
 * map (their text cannot be extracted), Type 3 fonts (what Chromium makes of a system fallback font or of a
 * synthetic bold: the real weights must be self-hosted).
 */
export function fontProblems(fonts: readonly PdfFont[]): string[] {
  const names = (list: PdfFont[]) => [...new Set(list.map((f) => f.name))].slice(0, 5).join(', ');
  const where = (list: PdfFont[]) => [...new Set(list.flatMap((f) => f.pages))].sort((a, b) => a - b).slice(0, 5).join(', ');
  const problems: string[] = [];
  const notEmbedded = fonts.filter((f) => !f.embedded);
  const noUnicode = fonts.filter((f) => !f.unicode);
  const type3 = fonts.filter((f) => f.type === 'Type 3');
  if (notEmbedded.length) problems.push(`${notEmbedded.length} font(s) not embedded: ${names(notEmbedded)}`);
  if (noUnicode.length) problems.push(`${noUnicode.length} font(s) without a Unicode map, their text cannot be extracted: ${names(noUnicode)}`);
  if (type3.length) problems.push(`${type3.length} Type 3 font(s) (page ${where(type3)}): a system fallback font or a synthetic bold instead of the self-hosted font`);
  return problems;
}

/**
 * Marks of lost text in extracted PDF text: U+FFFD, a glyph without a Unicode mapping. (□ is not in the list:
 * gazettes print it on purpose, in forms. A glyph missing from the web font shows up instead as a fallback
 * font, which the checks require to be the web font alone.)
 */
export const LOST_GLYPHS = /\uFFFD/u;

export interface PdfReader {
  info: PdfInfo;
  /** Named destination → 1-based page. */
  destinations(): Promise<Map<string, number>>;
  /** The text of pages first…last (1-based, default all), one string per page. */
  pageTexts(range?: { first: number; last: number }): Promise<string[]>;
  /** Every font the pages use, with the pages that use it. */
  fonts(): Promise<PdfFont[]>;
  close(): Promise<void>;
}

/**
 * Loads pdfjs's worker code into this thread ahead of the first read (pdfjs takes globalThis.pdfjsWorker when
 * it is set, instead of importing it then): the first PDF read otherwise waits ≈ 0.5 s for it.
 */
export async function preparePdfReader(): Promise<void> {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** Opens a PDF (its bytes) for reading. Call close() when done. */
export async function openPdf(bytes: Uint8Array): Promise<PdfReader> {
  // pdfjs takes over the buffer it is given: hand it a copy.
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(bytes), fontExtraProperties: true, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const [meta, mark, first] = await Promise.all([doc.getMetadata(), doc.getMarkInfo(), doc.getPage(1)]);
  const title = (meta.info as { Title?: string }).Title;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = first.view;
  const info: PdfInfo = { pages: doc.numPages, title: title || null, tagged: mark?.Marked === true, width: x1 - x0, height: y1 - y0 };
  const pageNumbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    info,
    async destinations() {
      const pages = new Map<string, number>();
      for (const [name, dest] of Object.entries(await doc.getDestinations())) {
        const target = dest?.[0];
        if (target === undefined || target === null) continue;
        const index = typeof target === 'number' ? target : await doc.getPageIndex(target);
        pages.set(name, index + 1);
      }
      return pages;
    },
    async pageTexts(range) {
      const texts: string[] = [];
      for (const n of pageNumbers(range?.first ?? 1, Math.min(range?.last ?? doc.numPages, doc.numPages))) {
        const content = await (await doc.getPage(n)).getTextContent();
        texts.push(pageText(content.items.filter((i): i is TextItem => 'str' in i)));
      }
      return texts;
    },
    async fonts() {
      const fonts = new Map<string, PdfFont>();
      for (const n of pageNumbers(1, doc.numPages)) {
        const page = await doc.getPage(n);
        const ops = await page.getOperatorList();
        for (let k = 0; k < ops.fnArray.length; k++) {
          if (ops.fnArray[k] !== OPS.setFont) continue;
          const font = describeFont(page.commonObjs.get((ops.argsArray[k] as [string])[0]) as PdfjsFont);
          const key = `${font.name} ${font.type}`;
          const seen = fonts.get(key) ?? { ...font, pages: [] };
          if (seen.pages.at(-1) !== n) seen.pages.push(n);
          fonts.set(key, seen);
        }
      }
      return [...fonts.values()];
    },
    close: () => doc.destroy(),
  };
}
