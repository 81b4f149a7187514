/**
 * The ledger's "published" is what a reader sees (src/gazette/shown.ts): for every issue and document of
 * the project's build (`npm test` has just built dist/), the text of every field on the shown lists is on
 * its page or in its API file — so a field the ledger counts cannot quietly drop off the renderers
 * (src/pages/issues/[year]/[number]/index.astro, src/pages/documents/[slug]/index.astro, src/site/api.ts).
 * The switches below are exhaustive over the lists: a field added to a list needs its case here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, GazetteDocument, Issue } from '../../src/gazette/model.ts';
import { DERIVED_DOCUMENT_FIELDS, DERIVED_ISSUE_FIELDS, SHOWN_DOCUMENT_FIELDS, SHOWN_ISSUE_FIELDS } from '../../src/gazette/shown.ts';
import type { ReadingDecision } from '../../src/gazette/schema.ts';
import { applyReadings } from '../../src/site/readings.ts';

const dist = resolve('dist');
const content = resolve('content');
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Visible text of a page: tags dropped, the few entities Astro writes decoded. */
const pageText = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every string of a JSON value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]) : [];

const never = (x: never): never => {
  throw new Error(`no case for ${String(x)}`);
};

function issueTexts(i: Issue, field: (typeof SHOWN_ISSUE_FIELDS)[number]): string[] {
  switch (field) {
    case 'motto':
    case 'captions':
      return i[field];
    case 'sections':
      return i.sections.flatMap((s) => [s.title, ...s.entries.map((e) => e.title)]);
    case 'editorialBoard':
      return i.editorialBoard.flatMap((r) => [r.role, ...r.names]);
    case 'masthead':
      return Object.entries(i.masthead).flat();
    case 'about':
    case 'statement':
      return i[field] ? [i[field]] : [];
    default:
      return never(field);
  }
}

const blockTexts = (bs: readonly Block[]): string[] =>
  bs.flatMap((b) =>
    b.type === 'clause'
      ? [b.label, b.text, ...blockTexts(b.children)]
      : b.type === 'table'
        ? [b.table.caption ?? '', ...[...b.table.header, ...b.table.rows].flatMap((r) => r.cells.map((c) => c.text))]
        : b.type === 'entry'
          ? [b.printedDate ?? '', b.text]
          : [b.text],
  );

function documentTexts(d: GazetteDocument, field: (typeof SHOWN_DOCUMENT_FIELDS)[number]): string[] {
  switch (field) {
    case 'printedTitle':
    case 'addressees':
    case 'notice':
    case 'planTitle':
      return d[field] ? [d[field]] : [];
    case 'docNumber':
      return d.docNumber ? [d.docNumber.printed] : [];
    case 'signature':
      return [d.signature.issuer ?? '', d.signature.date ?? ''];
    case 'body':
      return blockTexts(d.body);
    case 'attachments':
      return d.attachments.flatMap((a) => [a.label, a.title ?? '', ...blockTexts(a.body)]);
    case 'meta':
      return Object.entries(d.meta).flat();
    default:
      return never(field);
  }
}

const json = <T,>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.json'));

describe.skipIf(!existsSync(join(dist, 'index.html')))('every shown field is on a page or in the API', () => {
  const issues = jsonFiles(join(content, 'issues')).map((n) => json<Issue & { documents: string[] }>(join(content, 'issues', n)));
  const documents = jsonFiles(join(content, 'documents')).map((n) => json<GazetteDocument>(join(content, 'documents', n)));

  it('lists every field of an issue and a document as shown or derived', () => {
    for (const i of issues) expect(Object.keys(i).filter((k) => ![...SHOWN_ISSUE_FIELDS, ...DERIVED_ISSUE_FIELDS, 'documents', 'findings'].includes(k as never))).toEqual([]);
    const published = ['id', 'issue', 'sources', 'variants', 'citations', 'citedBy', 'inferredDocNumber', 'findings'];
    for (const d of documents) expect(Object.keys(d).filter((k) => ![...SHOWN_DOCUMENT_FIELDS, ...DERIVED_DOCUMENT_FIELDS, ...published].includes(k as never))).toEqual([]);
  });

  it.each(issues.map((i) => [i.id, i] as const))('issue %s', (_, i) => {
    const shown = squeeze(pageText(readFileSync(join(dist, 'issues', String(i.year), String(i.number), 'index.html'), 'utf8')) + strings(json(join(dist, 'api/issues', `${i.id}.json`))).join(''));
    for (const field of SHOWN_ISSUE_FIELDS) for (const t of issueTexts(i, field)) expect(shown, `${field}: ${t}`).toContain(squeeze(t));
  });

  it('issue 2023-4 shows its 7 photo captions (001 l.846–858) and the inside-cover statement on its page', () => {
    const page = squeeze(pageText(readFileSync(join(dist, 'issues/2023/4/index.html'), 'utf8')));
    const issue = issues.find((i) => i.id === '2023-4')!;
    expect(issue.captions).toHaveLength(7);
    for (const c of issue.captions) expect(page).toContain(squeeze(c));
    expect(page).toContain('政府公报所登文件与正式文件具有同等效力');
  });

  // An editor's reading decision (content/editorial/readings.json) replaces a printed phrase in the text shown;
  // the printed phrase itself is still on the page, in the decision's note.
  const decisions = json<ReadingDecision[]>(join(content, 'editorial', 'readings.json'));
  const decidedFor = (d: GazetteDocument) => decisions.filter((r) => r.document === d.id || r.document === d.docNumber?.normalized);

  it.each(documents.map((d) => [d.id, d] as const))('document %s', (_, d) => {
    const shown = squeeze(pageText(readFileSync(join(dist, 'documents', d.id, 'index.html'), 'utf8')) + strings(json(join(dist, 'api/documents', `${d.id}.json`))).join(''));
    const published = applyReadings(d, decidedFor(d)).doc;
    for (const field of SHOWN_DOCUMENT_FIELDS) for (const t of documentTexts(published, field)) expect(shown, `${field}: ${t.slice(0, 40)}`).toContain(squeeze(t));
    for (const r of decidedFor(d)) expect(shown, `校勘决定 ${r.id}`).toContain(squeeze(`「${r.printed}」`));
  });

  it('finds the three seed decisions of 26号, so the case above is exercised', () => {
    expect(decidedFor(documents.find((d) => d.id === 'jzbf-2022-26')!).map((r) => r.clause)).toEqual(['p2-s5-i20', 'p2-s3-i14', 'p2-s3-i12']);
  });
});
