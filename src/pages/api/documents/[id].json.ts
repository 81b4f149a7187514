import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../site/content.ts';
import { documentApi, jsonResponse } from '../../../site/api.ts';

import { onlyPage } from '../../../site/only.ts';
export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentData }> = ({ props }) => jsonResponse(documentApi(props.doc));
