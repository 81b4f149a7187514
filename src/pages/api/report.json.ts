import type { APIRoute } from 'astro';
import { jsonResponse } from '../../utils/api.ts';
import { readReport } from '../../utils/report.ts';

export const GET: APIRoute = () => jsonResponse(readReport());
