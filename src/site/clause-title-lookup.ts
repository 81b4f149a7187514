/**
 * Build-time lookup used by src/components/body/Clause.astro: the search sub-result title of a clause of
 * the document page being rendered (one map per document, built once).
 */
import { getEntry } from 'astro:content';
import { clauseTitles } from '../gazette/clause-titles.ts';

const cache = new Map<string, Promise<Map<string, string>>>();

export async function clauseSearchTitle(doc: string | undefined, id: string, fallback: string): Promise<string> {
  if (!doc) return fallback;
  let titles = cache.get(doc);
  if (!titles) {
    titles = (async () => {
      const entry = await getEntry('documents', doc);
      return entry ? clauseTitles(entry.data) : new Map<string, string>();
    })();
    cache.set(doc, titles);
  }
  return (await titles).get(id) ?? fallback;
}
