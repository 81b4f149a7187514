/** The search query set (tests/support/search-queries.json, its "$comment" says what each field means). */
import { readFileSync } from 'node:fs';

export interface SearchQuery {
  kind: string;
  q: string;
  exact?: boolean;
  filters?: Record<string, string>;
  first?: boolean;
  pages: string[];
  clause?: string;
  path?: string;
  source: string;
  evidence: string;
}

export const searchQueries = (JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as { queries: SearchQuery[] }).queries;
