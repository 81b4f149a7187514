import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../site/content.ts';
import { documentMarkdown } from '../../../site/export/markdown.ts';
import { exportSource } from '../../../site/open-data.ts';
import { onlyPage } from '../../../site/only.ts';

export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentData }> = async ({ props }) =>
  new Response(documentMarkdown(await exportSource(props.doc)), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
