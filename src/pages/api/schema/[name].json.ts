import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'zod';
import { API_SCHEMAS } from '../../../gazette/schema.ts';
import { jsonResponse } from '../../../site/api.ts';

/** JSON Schema of every API file, generated from the Zod schemas the build checks and types with. */
export const getStaticPaths = (() => Object.keys(API_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(z.toJSONSchema(API_SCHEMAS[params.name as keyof typeof API_SCHEMAS], { io: 'output' }));
