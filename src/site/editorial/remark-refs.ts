/**
 * A remark plugin (astro.config.mjs) that stops the build at an editorial page naming a document, clause or
 * issue the site does not have: every <Cite> <Quote> <DocCard> <DocList> <IssueFacts> and the front matter's
 * document / clause, reported with the MDX file and line. The MDX parser gives each component its position,
 * so the line is exact; a front-matter value's line is found by searching the file for it. A component
 * editors cannot use (an unknown capitalised name, an attribute given as an expression) is refused too.
 * Reads the generated collections (content/documents, content/issues) once per build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EDITORIAL_COMPONENTS, referenceProblem, type EditorialComponent, type RefDocument } from './refs.ts';

interface Point {
  line: number;
  column: number;
}
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: Point; end: Point };
}
interface File {
  path: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
  fail(reason: string, place?: { place?: Point | { start: Point; end: Point } }): never;
}

const readJsonDir = <T>(dir: string): T[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as T);

/** The line (1-based) of the first line holding `needle`, after `from`; 1 when absent. */
export function lineOf(source: string, needle: string, from = 1): number {
  const lines = source.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
  return 1;
}

const isComponent = (name: string): name is EditorialComponent => (EDITORIAL_COMPONENTS as readonly string[]).includes(name);

/** The problems of one MDX tree, with their positions: pure, for tests and the plugin. */
export function editorialProblems(
  tree: MdxNode,
  source: string,
  frontmatter: Record<string, unknown>,
  docs: readonly RefDocument[],
  issues: readonly string[],
): { message: string; place: Point }[] {
  const out: { message: string; place: Point }[] = [];
  const walk = (node: MdxNode): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const place = node.position?.start ?? { line: 1, column: 1 };
      if (!isComponent(node.name)) {
        out.push({ message: `<${node.name}> 不是编辑部可用的组件（可用：${EDITORIAL_COMPONENTS.join('、')}）`, place });
      } else {
        const attrs: Record<string, string> = {};
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
          if (typeof a.value === 'string') attrs[a.name] = a.value;
          else out.push({ message: `<${node.name}> 的 ${a.name} 须写成带引号的文字，不能是表达式`, place });
        }
        const problem = referenceProblem(docs, issues, node.name, attrs);
        if (problem) out.push({ message: `<${node.name}>：${problem}`, place });
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const doc = str(frontmatter['document']);
  const clause = str(frontmatter['clause']);
  const problem = referenceProblem(docs, issues, 'front matter', { doc, clause });
  if (problem) {
    const line = lineOf(source, clause && doc && problem.includes(clause) ? clause : (doc ?? ''));
    out.unshift({ message: `front matter：${problem}`, place: { line, column: 1 } });
  }
  return out;
}

/** `known` replaces the generated collections (tests); they are read once `ready` resolves (the ingest has written them). */
export function remarkEditorialRefs(known?: { docs: RefDocument[]; issues: string[] }, ready?: Promise<void>) {
  let data = known ?? null;
  return async (tree: MdxNode, file: File): Promise<void> => {
    await ready;
    data ??= {
      docs: readJsonDir<RefDocument>('content/documents'),
      issues: readJsonDir<{ id: string }>('content/issues').map((i) => i.id),
    };
    // The processor gets the body with the front matter blanked (lines kept): its values are searched on disk.
    const problems = editorialProblems(tree, readFileSync(file.path, 'utf8'), file.data.astro?.frontmatter ?? {}, data.docs, data.issues);
    const [first] = problems;
    if (!first) return;
    const where = (p: Point) => `${relative(process.cwd(), file.path)}:${p.line}`;
    file.fail(`编辑部文章引用有误：\n${problems.map((p) => `  ${where(p.place)} ${p.message}`).join('\n')}`, { place: first.place });
  };
}
