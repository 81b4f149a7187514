/**
 * The fonts of a PDF read from its dictionaries alone, without interpreting a page (pdf-read.ts `fonts()` builds
 * every page's operator list with pdfjs, the costliest part of the export's checks). It reads only what
 * Chromium writes: a classic cross-reference table, uncompressed object dictionaries, the page tree, and
 * composite (Type0) fonts. It vouches only for fonts a gazette wants — CID TrueType, embedded, with a ToUnicode
 * map that maps something — and returns null for anything else (another structure, another kind of font),
 * so the caller asks pdfjs and gets its exact findings. Pure: bytes in, data out.
 */
import { inflateSync } from 'node:zlib';
import type { PdfFont } from './pdf-read.ts';

type Dict = string;

/** Reads objects by number through the PDF's last classic xref table (null when there is none, or an update). */
function objectReader(text: string): { dict: (num: number) => Dict | null; stream: (num: number) => Buffer | null; trailer: Dict } | null {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return null;
  const xrefAt = Number(start[1]);
  if (!text.startsWith('xref', xrefAt)) return null;
  const trailerAt = text.indexOf('trailer', xrefAt);
  if (trailerAt < 0) return null;
  const offsets = new Map<number, number>();
  const table = text.slice(xrefAt + 4, trailerAt);
  const rows = table.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  let num = 0;
  for (const row of rows) {
    const section = /^(\d+) (\d+)$/.exec(row);
    if (section) {
      num = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(row);
    if (!entry) return null;
    if (entry[3] === 'n') offsets.set(num, Number(entry[1]));
    num++;
  }
  const trailer = dictAt(text, text.indexOf('<<', trailerAt));
  if (!trailer || /\/(Prev|XRefStm)\b/.test(trailer)) return null;
  const objectDict = (n: number): { dict: Dict; end: number } | null => {
    const at = offsets.get(n);
    if (at === undefined) return null;
    const head = new RegExp(`^${n} \\d+ obj\\s*`).exec(text.slice(at, at + 40));
    if (!head) return null;
    const open = at + head[0].length;
    if (!text.startsWith('<<', open)) return null;
    const dict = dictAt(text, open);
    return dict ? { dict, end: open + dict.length } : null;
  };
  return {
    trailer,
    dict: (n) => objectDict(n)?.dict ?? null,
    stream: (n) => {
      const obj = objectDict(n);
      const length = obj && /\/Length (\d+)(?!\s+\d+ R)/.exec(obj.dict);
      if (!obj || !length) return null;
      const head = /^\s*stream\r?\n/.exec(text.slice(obj.end, obj.end + 10));
      if (!head) return null;
      const from = obj.end + head[0].length;
      const raw = Buffer.from(text.slice(from, from + Number(length[1])), 'latin1');
      if (!/\/Filter\s*\/FlateDecode\b/.test(obj.dict)) return /\/Filter\b/.test(obj.dict) ? null : raw;
      try {
        return inflateSync(raw);
      } catch {
        return null;
      }
    },
  };
}

/** Where the literal string that opens at `at` closes (balanced parentheses, backslash escapes). */
function stringEnd(text: string, at: number): number {
  let nest = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') nest++;
    else if (text[i] === ')' && --nest === 0) return i;
  }
  return text.length;
}

/** The dictionary `<< … >>` that opens at `at` (nested dictionaries and strings skipped), or null. */
function dictAt(text: string, at: number): Dict | null {
  if (at < 0 || !text.startsWith('<<', at)) return null;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      i = stringEnd(text, i);
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return null;
}

