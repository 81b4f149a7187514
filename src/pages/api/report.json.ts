import type { APIRoute } from 'astro';
import { jsonResponse } from '../../site/api.ts';
import { readReport } from '../../site/report.ts';

export const GET: APIRoute = () => jsonResponse(readReport());
