import type { APIRoute } from 'astro';
import { allDocuments, allIssues } from '../../site/content.ts';
import { documentSummary, issueSummary, jsonResponse } from '../../site/api.ts';

export const GET: APIRoute = async () =>
  jsonResponse({ issues: (await allIssues()).map(issueSummary), documents: (await allDocuments()).map(documentSummary) });
