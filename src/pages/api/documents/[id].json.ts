import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../utils/content.ts';
import { documentApi, jsonResponse } from '../../../utils/api.ts';

import { onlyPage } from '../../../utils/only.ts';
export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentData }> = ({ props }) => jsonResponse(documentApi(props.doc));
