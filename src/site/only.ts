/**
 * GONGBAO_ONLY (JSON, src/build/build.ts astroStage): an incremental build renders only these documents and
 * issues (`pages`, by id), these sources' report pages (`reports`, by file) and these groups of the document
 * index (`groups`, 'year/2023', src/site/browse.ts facetGroups); every other page (home, the index's first
 * page, feed, sitemap, search, the report's index, API index and manifest, bulk files) is rendered as always.
 * `lastBuild` is the last build's folder: it was made by the same code (else the build is full,
 * src/build/incremental.ts), so what it derived from a document not in `pages` (its JSON unchanged) still holds.
 */
import { z } from 'zod';

export const onlyPlan = z.object({ pages: z.array(z.string()), reports: z.array(z.string()), groups: z.array(z.string()), lastBuild: z.string().optional() });
export type OnlyPlan = z.infer<typeof onlyPlan>;

const env = process.env['GONGBAO_ONLY'];
const plan = env === undefined ? null : onlyPlan.parse(JSON.parse(env));
const pages = new Set(plan?.pages);
const reports = new Set(plan?.reports);
const groups = new Set(plan?.groups);

export const onlyPage = (id: string): boolean => plan === null || pages.has(id);
export const onlyReport = (file: string): boolean => plan === null || reports.has(file);
export const onlyGroup = (group: string): boolean => plan === null || groups.has(group);
/** The last build's folder, in an incremental build that names it. */
export const lastBuild: string | null = plan?.lastBuild ?? null;
