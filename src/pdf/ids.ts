/**
 * The issue print view puts every document of an issue on one HTML page, but each document's clause ids
 * (p1, p1-s2, att1 …) are only unique within that document. These helpers give each document its own
 * id namespace, so anchors, clause-label links and PDF named destinations stay unambiguous:
 * id="p1-s2" → id="jzbf-2022-26--p1-s2", href="#p1-s2" → href="#jzbf-2022-26--p1-s2".
 */

/** The id of a document's container in the print view; also its PDF named destination (the TOC marker). */
export const documentAnchor = (slug: string): string => `doc-${slug}`;

/** The scoped form of an id that is local to one document. */
export const scopedId = (slug: string, id: string): string => `${slug}--${id}`;

const ID_ATTRS = /\s(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns|headers)="([^"]*)"/g;
const FRAGMENT_HREF = /\shref="#([^"]+)"/g;

/**
 * Rewrites the ids of a rendered HTML fragment (Astro output: attribute values double-quoted and escaped)
 * and every reference to them: fragment links and the id-list ARIA attributes. Links that leave the
 * fragment (other pages, other origins) are left alone.
 */
export function scopeIds(html: string, slug: string): string {
  return html
    .replace(ID_ATTRS, (_m, attr: string, value: string) => {
      const ids = value.split(/\s+/).filter(Boolean).map((id) => scopedId(slug, id));
      return ` ${attr}="${ids.join(' ')}"`;
    })
    .replace(FRAGMENT_HREF, (_m, id: string) => ` href="#${scopedId(slug, id)}"`);
}
