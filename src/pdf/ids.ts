/**
 * The issue print view puts every document of an issue on one HTML page, but each document's clause ids
 * (p1, p1-s2, att1 …) are only unique within that document. Body (src/components/body/Body.astro)
 * renders each document's ids and fragment links through scopedId, so anchors, clause-label links and PDF
 * named destinations stay unambiguous: id="p1-s2" → id="jzbf-2022-26--p1-s2", href="#p1-s2" → href="#jzbf-2022-26--p1-s2".
 */

/** The id of a document's container in the print view; also its PDF named destination (the TOC marker). */
export const documentAnchor = (slug: string): string => `doc-${slug}`;

/** The scoped form of an id that is local to one document. */
export const scopedId = (slug: string, id: string): string => `${slug}--${id}`;
