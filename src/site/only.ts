/**
 * GONGBAO_ONLY (JSON, src/build/build.ts startAstroStage): an incremental build renders only these documents and
 * issues (`pages`, by id), these sources' report pages (`reports`, by file) and these groups of the document
 * index (`groups`, 'year/2023', src/site/browse.ts facetGroups); every other page (home, the index's first
 * page, feed, sitemap, search, the report's index, API index and manifest, bulk files) is rendered as always.
 * `lastBuild` is the last build's folder: it was made by the same code (else the build is full,
 * src/build/incremental.ts), so what it derived from a document not in `pages` (its JSON unchanged) still holds.
 *
 * GONGBAO_PART ('1/2', src/build/build.ts astroParts): a full build rendered by several Astro processes at once,
 * one per core. Each renders the documents, issues, report pages and index groups of its part (`partOf` their id);
 * the last part also renders the bulk files. Pages that are not one entity's (home, lists, feed, API index …) are
 * rendered by part 0 only (src/middleware.ts).
 */
import { z } from 'zod';

export const onlyPlan = z.object({ pages: z.array(z.string()), reports: z.array(z.string()), groups: z.array(z.string()), lastBuild: z.string().optional() });
export type OnlyPlan = z.infer<typeof onlyPlan>;

const env = process.env['GONGBAO_ONLY'];
const plan = env === undefined ? null : onlyPlan.parse(JSON.parse(env));
const pages = new Set(plan?.pages);
const reports = new Set(plan?.reports);
const groups = new Set(plan?.groups);

/** Which of `parts` parts a key falls in: FNV-1a of its UTF-16 units, so that every run splits alike. */
export function partOf(key: string, parts: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % parts;
}

/** 'k/n' (part k of n, 0 ≤ k < n) as numbers. */
export function parsePart(text: string): { index: number; of: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, of] = [Number(m?.[1]), Number(m?.[2])];
  if (!m || of < 1 || index >= of) throw new Error(`GONGBAO_PART must be k/n with 0 ≤ k < n, got ${text}`);
  return { index, of };
}

const partEnv = process.env['GONGBAO_PART'];
const part = partEnv === undefined ? null : parsePart(partEnv);
const inPart = (key: string): boolean => part === null || partOf(key, part.of) === part.index;

export const onlyPage = (id: string): boolean => (plan === null || pages.has(id)) && inPart(id);
export const onlyReport = (file: string): boolean => (plan === null || reports.has(file)) && inPart(file);
export const onlyGroup = (group: string): boolean => (plan === null || groups.has(group)) && inPart(group);
/** Whether this process renders the shared pages (static routes: home, lists, feed, API index …): the one process of a build, or part 0. */
export const rendersShared: boolean = part === null || part.index === 0;

/**
 * Whether this process renders the bulk files: the one process of a build, or the last part — part 0 keeps the
 * pages every part renders, so the last has the room.
 */
export const rendersBulk: boolean = part === null || part.index === part.of - 1;
/** The last build's folder, in an incremental build that names it. */
export const lastBuild: string | null = plan?.lastBuild ?? null;
