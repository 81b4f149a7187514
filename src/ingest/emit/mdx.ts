/**
 * MDX is code: text from a source must never become JSX, an expression or an import/export line.
 * So the body of a document is built as an mdast syntax tree, serialised with mdast-util-to-markdown
 * (which escapes `{`, `<`, `*` …), plus our own escape for lines that start with `import`/`export`
 * (to-markdown leaves those alone, yet MDX would compile them as ESM), and then re-parsed: the file
 * must hold exactly the tree we emitted — the same node types, JSX names, attributes and text.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown, mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Attachment, Block, ClauseBlock } from '../model.ts';

/** The only JSX elements an emitted file may contain, with the attributes each may carry. */
export const ALLOWED_JSX: Readonly<Record<string, readonly string[]>> = {
  Attachment: ['id', 'label'],
  AttachmentTitle: [],
  Clause: ['id', 'level', 'label'],
  ClauseLabel: ['for'],
  CollationNote: ['doc', 'for'],
  DocTable: ['doc', 'id'],
  Entry: ['id', 'date'],
  Omitted: ['id'],
  Para: ['id'],
};

/** The only mdast node types an emitted file may contain. */
export const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'text',
  'strong',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
]);

// A line starting with import/export (after optional spaces) is ESM to MDX; escape its first letter.
const esmUnsafe: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
];

function attr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function flow(name: string, attrs: Record<string, string>, children: MdxJsxFlowElement['children']): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: Object.entries(attrs).map(([k, v]) => attr(k, v)), children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function label(clause: ClauseBlock): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'ClauseLabel', attributes: [attr('for', clause.id)], children: [text(clause.label)] };
}

/** Paragraph text keeps its line structure out of Markdown: a source newline is not a Markdown break. */
function plain(value: string): Text {
  // U+0000 cannot be in a Markdown file (it reads as U+FFFD); decode.ts already refuses sources holding one.
  return text(value.replaceAll('\n', '').replaceAll('\0', '\uFFFD'));
}

/**
 * Markdown drops whitespace at the edges of a paragraph, so the emitted tree must not have any there
 * (else the re-parse would differ); whitespace is never published text. Null when nothing is left.
 */
function phrasing(children: PhrasingContent[]): PhrasingContent[] | null {
  const out = children.filter((c) => c.type !== 'text' || c.value !== '');
  const first = out[0];
  if (first?.type === 'text') out[0] = text(first.value.trimStart());
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = text(last.value.trimEnd());
  const kept = out.filter((c) => c.type !== 'text' || c.value !== '');
  return kept.length > 0 ? kept : null;
}

function paragraph(children: PhrasingContent[]): Paragraph[] {
  const kept = phrasing(children);
  return kept ? [{ type: 'paragraph', children: kept }] : [];
}

const HEADING_DEPTH: Partial<Record<ClauseBlock['level'], 2 | 3 | 4>> = { part: 2, section: 3, item: 4 };

/** A clause whose whole text is its title (「一、总体要求」) is a heading; any other starts a paragraph. */
function clauseHead(clause: ClauseBlock): Heading | Paragraph {
  const depth = HEADING_DEPTH[clause.level];
  const isHeading = depth !== undefined && clause.title !== null && clause.title === clause.text && !/[。；]$/.test(clause.text);
  const body = clause.text.trim();
  // 「1.」 then 「5G…」 must not read as 1.5G: the printed gap after a dotted label is kept on the page.
  const gap = /[.．]$/.test(clause.label.trim()) && /^[0-9A-Za-z０-９]/.test(body) ? ' ' : '';
  const children: PhrasingContent[] = [label(clause), text(gap)];
  const title = clause.title;
  if (!isHeading && title && body.startsWith(title) && title !== body) {
    const strong: Strong = { type: 'strong', children: [plain(title)] };
    children.push(strong, plain(body.slice(title.length)));
  } else {
    children.push(plain(body));
  }
  const kept = phrasing(children) ?? [label(clause)];
  return isHeading ? { type: 'heading', depth, children: kept } : { type: 'paragraph', children: kept };
}

/** What a body needs to know about its document: its slug, and which blocks have collation notes (校勘记). */
export interface EmitContext {
  doc: string;
  noted: ReadonlySet<string>;
}

/** A block's collation notes are rendered from the JSON model, like tables: no copy's text passes through MDX. */
function notes(id: string, ctx: EmitContext): MdxJsxFlowElement[] {
  return ctx.noted.has(id) ? [flow('CollationNote', { doc: ctx.doc, for: id }, [])] : [];
}

function wrapped(name: string, attrs: Record<string, string>, value: string, ctx: EmitContext): MdxJsxFlowElement[] {
  const para = paragraph([plain(value)]);
  return para.length > 0 ? [flow(name, attrs, [...para, ...notes(attrs['id'] ?? '', ctx)])] : [];
}

