import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, type DocumentData } from '../../../site/content.ts';
import { documentApi, jsonResponse } from '../../../site/api.ts';
import { publishedDocument } from '../../../site/editorial.ts';

import { onlyPage } from '../../../site/only.ts';
export const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

// As the page publishes it: clause texts with the editors' decided readings, each decision listed with the
// printed reading; the variants it settles leave `variants`.
export const GET: APIRoute<{ doc: DocumentData }> = async ({ props }) => {
  const { doc, readings } = await publishedDocument(props.doc);
  return jsonResponse({
    ...documentApi(doc),
    readings: readings.map(({ clause, printed, decided, reason, editor, date, copies }) => ({ clause, printed, decided, reason, editor, date, copies })),
  });
};
