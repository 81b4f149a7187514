import type { APIRoute } from 'astro';
import { allDocuments, allIssues } from '../site/content.ts';
import { documentPath, editorialPath, issuePath } from '../gazette/urls.ts';
import { escapeHtml } from '../site/forwarders.ts';
import { href } from '../site/url.ts';
import { allEditorial } from '../site/editorial/entries.ts';

export const GET: APIRoute = async ({ site }) => {
  const abs = (p: string) => new URL(href(p), site).href;
  const entries: Array<[string, string | null]> = [
    ['/', null],
    ['/issues/', null],
    ['/documents/', null],
    ...(await allIssues()).map((i): [string, string | null] => [issuePath(i), i.published]),
    ...(await allDocuments()).map((d): [string, string | null] => [documentPath(d.id), d.date]),
    ['/editorial/', null],
    ...(await allEditorial()).map((e): [string, string | null] => [editorialPath(e.id), e.data.date]),
  ];
  const body = entries
    .map(([p, date]) => `  <url><loc>${escapeHtml(abs(p))}</loc>${date ? `<lastmod>${date}</lastmod>` : ''}</url>`)
    .join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
