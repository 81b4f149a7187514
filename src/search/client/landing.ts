/**
 * On a document page opened from a search result: marks the searched words (?hl=…) in the clause the link
 * lands on (#id), or in the document body when it names none. What to mark: src/search/client/highlight.ts.
 */
import { highlightWords, markRanges } from './highlight.ts';

const words = highlightWords(location.search);
const id = decodeURIComponent(location.hash.slice(1));
const root = (id ? document.getElementById(id) : null) ?? document.querySelector<HTMLElement>('[data-pagefind-body]');
if (words.length && root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('button, script, style, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    // from the end, so that the offsets before stay valid
    for (const [start, end] of markRanges(node.data, words).reverse()) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const mark = document.createElement('mark');
      mark.className = 'search-hl';
      range.surroundContents(mark);
    }
  }
}
