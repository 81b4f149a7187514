import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../site/content.ts';
import { documentAkn } from '../../../site/export/akn.ts';
import { exportSource } from '../../../site/open-data.ts';
import { onlyPage } from '../../../site/only.ts';

export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentData }> = async ({ props }) =>
  new Response(documentAkn(await exportSource(props.doc)), { headers: { 'content-type': 'application/akn+xml; charset=utf-8' } });
