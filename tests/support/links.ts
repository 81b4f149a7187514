/**
 * Link integrity of a built site: every internal link resolves to a file, every #anchor exists on its page,
 * and nothing references another origin (no hotlinked script, style, font or image).
 */
import { parse } from 'parse5';

export interface SiteFile {
  /** Path inside the site folder, e.g. documents/jzbf-2022-26/index.html */
  path: string;
  html: string;
}

export interface LinkProblem {
  page: string;
  kind: 'broken-link' | 'missing-anchor' | 'foreign-reference';
  ref: string;
}

type Node = { nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; content?: Node };

function* elements(node: Node): Generator<Node> {
  yield node;
  for (const c of node.childNodes ?? []) yield* elements(c);
  if (node.content) yield* elements(node.content);
}

const REF_ATTRS = ['href', 'src', 'action', 'poster', 'data'];

/** ids and hrefs of one HTML file. */
function scan(html: string): { ids: Set<string>; refs: string[] } {
  const doc = parse(html) as unknown as Node;
  const ids = new Set<string>();
  const refs: string[] = [];
  for (const el of elements(doc)) {
    for (const a of el.attrs ?? []) {
      if (a.name === 'id') ids.add(a.value);
      if (REF_ATTRS.includes(a.name) && !(el.nodeName === 'link' && a.name === 'href' && isMetaLink(el))) refs.push(a.value);
      if (a.name === 'srcset') refs.push(...a.value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? ''));
      if (a.name === 'style') refs.push(...cssUrls(a.value));
    }
    if (el.nodeName === 'style') refs.push(...cssUrls(textOf(el)));
    if (el.nodeName === 'meta' && (el.attrs ?? []).some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh')) {
      const content = el.attrs?.find((a) => a.name === 'content')?.value ?? '';
      const url = /url=(.*)$/i.exec(content)?.[1];
      if (url) refs.push(url.trim());
    }
  }
  return { ids, refs };
}

/** canonical / alternate / og links name the public URL of the page itself, not a resource to load. */
function isMetaLink(el: Node): boolean {
  const rel = el.attrs?.find((a) => a.name === 'rel')?.value ?? '';
  return /\b(canonical|alternate)\b/.test(rel);
}

function textOf(el: Node): string {
  return (el.childNodes ?? []).map((c) => (c as unknown as { value?: string }).value ?? '').join('');
}

export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1] ?? '').concat([...css.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? ''));
}

/** Resolves a site-relative reference against the page, returning the file path it needs, or null for foreign. */
function resolveRef(ref: string, page: string, base: string): { file: string; hash: string } | 'foreign' | 'skip' {
  if (/^(mailto:|tel:|data:|javascript:)/i.test(ref)) return ref.toLowerCase().startsWith('javascript:') ? 'foreign' : 'skip';
  const url = new URL(ref, `http://site.invalid${base}${page}`);
  if (url.origin !== 'http://site.invalid') return 'foreign';
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return { file: `(outside base) ${path}`, hash: '' };
  path = path.slice(base.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return { file: path, hash: decodeURIComponent(url.hash.slice(1)) };
}

export function checkLinks(files: SiteFile[], otherFiles: string[], base = '/'): LinkProblem[] {
  const pages = new Map(files.map((f) => [f.path, scan(f.html)]));
  const exists = new Set([...files.map((f) => f.path), ...otherFiles]);
  const problems: LinkProblem[] = [];
  for (const [page, { refs }] of pages) {
    const pageDir = page.replace(/[^/]*$/, '');
    for (const ref of refs) {
      if (!ref) continue;
      const r = resolveRef(ref, pageDir, base);
      if (r === 'skip') continue;
      if (r === 'foreign') {
        problems.push({ page, kind: 'foreign-reference', ref });
        continue;
      }
      if (!exists.has(r.file)) {
        problems.push({ page, kind: 'broken-link', ref });
        continue;
      }
      if (r.hash && r.file.endsWith('.html') && !pages.get(r.file)?.ids.has(r.hash)) problems.push({ page, kind: 'missing-anchor', ref });
    }
  }
  return problems;
}

export function checkCss(path: string, css: string, exists: ReadonlySet<string>, base = '/'): LinkProblem[] {
  const dir = path.replace(/[^/]*$/, '');
  return cssUrls(css).flatMap((ref): LinkProblem[] => {
    const r = resolveRef(ref, dir, base);
    if (r === 'skip') return [];
    if (r === 'foreign') return [{ page: path, kind: 'foreign-reference', ref }];
    return exists.has(r.file) ? [] : [{ page: path, kind: 'broken-link', ref }];
  });
}