/** The value of /Key at the top level of a dictionary: its raw text (a reference, name, number, array or dict). */
function entry(dict: Dict, key: string): string | null {
  let depth = 0;
  for (let i = 2; i < dict.length - 2; i++) {
    const c = dict[i];
    if (c === '<' && dict[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && dict[i + 1] === '>') {
      depth--;
      i++;
    } else if (c === '(') {
      i = stringEnd(dict, i);
    } else if (depth === 0 && c === '/' && dict.startsWith(key, i + 1) && /[\s/<[(]/.test(dict[i + 1 + key.length] ?? '')) {
      const rest = dict.slice(i + 1 + key.length).trimStart();
      if (rest.startsWith('<<')) return dictAt(rest, 0);
      if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
      return /^(\d+ \d+ R|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+)/.exec(rest)?.[1] ?? null;
    }
  }
  return null;
}

const refNumber = (value: string | null): number | null => (value && /^(\d+) \d+ R$/.test(value) ? Number(value.split(' ')[0]) : null);
const refs = (value: string): number[] => [...value.matchAll(/(\d+) \d+ R/g)].map((m) => Number(m[1]));

/**
 * Every font the pages use, with its pages, when each is an embedded CID TrueType font with a working ToUnicode
 * map; null when the PDF holds anything else (then pdfjs must be asked: pdf-read.ts `fonts()`).
 */
export function plainCidFonts(bytes: Uint8Array): PdfFont[] | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const objects = objectReader(text);
  if (!objects) return null;
  // A value that is a dictionary or a reference to one.
  const resolve = (value: string | null): Dict | null => (value === null ? null : value.startsWith('<<') ? value : (refNumber(value) === null ? null : objects.dict(refNumber(value) as number)));
  const catalog = resolve(entry(objects.trailer, 'Root'));
  const tree = catalog && resolve(entry(catalog, 'Pages'));
  if (!tree) return null;

  // Page order as the page tree gives it; /Resources may be inherited from a /Pages node.
  const pageFonts: number[][] = [];
  const walk = (node: Dict, inherited: string | null, depth: number): boolean => {
    if (depth > 32) return false;
    const resources = entry(node, 'Resources') ?? inherited;
    if (entry(node, 'Type') === '/Pages') {
      const kids = entry(node, 'Kids');
      if (!kids) return false;
      return refs(kids).every((n) => {
        const kid = objects.dict(n);
        return kid !== null && walk(kid, resources, depth + 1);
      });
    }
    if (entry(node, 'Type') !== '/Page') return false;
    const res = resolve(resources);
    const fonts = res && resolve(entry(res, 'Font'));
    pageFonts.push(fonts ? refs(fonts) : []);
    return true;
  };
  if (!walk(tree, null, 0)) return null;

  const described = new Map<number, PdfFont | null>();
  const describe = (num: number): PdfFont | null => {
    const font = objects.dict(num);
    if (!font || entry(font, 'Subtype') !== '/Type0') return null;
    const descendants = entry(font, 'DescendantFonts');
    const descendant = descendants ? resolve(refs(descendants).length === 1 ? `${refs(descendants)[0]} 0 R` : null) : null;
    if (!descendant || entry(descendant, 'Subtype') !== '/CIDFontType2') return null;
    const descriptor = resolve(entry(descendant, 'FontDescriptor'));
    if (!descriptor || refNumber(entry(descriptor, 'FontFile2')) === null) return null;
    const toUnicode = refNumber(entry(font, 'ToUnicode'));
    const cmap = toUnicode === null ? null : objects.stream(toUnicode);
    if (!cmap || !/\b\d+\s+begin(bfchar|bfrange)\s*</.test(cmap.toString('latin1'))) return null;
    const name = (entry(font, 'BaseFont') ?? '').replace(/^\//, '');
    return { name: name || '[none]', type: 'CID TrueType', embedded: true, unicode: true, pages: [] };
  };

  const fonts = new Map<string, PdfFont>();
  for (const [i, list] of pageFonts.entries()) {
    for (const num of list) {
      if (!described.has(num)) described.set(num, describe(num));
      const font = described.get(num);
      if (!font) return null;
      const key = `${font.name} ${font.type}`;
      const seen = fonts.get(key) ?? { ...font, pages: [] };
      if (seen.pages.at(-1) !== i + 1) seen.pages.push(i + 1);
      fonts.set(key, seen);
    }
  }
  return [...fonts.values()];
}
