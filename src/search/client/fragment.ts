/**
 * A page's Pagefind fragment (`<bundle>/fragment/<result id>.pf_fragment`: gzip of `pagefind_dcd` + JSON),
 * loaded by the search page itself rather than through Pagefind's `result.data()`: src/search/client/query.ts says
 * why. The browser's own gzip (DecompressionStream) does the work; a host that already sent it decoded is
 * fine too, as with Pagefind.
 */
import { withBase } from '../../gazette/urls.ts';
import type { PagefindAnchor, PagefindPage } from './query.ts';

export interface PagefindFragment {
  /** Site path of the page, without the base path. */
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: PagefindAnchor[];
  filters?: Record<string, string[]>;
}

const SIGNATURE = 'pagefind_dcd';

/**
 * A file written as gzip of `signature` + data (Pagefind's, src/search/phrase.ts's): the data, gunzipped by the
 * browser unless the host already sent it decoded; null when it does not start with the signature.
 */
export async function unpackSigned(bytes: Uint8Array<ArrayBuffer>, signature: string): Promise<Uint8Array | null> {
  const signed = (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, signature.length)) === signature;
  const data = signed(bytes) ? bytes : new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  return signed(data) ? data.subarray(signature.length) : null;
}

export async function fragmentFromBytes(bytes: Uint8Array<ArrayBuffer>, file = 'fragment'): Promise<PagefindFragment> {
  const data = await unpackSigned(bytes, SIGNATURE);
  if (!data) throw new Error(`${file} is not a Pagefind fragment`);
  return JSON.parse(new TextDecoder().decode(data)) as PagefindFragment;
}

export async function loadFragment(url: string): Promise<PagefindFragment> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return fragmentFromBytes(new Uint8Array(await res.arrayBuffer()), url);
}

/** The page of a search result: its fragment, where the result's words are, its URL under the site's base path. */
export function pageOf(fragment: PagefindFragment, locations: number[], base: string): PagefindPage {
  return { ...fragment, url: withBase(base, fragment.url), locations };
}
