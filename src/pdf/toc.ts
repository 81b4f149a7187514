/**
 * The issue PDF's table of contents holds the PDF's real page numbers. They are found, not guessed:
 *
 * 1. The print view gives every document a container with id `doc-<slug>`, and every TOC entry a link to
 *    it plus a page-number slot of fixed width (`<span class="toc-page" data-toc-page="<slug>">`).
 * 2. Chromium writes a PDF named destination for every id, with its page (pdf-read.ts reads them):
 *    render once, read the page of each `doc-<slug>` destination (the marker).
 * 3. Put the numbers into the slots and render again. The slots are fixed-width and right-aligned, so the
 *    numbers cannot move anything; the second render's destinations must equal the first's (checked, and
 *    repeated until they agree, a few times at most).
 * 4. As an independent check, each document's title must be in the text of its page.
 *
 * Everything here is pure: text in, data out. The browser and the PDF reading live in render.ts / pdf-read.ts.
 */
import { documentAnchor } from './ids.ts';

/** What an unresolved page slot shows (same width as two digits in the print view's tabular figures). */
export const TOC_PLACEHOLDER = '··';

/** Page of every document's marker destination; throws naming the documents without one. */
export function documentPages(dests: Map<string, number>, slugs: readonly string[]): Record<string, number> {
  const pages: Record<string, number> = {};
  const missing: string[] = [];
  for (const slug of slugs) {
    const page = dests.get(documentAnchor(slug));
    if (page === undefined) missing.push(slug);
    else pages[slug] = page;
  }
  if (missing.length > 0) {
    throw new Error(`PDF has no destination for ${missing.map((s) => `#${documentAnchor(s)}`).join(', ')}: is the document missing from the print view?`);
  }
  return pages;
}

export function samePages(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * For matching text across line breaks: drop whitespace, and ASCII hyphens too, so a title matches whether
 * a text extractor keeps the hyphen a line was broken after or drops it (「(2021-」 + 「2035年)」).
 */
export const squash = (s: string): string => s.replace(/[\s\u00AD-]+/g, '');

/** 1-based pages whose text contains `needle` (whitespace ignored, so wrapped lines still match). */
export function pagesContaining(pages: readonly string[], needle: string): number[] {
  const n = squash(needle);
  return pages.flatMap((p, i) => (squash(p).includes(n) ? [i + 1] : []));
}

export interface TocCheckEntry {
  slug: string;
  title: string;
  page: number;
}

/** How far into its page (in non-space characters) a document title may begin: room for a section heading. */
const TITLE_SLACK = 40;

/**
 * The independent check of step 4: every document starts at the top of the page its TOC entry names — its
 * title is among the first characters of that page's text (after at most a short section heading). A title
 * mentioned further down a page (a citation, the TOC itself) does not count. Returns problems in plain
 * words (empty when all is well).
 */
export function checkTocPages(pages: readonly string[], entries: readonly TocCheckEntry[]): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    const here = pages[e.page - 1];
    if (here === undefined) {
      problems.push(`${e.slug}: TOC says page ${e.page}, but the PDF has ${pages.length} pages`);
      continue;
    }
    const at = squash(here).indexOf(squash(e.title));
    if (at < 0 || at > TITLE_SLACK) {
      const actual = pagesContaining(pages, e.title);
      problems.push(`${e.slug}: the title 「${e.title}」 does not open page ${e.page}${actual.length ? ` (found on page ${actual.join(', ')})` : ''}`);
    }
  }
  return problems;
}

const SLOT = /(<span\b[^>]*\bdata-toc-page="([^"]+)"[^>]*>)([^<]*)(<\/span>)/g;

/** Writes the page numbers into the print view's TOC slots (unknown slugs keep the placeholder). */
export function fillTocPages(html: string, pages: Record<string, number>): string {
  return html.replace(SLOT, (_m, open: string, slug: string, _old: string, close: string) => `${open}${pages[slug] ?? TOC_PLACEHOLDER}${close}`);
}

/** The print view as Astro wrote it, whatever numbers a previous PDF run put in (for the cache key). */
export function resetTocPages(html: string): string {
  return html.replace(SLOT, (_m, open: string, _slug: string, _old: string, close: string) => `${open}${TOC_PLACEHOLDER}${close}`);
}

/** The TOC slots of a print view, in order: slug → the number shown (null while unresolved). */
export function readTocPages(html: string): { slug: string; page: number | null }[] {
  return [...html.matchAll(SLOT)].map((m) => ({ slug: m[2] ?? '', page: /^\d+$/.test(m[3] ?? '') ? Number(m[3]) : null }));
}
