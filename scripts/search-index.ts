/**
 * npm run build:search [-- DIR --primary-pages N --max-pages N] — index an already built site (default
 * dist/) with Pagefind, in year shards (src/search/build/pagefind.ts; the defaults are those of the build).
 */
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/search/build/pagefind.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'primary-pages': { type: 'string' }, 'max-pages': { type: 'string' } },
});
const number = (flag: 'primary-pages' | 'max-pages'): number | undefined => {
  const v = values[flag];
  if (v === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(v)) throw new Error(`--${flag} wants a positive whole number, not ${v}`);
  return Number(v);
};
const dir = positionals[0] ?? 'dist';
const { pages, shards } = await buildSearchIndex(dir, { primaryPages: number('primary-pages'), maxPages: number('max-pages') });
console.log(`search index: ${pages} pages indexed into ${shards.map((s) => `${dir}/${s.bundle}/ (${s.years.join(', ')})`).join(', ')}`);
