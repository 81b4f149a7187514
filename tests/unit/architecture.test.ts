/**
 * The directions of ARCHITECTURE.md, enforced: every import in src/, scripts/ and tools/ is read (static,
 * dynamic and `<script>` imports of .astro files), resolved to a project path, and checked against the rooms
 * each room may import. A new room has to be placed here before anything may import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const CODE = /\.(ts|mjs|astro)$/;
const files = ['src', 'scripts', 'tools'].flatMap((top) =>
  readdirSync(top, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && CODE.test(d.name))
    .map((d) => join(d.parentPath, d.name)),
);

const SPEC = /(?:^|[^\w.])(?:import|export)\s*(type\s+)?(?:[^'"`;]*?\sfrom\s*)?\(?\s*['"]([^'"]+)['"]/gm;

export interface Import {
  from: string;
  /** A project path (src/gazette/model.ts), or the bare specifier of a package or builtin (node:fs, astro:content). */
  to: string;
  local: boolean;
  /** `import type`: erased at compile time, so it carries no code or I/O. */
  typeOnly: boolean;
}

export function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(SPEC)].map((m) => {
    const spec = m[2] ?? '';
    const local = spec.startsWith('.');
    return { from: file, to: local ? normalize(join(dirname(file), spec)) : spec, local, typeOnly: m[1] !== undefined };
  });
}

const imports = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

/** The room of a project path: its first two folders under src/ (src/ingest/text), else its top folder. */
export function roomOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0] ?? path;
  if (parts.length === 2) return 'src'; // Astro's entry files: src/content.config.ts, src/middleware.ts
  if (parts[1] === 'ingest') return parts.length === 3 ? 'src/ingest' : `src/ingest/${parts[2]}`;
  if (parts[1] === 'search') return parts.length === 3 ? 'src/search' : `src/search/${parts[2]}`;
  return `src/${parts[1]}`;
}

// The ingest's stages run in this order; a stage imports itself and those before it (text is the lowest).
const INGEST = ['src/ingest/text', 'src/ingest/structure', 'src/ingest/sources', 'src/ingest/reconcile', 'src/ingest/link', 'src/ingest/check', 'src/ingest', 'src/ingest/emit'];
const RENDER = ['src/gazette', 'src/site', 'src/search', 'src/search/client', 'src/components', 'src/layouts', 'src/styles', 'src/pdf'];

/** Which rooms each room may import (its own always). */
const ALLOWED: Record<string, string[]> = {
  'src/gazette': [],
  ...Object.fromEntries(INGEST.map((room, i) => [room, ['src/gazette', ...INGEST.slice(0, i)]])),
  // src/middleware.ts asks src/site/only.ts which pages this process renders.
  src: ['src/gazette', 'src/site'],
  'src/site': ['src/gazette', 'src/search'],
  'src/search': ['src/gazette'],
  'src/search/client': ['src/gazette', 'src/search'],
  'src/search/build': ['src/gazette', 'src/search'],
  'src/components': ['src/gazette', 'src/site', 'src/search', 'src/search/client', 'src/styles'],
  'src/layouts': ['src/gazette', 'src/site', 'src/components', 'src/styles'],
  'src/pages': [...RENDER, 'src/pages'],
  'src/browser': [],
  // The Astro integration: validates the configuration and serves it to the pages (virtual modules).
  'src/integration': ['src/gazette', 'src/site'],
  'src/pdf': ['src/gazette', 'src/site', 'src/browser', 'src/components', 'src/styles'],
  'src/build': ['src/gazette', 'src/ingest', ...INGEST, 'src/site', 'src/search', 'src/search/build', 'src/pdf', 'src/browser'],
  scripts: ['src/build', 'src/gazette', 'src/browser', 'src/search/build', 'src/pdf', 'src/ingest'],
  // ARCHITECTURE.md gives the benchmark all of src/; it generates issues from the seed gazette (gongbao.config.ts) and
  // measures the report's pages (src/site/report.ts).
  tools: ['tools', 'gongbao.config.ts', 'src/build', 'src/gazette', 'src/browser', ...INGEST, 'src/site', 'src/search', 'src/search/build', 'src/pdf', 'tests'],
  'src/styles': [],
};

/**
 * The shapes of the files the ingest writes (content/report.json …): src/site reads those files, so it may know
 * their types — and nothing else of the ingest.
 */
const CONTRACTS: Record<string, string[]> = { 'src/site': ['src/ingest/emit'], 'src/pages': ['src/ingest/emit'] };

/** Pure rooms: no file, process or network access (src/site, the edge where pages read generated content, may). */
const NO_NODE_IO = ['src/gazette', ...INGEST, 'src/search', 'src/search/client', 'src/components', 'src/layouts'];
const NODE_IO = /^node:(?!crypto$|path$|zlib$)|^(fs|child_process|net|http|https|os)$/;
/** Browser bundles: every module a `<script>` reaches. */
const BROWSER = ['src/search/client', 'src/components'];

describe('architecture', () => {
  it('reads the imports of every module', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.filter((i) => i.local).length).toBeGreaterThan(300);
  });

  it('places every module in a known room', () => {
    const unknown = [...new Set(files.map(roomOf))].filter((r) => !(r in ALLOWED) && r !== 'src/pages');
    expect(unknown).toEqual([]);
  });

  it('imports run downhill only', () => {
    const against = imports
      .filter((i) => i.local && !i.to.startsWith('node_modules'))
      .filter((i) => {
        const from = roomOf(i.from);
        const to = roomOf(i.to);
        return from !== to && !(ALLOWED[from] ?? []).includes(to) && !(i.typeOnly && (CONTRACTS[from] ?? []).includes(to));
      })
      .map((i) => `${i.from} → ${i.to}`);
    expect(against).toEqual([]);
  });

  it('keeps file, process and network access out of the pure rooms', () => {
    const io = imports.filter((i) => !i.local && NO_NODE_IO.includes(roomOf(i.from)) && NODE_IO.test(i.to)).map((i) => `${i.from} → ${i.to}`);
    expect(io).toEqual([]);
  });

  it('gives browser code no Node module, directly or through what it imports', () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
    const bad: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, trail: string[]): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of byFile.get(file) ?? []) {
        if (i.local && !i.typeOnly) visit(i.to, [...trail, i.to]);
        else if (/^node:|^(fs|path|child_process|crypto|os)$/.test(i.to)) bad.push(`${[...trail].join(' → ')} → ${i.to}`);
      }
    };
    for (const f of files.filter((f) => BROWSER.includes(roomOf(f)) && f.endsWith('.ts'))) visit(f, [f]);
    expect(seen.size).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });

  it('catches an import against the direction', () => {
    const wrong = importsOf('src/gazette/model.ts', "import { runIngest } from '../ingest/pipeline.ts';\n");
    expect(wrong).toEqual([{ from: 'src/gazette/model.ts', to: 'src/ingest/pipeline.ts', local: true, typeOnly: false }]);
    expect(ALLOWED[roomOf('src/gazette/model.ts')]).not.toContain(roomOf('src/ingest/pipeline.ts'));
    const astro = importsOf('src/pages/x.astro', "---\nimport Base from '../layouts/Base.astro';\n---\n<script>\n  import '../search/client/page.ts';\n</script>\n");
    expect(astro.map((i) => i.to)).toEqual(['src/layouts/Base.astro', 'src/search/client/page.ts']);
  });
});
