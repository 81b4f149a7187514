import type { APIRoute } from 'astro';
import { allDocuments, allIssues } from '../../utils/content.ts';
import { documentSummary, issueSummary, jsonResponse } from '../../utils/api.ts';

export const GET: APIRoute = async () =>
  jsonResponse({ issues: (await allIssues()).map(issueSummary), documents: (await allDocuments()).map(documentSummary) });
