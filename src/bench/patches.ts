/**
 * Prototype changes to shared files, measured by the benchmark without editing them: with `--patch <name>`,
 * the bench work folder gets a *copy* of src/ with these replacements applied (src/bench/workdir.ts). Each
 * patch names the file and the exact text it replaces, so it fails loudly when the file has moved on; the
 * report tells the lead to make the same change in the shared file.
 */
export interface Patch {
  name: string;
  why: string;
  edits: Array<{ file: string; find: string; replace: string }>;
}

const BODY_ASTRO = String.raw`---
/**
 * A document body rendered from the JSON model with the body components — the HTML the emitted MDX
 * renders (src/ingest/emit/mdx.ts), without compiling one MDX module per document (issue 9 prototype).
 */
import GithubSlugger from 'github-slugger';
import type { Attachment as AttachmentModel, Block, ClauseBlock } from '../../ingest/model.ts';
import Attachment from './Attachment.astro';
import AttachmentTitle from './AttachmentTitle.astro';
import Clause from './Clause.astro';
import ClauseLabel from './ClauseLabel.astro';
import CollationNote from './CollationNote.astro';
import DocTable from './DocTable.astro';
import Entry from './Entry.astro';
import Omitted from './Omitted.astro';
import Para from './Para.astro';

interface Props {
  doc: string;
  blocks: Block[];
  attachments?: AttachmentModel[];
  noted: string[];
  slugger?: GithubSlugger;
}
const { doc, blocks, attachments = [], noted } = Astro.props;
const slugger = Astro.props.slugger ?? new GithubSlugger();
const isNoted = (id: string) => noted.includes(id);
const plain = (s: string) => s.replaceAll('\n', '').replaceAll('\0', '\uFFFD').trim();
const DEPTH: Partial<Record<ClauseBlock['level'], number>> = { part: 2, section: 3, item: 4 };
function head(c: ClauseBlock) {
  const depth = DEPTH[c.level];
  const isHeading = depth !== undefined && c.title !== null && c.title === c.text && !/[。；]$/.test(c.text);
  const body = c.text.trim();
  const gap = /[.．]$/.test(c.label.trim()) && /^[0-9A-Za-z０-９]/.test(body) ? ' ' : '';
  const split = !isHeading && c.title !== null && body.startsWith(c.title) && c.title !== body;
  const strong = split && c.title !== null ? plain(c.title) : null;
  const rest = split && c.title !== null ? body.slice(c.title.length).replaceAll('\n', '').trimEnd() : plain(body);
  return {
    Tag: isHeading ? 'h' + String(depth) : 'p',
    id: isHeading ? slugger.slug(c.label + gap + (strong ?? '') + rest) : undefined,
    gap,
    strong,
    rest,
  };
}
const Self = Astro.self;
---

{
  blocks.map((b) => {
    if (b.type === 'clause') {
      const h = head(b);
      const Tag = h.Tag as 'p';
      return (
        <Clause id={b.id} level={b.level} label={b.label}>
          <Tag id={h.id}><ClauseLabel for={b.id}>{b.label}</ClauseLabel>{h.gap}{h.strong !== null && <strong>{h.strong}</strong>}{h.rest}</Tag>
          {b.children.length > 0 && <Self doc={doc} blocks={b.children} noted={noted} slugger={slugger} />}
          {isNoted(b.id) && <CollationNote doc={doc} for={b.id} />}
        </Clause>
      );
    }
    if (b.type === 'paragraph') return plain(b.text) && <Para id={b.id}><p>{plain(b.text)}</p>{isNoted(b.id) && <CollationNote doc={doc} for={b.id} />}</Para>;
    if (b.type === 'heading') {
      const text = plain(b.text);
      return text && <h2 id={slugger.slug(text)}>{text}</h2>;
    }
    if (b.type === 'table') return <DocTable doc={doc} id={b.id} />;
    if (b.type === 'entry')
      return (
        <Entry id={b.id} date={b.date ?? ''}>
          <p>{b.printedDate && <strong>{b.printedDate}</strong>}{b.printedDate && ' '}{plain(b.text)}</p>
          {isNoted(b.id) && <CollationNote doc={doc} for={b.id} />}
        </Entry>
      );
    return plain(b.text) && <Omitted id={b.id}><p>{plain(b.text)}</p>{isNoted(b.id) && <CollationNote doc={doc} for={b.id} />}</Omitted>;
  })
}
{
  attachments.map((a) => (
    <Attachment id={a.id} label={a.label}>
      <AttachmentTitle><p>{plain(a.title)}</p></AttachmentTitle>
      <Self doc={doc} blocks={a.body} noted={noted} slugger={slugger} />
    </Attachment>
  ))
}
`;

