/**
 * The site's URL scheme in one place: every page, API response, short link and search result builds its
 * links here (site paths, before the base path is put in front).
 */

/** The base path the site is served from, always with a leading and a trailing slash: 'gongbao' → '/gongbao/', '' → '/'. */
export function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** A site path under the base path: ('/gongbao/', '/issues/') → '/gongbao/issues/'. */
export function withBase(base: string, path: string): string {
  return `${normalizeBase(base)}${path.replace(/^\/+/, '')}`;
}

export const documentPath = (id: string): string => `/documents/${id}/`;

/** A clause anchor on its document page, as content/published-anchors.txt records it. */
export const clauseAnchorPath = (id: string, clause: string): string => `${documentPath(id)}#${clause}`;

/** The folder of a document's clause short links. */
export const clauseShortBase = (id: string): string => `/c/${id}/`;

/** The short link of a clause (a forwarding page, for systems that drop '#'). */
export const clauseShortPath = (id: string, clause: string): string => `${clauseShortBase(id)}${clause}/`;

/** The page of a 发文字号 (a forwarding page to its document). */
export const numberPath = (number: string): string => `/n/${number}/`;

/** An editorial page (content/editorial/<id>.mdx): 解读, 编者按, 更正, 专题, 关于本刊. */
export const editorialPath = (id: string): string => `/editorial/${id}/`;

/** The build report's page of one source file (content/sources/001_2dbcd8b680e63142.txt → /report/001_2dbcd8b680e63142/). */
export const reportSourcePath = (file: string): string => `/report/${file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')}/`;

export const issuePath = (i: { year: number; number: number }): string => `/issues/${i.year}/${i.number}/`;

/** The print view of an issue, which the issue PDF is rendered from. */
export const issuePrintPath = (i: { year: number; number: number }): string => `${issuePath(i)}print/`;

export const issuePdfPath = (issueId: string): string => `/pdf/${issueId}.pdf`;

export const documentPdfPath = (id: string): string => `/pdf/documents/${id}.pdf`;

/** The document index (文件索引) and its browsing pages: by year (成文日期), by kind (类别), by issuer (发文机关). */
export const documentsPath = '/documents/';
/** One group's pages: /documents/year/2023/, /documents/kind/通知/2/ (page 1 has no number). */
export const documentsFacetPath = (facet: 'year' | 'kind' | 'issuer', key: string, page = 1): string =>
  `/documents/${facet}/${encodeURIComponent(key)}/${page > 1 ? `${page}/` : ''}`;
