/**
 * Builds the Pagefind search index of a built site. Pagefind reports problems as `errors` arrays instead
 * of throwing; we turn any of them into a thrown Error so that a failed indexing fails the build. An index
 * without a single page fails too: Pagefind itself accepts it (its `page_count` counts the HTML files it
 * read, indexed or not), and the site would ship a search that can find nothing.
 *
 * What is indexed is decided in the pages: `data-pagefind-body` on the document body and the issue page
 * only, `data-pagefind-ignore` on navigation, facts, outline, provenance; each clause is a sub-result
 * (`id` + `data-pagefind-title`, src/components/body/Clause.astro); filters, sort key and metadata come
 * from src/components/SearchResultMeta.astro.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** Pages in the index (pages with a data-pagefind-body, or every page if none had one). */
  pages: number;
  /** HTML files Pagefind read. */
  files: number;
  /** URLs of the indexed pages, sorted. */
  urls: string[];
  /** Files and bytes of the written bundle (the pagefind/ folder). */
  bundle: { files: number; bytes: number; indexBytes: number };
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind data file (gzip of a signature and JSON or CBOR) as text after the signature. */
function decode(content: Uint8Array): string {
  const text = gunzipSync(content).toString('utf8');
  return text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text;
}

/** Pages per language from pagefind-entry.json, the page URLs from the fragments, the bundle's size. */
export function describeBundle(bundleDir: string): Pick<SearchIndexResult, 'pages' | 'urls' | 'bundle'> {
  const files = readdirSync(bundleDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  const entry = files.find((f) => f.endsWith('pagefind-entry.json'));
  if (!entry) throw new Error(`Pagefind wrote no pagefind-entry.json into ${bundleDir}`);
  const languages = (JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
  const pages = Object.values(languages).reduce((n, l) => n + l.page_count, 0);
  const urls = files
    .filter((f) => f.endsWith('.pf_fragment'))
    .flatMap((f) => {
      // one page per fragment file (maxFragments is not set); its URL is the first key
      const m = /^\{"url":"((?:[^"\\]|\\.)*)"/.exec(decode(readFileSync(f)));
      return m ? [JSON.parse(`"${m[1] ?? ''}"`) as string] : [];
    })
    .sort();
  const size = (fs: string[]) => fs.reduce((n, f) => n + statSync(f).size, 0);
  return {
    pages,
    urls,
    bundle: { files: files.length, bytes: size(files), indexBytes: size(files.filter((f) => /\.(pf_index|pf_meta|pf_fragment|pf_filter)$/.test(f))) },
  };
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: siteDir });
    check('addDirectory', added.errors);
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);
    const described = describeBundle(outputPath);
    if (described.pages === 0) {
      throw new Error(
        `Pagefind indexed no page in ${siteDir} (${added.page_count} HTML files read): is data-pagefind-body missing, or is every body data-pagefind-ignore?`,
      );
    }
    return { ...described, files: added.page_count };
  } finally {
    await pagefind.close();
  }
}
