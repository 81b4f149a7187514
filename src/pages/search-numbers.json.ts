/** The 发文字号 of the site for the search page's pinning (src/index/search-data.ts, `NumberData`). */
import type { APIRoute } from 'astro';
import { buildNumberData } from '../index/search-data.ts';
import { allDocuments, allIssues } from '../utils/content.ts';
import { jsonResponse } from '../utils/api.ts';

export const GET: APIRoute = async () => jsonResponse(buildNumberData(await allDocuments(), await allIssues()));