function blockToMdast(block: Block, ctx: EmitContext): RootContent[] {
  switch (block.type) {
    case 'clause':
      return [
        flow('Clause', { id: block.id, level: block.level, label: block.label }, [
          clauseHead(block),
          ...block.children.flatMap((child) => blockToMdast(child, ctx)),
          ...notes(block.id, ctx),
        ] as MdxJsxFlowElement['children']),
      ];
    case 'paragraph':
      return wrapped('Para', { id: block.id }, block.text, ctx);
    case 'heading': {
      const kept = phrasing([plain(block.text)]);
      return kept ? [{ type: 'heading', depth: 2, children: kept }] : [];
    }
    case 'table':
      // Cells are rendered by a component from the JSON model: no table text passes through MDX at all.
      return [flow('DocTable', { doc: ctx.doc, id: block.id }, [])];
    case 'entry': {
      // The printed date (「2月1日」「同日」) leads the entry as in the gazette; the ISO date is an attribute.
      const lead: PhrasingContent[] = block.printedDate ? [{ type: 'strong', children: [plain(block.printedDate)] }, text(' ')] : [];
      return [flow('Entry', { id: block.id, date: block.date ?? '' }, [...paragraph([...lead, plain(block.text)]), ...notes(block.id, ctx)])];
    }
    case 'omitted':
      return wrapped('Omitted', { id: block.id }, block.text, ctx);
  }
}

function attachmentToMdast(att: Attachment, ctx: EmitContext): RootContent {
  return flow('Attachment', { id: att.id, label: att.label }, [
    flow('AttachmentTitle', {}, paragraph([plain(att.title)])),
    ...att.body.flatMap((b) => blockToMdast(b, ctx)),
  ] as MdxJsxFlowElement['children']);
}

const NO_CONTEXT: EmitContext = { doc: '', noted: new Set() };

/** The MDX syntax tree of a document: its body, then its attachments (附件). */
export function bodyToMdast(blocks: Block[], attachments: Attachment[] = [], ctx: EmitContext = NO_CONTEXT): Root {
  return {
    type: 'root',
    children: [...blocks.flatMap((b) => blockToMdast(b, ctx)), ...attachments.map((a) => attachmentToMdast(a, ctx))],
  };
}

export function serializeMdx(tree: Root): string {
  return toMarkdown(tree, { extensions: [mdxToMarkdown()], unsafe: esmUnsafe, bullet: '-', emphasis: '_', strong: '*' });
}

export function parseMdx(source: string): Root {
  return fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

export class UnsafeMdxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: generated MDX is not what was emitted: ${detail}`);
    this.name = 'UnsafeMdxError';
  }
}

type AnyNode = { type: string; children?: AnyNode[]; value?: string; name?: string | null; depth?: number; attributes?: unknown[]; position?: { start: { line: number } } };

/** A comparable shape of a tree: node types, JSX names, attributes, and text with adjacent runs merged. */
function shape(node: AnyNode): unknown {
  const out: Record<string, unknown> = { type: node.type };
  if (node.name !== undefined) out['name'] = node.name;
  if (node.depth !== undefined) out['depth'] = node.depth;
  if (node.attributes) out['attributes'] = node.attributes.map((a) => ({ ...(a as object), position: undefined }));
  if (node.value !== undefined) out['value'] = node.value;
  if (node.children) {
    const merged: AnyNode[] = [];
    for (const child of node.children) {
      const last = merged.at(-1);
      if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: `${last.value ?? ''}${child.value ?? ''}` };
      else merged.push(child);
    }
    out['children'] = merged.map(shape);
  }
  return out;
}

function checkAllowed(node: AnyNode, file: string): void {
  const line = node.position?.start.line ?? 1;
  if (!ALLOWED_NODES.has(node.type)) throw new UnsafeMdxError(file, line, `node type ${node.type} is not allowed`);
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const allowed = node.name ? ALLOWED_JSX[node.name] : undefined;
    if (!allowed) throw new UnsafeMdxError(file, line, `JSX element <${node.name ?? ''}> is not allowed`);
    for (const a of (node.attributes ?? []) as Array<{ type: string; name?: string; value?: unknown }>) {
      if (a.type !== 'mdxJsxAttribute' || !a.name || !allowed.includes(a.name) || typeof a.value !== 'string') {
        throw new UnsafeMdxError(file, line, `attribute ${a.name ?? a.type} on <${node.name}> is not allowed`);
      }
    }
  }
  for (const child of node.children ?? []) checkAllowed(child, file);
}

/**
 * Proves a generated file safe: it re-parses to allowed node types only and to exactly the emitted tree.
 * Throws UnsafeMdxError naming the file and line otherwise.
 */
export function verifyMdx(source: string, emitted: Root, file: string): void {
  const parsed = parseMdx(source) as unknown as AnyNode;
  checkAllowed(parsed, file);
  const a = JSON.stringify(shape(parsed));
  const b = JSON.stringify(shape(emitted as unknown as AnyNode));
  if (a !== b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    throw new UnsafeMdxError(file, 1, `re-parsed tree differs near …${a.slice(Math.max(0, i - 60), i + 60)}… (expected …${b.slice(Math.max(0, i - 60), i + 60)}…)`);
  }
}

/** Serialise and prove in one step: the only way the ingest writes MDX. */
export function emitMdx(blocks: Block[], file: string, attachments: Attachment[] = [], ctx: EmitContext = NO_CONTEXT): string {
  const tree = bodyToMdast(blocks, attachments, ctx);
  const source = serializeMdx(tree);
  verifyMdx(source, tree, file);
  return source;
}
