/**
 * The content collections: what editors write — content/editorial/*.mdx and the reading decisions
 * (readings.json) — with their schemas in src/gazette/schema.ts. The generated documents and issues are read
 * straight from their JSON files by src/site/collections.ts, checked against the same module's schemas.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { editorialEntry, readingDecision } from './gazette/schema.ts';

const editorial = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/editorial' }), schema: editorialEntry });

const readings = defineCollection({ loader: file('./content/editorial/readings.json'), schema: readingDecision });

export const collections = { editorial, readings };
