import type { APIRoute, GetStaticPaths } from 'astro';
import { allBulkFiles } from '../../../site/open-data.ts';
import type { BulkFile } from '../../../site/export/bulk.ts';
import { rendersBulk } from '../../../site/only.ts';

export const getStaticPaths = (async () => (rendersBulk ? await allBulkFiles() : []).map((file) => ({ params: { year: String(file.year) }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: BulkFile }> = ({ props }) => new Response(props.file.bytes, { headers: { 'content-type': 'application/gzip' } });
