import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../site/content.ts';
import { canonicalText } from '../../../site/export/text.ts';
import { onlyPage } from '../../../site/only.ts';

/** The canonical text whose sha256 the manifest and the page print: `sha256sum <id>.txt` checks a copy. */
export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentData }> = ({ props }) => new Response(canonicalText(props.doc), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
