/**
 * Builds the Pagefind search index of a built site. Pagefind reports problems as `errors` arrays instead
 * of throwing; we turn any of them into a thrown Error so that a failed indexing fails the build.
 */
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pages: number;
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: siteDir });
    check('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    check('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
