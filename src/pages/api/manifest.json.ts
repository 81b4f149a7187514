import type { APIRoute } from 'astro';
import { jsonResponse } from '../../site/api.ts';
import { manifest } from '../../site/open-data.ts';

export const GET: APIRoute = async () => jsonResponse(await manifest());
