/** Atom feed of issues, documents and editorial pages, newest first. Dates come from the sources, so the feed is reproducible. */
import type { APIRoute } from 'astro';
import { allDocuments, allIssues } from '../site/content.ts';
import { documentPath, editorialPath, issuePath } from '../gazette/urls.ts';
import { escapeHtml } from '../site/forwarders.ts';
import { GAZETTE, issueLabel } from '../site/gazette.ts';
import { href } from '../site/url.ts';
import { allEditorial } from '../site/editorial/entries.ts';
import { documentSummary } from '../site/feed.ts';

const day = (iso: string | null): string => `${iso ?? '1970-01-01'}T00:00:00Z`;

export const GET: APIRoute = async ({ site }) => {
  const abs = (p: string) => new URL(href(p), site).href;
  const items = [
    ...(await allIssues()).map((i) => ({ id: abs(issuePath(i)), title: `${i.gazette} ${issueLabel(i)}`, updated: day(i.published), summary: `${i.gazette} ${issueLabel(i)}` })),
    ...(await allDocuments()).map((d) => ({
      id: abs(documentPath(d.id)),
      title: d.title,
      updated: day(d.date),
      summary: documentSummary(d),
    })),
    ...(await allEditorial()).map((e) => ({ id: abs(editorialPath(e.id)), title: e.data.title, updated: day(e.data.date), summary: e.data.summary })),
  ].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  const updated = items[0]?.updated ?? day(null);
  const entries = items
    .map(
      (e) => `  <entry>
    <id>${escapeHtml(e.id)}</id>
    <title>${escapeHtml(e.title)}</title>
    <link href="${escapeHtml(e.id)}"/>
    <updated>${e.updated}</updated>
    <summary>${escapeHtml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeHtml(abs('/'))}</id>
  <title>${escapeHtml(GAZETTE.name)}</title>
  <link href="${escapeHtml(abs('/'))}"/>
  <link rel="self" href="${escapeHtml(abs('/feed.xml'))}"/>
  <updated>${updated}</updated>
  <author><name>${escapeHtml(GAZETTE.publisher)}</name></author>
${entries}
</feed>
`;
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
