/**
 * Links that survive systems which drop '#': a tiny static page per clause (/c/<slug>/<clause-id>/) and per
 * 发文字号 (/n/<number>/) that forwards to the anchor, and carries Open Graph/Twitter meta so a link pasted into
 * a chat shows the clause. Written after `astro build` as plain files: an archive has hundreds of thousands of
 * clauses, far too many to route through Astro's page pipeline.
 */
import type { GazetteDocument } from '../gazette/model.ts';
import { citation, documentClauses, documentOutline, flatOutline } from '../gazette/blocks.ts';
import { clauseAnchorPath, clauseShortPath, documentPath, numberPath, withBase } from '../gazette/urls.ts';

export interface ForwarderFile {
  /** Path inside the site folder, e.g. c/jzbf-2022-26/p2-s3-i11/index.html */
  path: string;
  html: string;
}

export interface SiteUrls {
  /** Public origin, e.g. https://gazette.example.gov.cn */
  site: string;
  /** Base path with leading and trailing slash, e.g. / or /gongbao/ */
  base: string;
  gazette: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function page(target: string, absolute: string, title: string, description: string, gazette: string): string {
  const t = escapeHtml(title);
  const d = escapeHtml(description);
  const u = escapeHtml(target);
  const a = escapeHtml(absolute);
  const meta = (attr: 'name' | 'property', pairs: ReadonlyArray<readonly [string, string]>): string =>
    pairs.map(([key, content]) => `<meta ${attr}="${key}" content="${content}">`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t}</title>
${meta('name', [['description', d], ['robots', 'noindex']])}
<link rel="canonical" href="${a}">
${meta('property', [['og:type', 'article'], ['og:site_name', escapeHtml(gazette)], ['og:title', t], ['og:description', d], ['og:url', a], ['og:locale', 'zh_CN']])}
${meta('name', [['twitter:card', 'summary'], ['twitter:title', t], ['twitter:description', d]])}
<meta http-equiv="refresh" content="0; url=${u}">
</head>
<body>
<p><a href="${u}">${t}</a></p>
<p>${d}</p>
</body>
</html>
`;
}

/** Clause short links and 发文字号 pages for one document. */
export function documentForwarders(doc: GazetteDocument, urls: SiteUrls): ForwarderFile[] {
  const docPath = withBase(urls.base, documentPath(doc.id));
  const abs = (p: string): string => new URL(p, urls.site).href;
  const texts = new Map(documentClauses(doc).map((c) => [c.id, c.text]));
  // Every clause of the page, cited as its buttons cite it; an attachment itself has no short link.
  const attachments = new Set(doc.attachments.map((a) => a.id));
  const nodes = flatOutline(documentOutline(doc)).filter((n) => !attachments.has(n.id));
  const files: ForwarderFile[] = nodes.map((n) => {
    const target = withBase(urls.base, clauseAnchorPath(doc.id, n.id));
    return {
      path: `${clauseShortPath(doc.id, n.id).slice(1)}index.html`,
      html: page(target, abs(target), citation(doc, n.path), excerpt(`${n.path}${texts.get(n.id) ?? ''}`), urls.gazette),
    };
  });
  if (doc.docNumber) {
    const n = doc.docNumber;
    const spellings = new Set([n.normalized, n.normalized.replace('〔', '[').replace('〕', ']')]);
    for (const s of spellings) {
      files.push({ path: `${numberPath(s).slice(1)}index.html`, html: page(docPath, abs(docPath), `${n.normalized} ${doc.title}`, excerpt(doc.title), urls.gazette) });
    }
  }
  return files;
}
