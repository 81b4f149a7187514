/**
 * A small reader for what Chromium (Skia/PDF) writes in the clear: the catalog's /Lang, the page tree and the
 * outline (bookmarks). Enough to test that a PDF has a bookmark per document and per 一、 part, on the right
 * page, synchronously and without a PDF library. Skia writes these dictionaries as plain (uncompressed)
 * objects; if a future writer packs them into object streams, this reader finds nothing and the tests say so.
 */

interface PdfObject {
  num: number;
  body: string;
}

export interface OutlineItem {
  title: string;
  /** 1-based page of the bookmark's destination, null when it has none we can resolve. */
  page: number | null;
  children: OutlineItem[];
}

function objects(pdf: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(pdf).toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const num = Number(m[1]);
    const body = m[2] ?? '';
    // Only the dictionary part; never the bytes of a stream.
    const dict = body.split(/\bstream[\r\n]/)[0] ?? '';
    out.set(num, { num, body: dict });
  }
  return out;
}

const ref = (body: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body);
  return m ? Number(m[1]) : null;
};

/** A PDF string token (literal or hex) → text. Hex with a FEFF BOM is UTF-16BE. */
export function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      const swapped = Buffer.from(bytes.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return bytes.toString('latin1');
  }
  const inner = token.slice(1, -1);
  const raw = inner.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(Number.parseInt(e, 8));
  });
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return raw;
}

const stringValue = (body: string, key: string): string | null => {
  const m = new RegExp(`/${key}\\s*(<[0-9A-Fa-f\\s]*>|\\((?:\\\\.|[^\\\\)])*\\))`).exec(body);
  return m?.[1] ? decodePdfString(m[1]) : null;
};

function catalog(objs: Map<number, PdfObject>): PdfObject | null {
  for (const o of objs.values()) if (/\/Type\s*\/Catalog\b/.test(o.body)) return o;
  return null;
}

/** The document language of the catalog (/Lang), e.g. "zh-CN". */
export function pdfLang(pdf: Uint8Array): string | null {
  const cat = catalog(objects(pdf));
  return cat ? stringValue(cat.body, 'Lang') : null;
}

/** Object number of each page, in page order. */
function pageOrder(objs: Map<number, PdfObject>, root: number): number[] {
  const out: number[] = [];
  const walk = (num: number, depth: number): void => {
    const o = objs.get(num);
    if (!o || depth > 64) return;
    if (/\/Type\s*\/Pages\b/.test(o.body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.body)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else out.push(num);
  };
  walk(root, 0);
  return out;
}

/** The bookmarks of a PDF as a tree, with their pages. Empty when there is no outline. */
export function readOutline(pdf: Uint8Array): OutlineItem[] {
  const objs = objects(pdf);
  const cat = catalog(objs);
  if (!cat) return [];
  const pagesRoot = ref(cat.body, 'Pages');
  const pageIndex = new Map((pagesRoot === null ? [] : pageOrder(objs, pagesRoot)).map((num, i) => [num, i + 1]));
  const outlinesRef = ref(cat.body, 'Outlines');
  const outlines = outlinesRef === null ? undefined : objs.get(outlinesRef);
  if (!outlines) return [];
  const seen = new Set<number>();
  const list = (first: number | null): OutlineItem[] => {
    const items: OutlineItem[] = [];
    for (let num = first; num !== null && !seen.has(num); ) {
      seen.add(num);
      const o = objs.get(num);
      if (!o) break;
      const destPage = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(o.body)?.[1];
      items.push({
        title: stringValue(o.body, 'Title') ?? '',
        page: destPage ? (pageIndex.get(Number(destPage)) ?? null) : null,
        children: list(ref(o.body, 'First')),
      });
      num = ref(o.body, 'Next');
    }
    return items;
  };
  return list(ref(outlines.body, 'First'));
}

/** Every bookmark, depth-first, with its depth (0 = top level). */
export function flattenOutline(items: readonly OutlineItem[], depth = 0): (OutlineItem & { depth: number })[] {
  return items.flatMap((i) => [{ ...i, depth }, ...flattenOutline(i.children, depth + 1)]);
}

/**
 * Bookmarks whose title starts with a doubled run of text ("甲乙甲乙丙"). Chromium 156 sometimes builds the
 * bookmark of a wrapped heading from its first line plus its whole text; the export reports it.
 */
export function doubledBookmarks(items: readonly OutlineItem[]): string[] {
  return flattenOutline(items)
    .map((i) => i.title)
    .filter((t) => {
      for (let n = 4; n <= t.length / 2; n++) if (t.slice(0, n) === t.slice(n, 2 * n)) return true;
      return false;
    });
}