export const PATCHES: Record<string, Patch> = {
  /**
   * The character ledger of a source (≈ 10 s of a 1,000-issue ingest: counting characters, linear in the
   * text) depends only on the source text, its parse and the sources of the documents published from it:
   * cached by their checksum, a rebuild recounts only the new or changed sources.
   */
  'ledger-cache': {
    name: 'ledger-cache',
    why: 'character ledger cached per source by checksum (.cache/ingest-ledger/)',
    edits: [
      {
        file: 'src/ingest/pipeline.ts',
        find: '  const ledger = parses.map(({ parse, text }) => buildLedger({ file: parse.file, text, parse, published: documents }));',
        replace: '  const ledger = parses.map(({ parse, text }) => cachedLedger({ file: parse.file, text, parse, published: documents }));',
      },
      {
        file: 'src/ingest/pipeline.ts',
        find: 'export function runIngest(files: SourceFile[]): IngestResult {',
        replace:
          "function cachedLedger(input: Parameters<typeof buildLedger>[0]): LedgerEntry {\n" +
          "  const mine = input.published.filter((d) => d.sources.some((s) => s.file === input.file)).map((d) => d.sources);\n" +
          "  const key = createHash('sha256').update(input.file).update(input.text).update(JSON.stringify(mine)).digest('hex');\n" +
          "  const path = `.cache/ingest-ledger/${key}.json`;\n" +
          "  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as LedgerEntry;\n" +
          "  const entry = buildLedger(input);\n" +
          "  mkdirSync('.cache/ingest-ledger', { recursive: true });\n" +
          "  writeFileSync(path, JSON.stringify(entry));\n" +
          "  return entry;\n" +
          "}\n\n" +
          'export function runIngest(files: SourceFile[]): IngestResult {',
      },
      {
        file: 'src/ingest/pipeline.ts',
        find: "import { createHash } from 'node:crypto';",
        replace: "import { createHash } from 'node:crypto';\nimport { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';",
      },
    ],
  },
  /**
   * Render only what changed: GONGBAO_ONLY=<document id | issue id>,… limits the per-document and per-issue
   * routes to those ids (every other page — home, lists, feed, sitemap, search, report — is rendered as
   * always); the build goes to a scratch folder whose files then replace their old versions in dist/.
   */
  'only-pages': {
    name: 'only-pages',
    why: 'GONGBAO_ONLY=<ids> renders only those documents and issues (incremental rebuild)',
    edits: [
      {
        file: 'src/utils/only.ts',
        find: '',
        replace:
          "/** GONGBAO_ONLY=<id>,<id>: render only these documents and issues (an incremental rebuild, issue 9). */\n" +
          "const only = process.env['GONGBAO_ONLY'] ? new Set(process.env['GONGBAO_ONLY'].split(',')) : null;\n" +
          'export const onlyPage = (id: string): boolean => only === null || only.has(id);\n',
      },
      // getStaticPaths runs in a scope of its own (only imports are visible): the filter goes inside it.
      { file: 'src/pages/documents/[slug]/index.astro', find: 'export async function getStaticPaths() {', replace: "import { onlyPage } from '../../../utils/only.ts';\nexport async function getStaticPaths() {" },
      { file: 'src/pages/documents/[slug]/index.astro', find: '  return docs.map((entry) =>', replace: '  return docs.filter((entry) => onlyPage(entry.id)).map((entry) =>' },
      { file: 'src/pages/issues/[year]/[number]/print.astro', find: 'export async function getStaticPaths() {', replace: "import { onlyPage } from '../../../../utils/only.ts';\nexport async function getStaticPaths() {" },
      { file: 'src/pages/issues/[year]/[number]/print.astro', find: '  return issues.map((issue) =>', replace: '  return issues.filter((issue) => onlyPage(issue.id)).map((issue) =>' },
      { file: 'src/pages/issues/[year]/[number]/index.astro', find: 'export async function getStaticPaths() {', replace: "import { onlyPage } from '../../../../utils/only.ts';\nexport async function getStaticPaths() {" },
      {
        file: 'src/pages/issues/[year]/[number]/index.astro',
        find: '    props: { issue, newer: issues[i - 1] ?? null, older: issues[i + 1] ?? null },\n  }));',
        replace: '    props: { issue, newer: issues[i - 1] ?? null, older: issues[i + 1] ?? null },\n  })).filter((p) => onlyPage(p.props.issue.id));',
      },
      {
        file: 'src/pages/api/documents/[id].json.ts',
        find: 'export const getStaticPaths = (async () => (await allDocuments()).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;',
        replace:
          "import { onlyPage } from '../../../utils/only.ts';\nexport const getStaticPaths = (async () => (await allDocuments()).filter((doc) => onlyPage(doc.id)).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;",
      },
      {
        file: 'src/pages/api/issues/[id].json.ts',
        find: 'export const getStaticPaths = (async () => (await allIssues()).map((issue) => ({ params: { id: issue.id }, props: { issue } }))) satisfies GetStaticPaths;',
        replace:
          "import { onlyPage } from '../../../utils/only.ts';\nexport const getStaticPaths = (async () => (await allIssues()).filter((issue) => onlyPage(issue.id)).map((issue) => ({ params: { id: issue.id }, props: { issue } }))) satisfies GetStaticPaths;",
      },
    ],
  },
  /** With json-bodies, nothing reads the MDX bodies: the ingest stops emitting and re-parsing them. */
  'ingest-no-mdx': {
    name: 'ingest-no-mdx',
    why: 'the ingest no longer emits (and proves by re-parsing) one MDX body per document',
    edits: [
      {
        file: 'src/ingest/emit/collections.ts',
        find: '    files.push({ path: mdxPath, content: emitMdx(doc.body, mdxPath, doc.attachments, { doc: doc.id, noted }) });',
        replace: '    void mdxPath;\n    void noted;\n    void emitMdx;',
      },
    ],
  },
  /** isTraditionalDocument is computed for every document twice (titleKeys, witness): once is enough. */
  'memo-traditional': {
    name: 'memo-traditional',
    why: 'isTraditionalDocument memoised per document',
    edits: [
      {
        file: 'src/ingest/reconcile/group.ts',
        find: 'export function isTraditionalDocument(doc: SourceDocument): boolean {\n  return isTraditional([doc.title, ...blockTexts(doc.body)].join(\'\\n\'));\n}',
        replace:
          "const traditionalMemo = new WeakMap<SourceDocument, boolean>();\nexport function isTraditionalDocument(doc: SourceDocument): boolean {\n  let t = traditionalMemo.get(doc);\n  if (t === undefined) traditionalMemo.set(doc, (t = isTraditional([doc.title, ...blockTexts(doc.body)].join('\\n'))));\n  return t;\n}",
      },
    ],
  },
  /**
   * Lighter collections: document bodies rendered from the JSON model (which the pages already load) by an
   * Astro component, instead of one MDX module per document that Vite must compile and bundle. The `bodies`
   * collection goes; the ingest could then stop emitting and re-parsing MDX too.
   */
  'json-bodies': {
    name: 'json-bodies',
    why: 'document bodies rendered from the JSON model by components, no MDX collection',
    edits: [
      { file: 'src/components/body/Body.astro', find: '', replace: BODY_ASTRO },
      {
        file: 'src/content.config.ts',
        find: 'export const collections = { issues, documents, bodies };',
        replace: 'void bodies;\nexport const collections = { issues, documents };',
      },
      {
        file: 'src/pages/documents/[slug]/index.astro',
        find: "const body = await getEntry('bodies', doc.id);\nif (!body) throw new Error(`documents/${doc.id}: the MDX body is missing`);\nconst { Content } = await render(body);",
        replace: "const noted = [...new Set(doc.variants.map((v) => v.clause).filter(Boolean))];",
      },
      {
        file: 'src/pages/documents/[slug]/index.astro',
        find: '<Content components={bodyComponents} />',
        replace: '<Body doc={doc.id} blocks={doc.body} attachments={doc.attachments} noted={noted} />',
      },
      {
        file: 'src/pages/documents/[slug]/index.astro',
        find: "import { bodyComponents } from '../../../components/body/index.ts';",
        replace: "import Body from '../../../components/body/Body.astro';",
      },
      {
        file: 'src/pages/issues/[year]/[number]/print.astro',
        find: "  const entry = await getEntry('bodies', doc.id);\n  if (!entry) throw new Error(`documents/${doc.id}: the MDX body is missing`);\n  return (await render(entry)).Content;",
        replace: '  return [...new Set(doc.variants.map((v) => v.clause).filter(Boolean))];',
      },
      {
        file: 'src/pages/issues/[year]/[number]/print.astro',
        find: '<CoverStory components={bodyComponents} />',
        replace: '<Body doc={coverStory.id} blocks={coverStory.body} attachments={coverStory.attachments} noted={CoverStory} />',
      },
      {
        file: 'src/pages/issues/[year]/[number]/print.astro',
        find: '<Content components={bodyComponents} />',
        replace: '<Body doc={doc.id} blocks={doc.body} attachments={doc.attachments} noted={Content} />',
      },
      {
        file: 'src/pages/issues/[year]/[number]/print.astro',
        find: "import { bodyComponents } from '../../../../components/body/index.ts';",
        replace: "import Body from '../../../../components/body/Body.astro';",
      },
    ],
  },

  /**
   * Every issue has its own 政务要闻 (and often a 卷首语 or cover story with a common title), none with a
   * 发文字号: grouping by title alone makes all issues' 政务要闻 one document with N−1 "copies" — one page
   * of megabytes of collation notes, N−1 pages lost.
   */
  'reconcile-issue-scope': {
    name: 'reconcile-issue-scope',
    why: 'documents without a 发文字号 from two different gazette issues are never copies of one another',
    edits: [
      {
        file: 'src/ingest/reconcile/group.ts',
        find: 'export function groupCopies(docs: readonly SourceDocument[]): DocumentGroup[] {',
        replace: `/** Two gazette issues never hold copies of one document that has no 发文字号 (each issue has its own 政务要闻). */
const fromOtherIssue = (g: DocumentGroup, doc: SourceDocument): boolean =>
  doc.sourceKind === 'gazette-dump' && g.members.some((m) => m.sourceKind === 'gazette-dump' && m.file !== doc.file);

export function groupCopies(docs: readonly SourceDocument[]): DocumentGroup[] {`,
      },
      {
        file: 'src/ingest/reconcile/group.ts',
        find: 'groups.find((g) => (!number || !g.docNumber) && shares(g.keys, keys))',
        replace: 'groups.find((g) => (!number || !g.docNumber) && shares(g.keys, keys) && !fromOtherIssue(g, doc))',
      },
    ],
  },
};
