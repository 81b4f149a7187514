/** The 发文字号 of the site for the search page's pinning (src/search/data.ts, `NumberData`). */
import type { APIRoute } from 'astro';
import { buildNumberData } from '../search/data.ts';
import { allDocuments, allIssues } from '../site/content.ts';
import { jsonResponse } from '../site/api.ts';

export const GET: APIRoute = async () => jsonResponse(buildNumberData(await allDocuments(), await allIssues()));
