/** npm run build:search — index an already built site (default dist/) with Pagefind. */
import { buildSearchIndex } from '../src/index/pagefind.ts';

const dir = process.argv[2] ?? 'dist';
const { pages } = await buildSearchIndex(dir);
console.log(`search index: ${pages} pages indexed into ${dir}/pagefind/`);
