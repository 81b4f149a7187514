/**
 * GONGBAO_ONLY=<id>,<id>…: an incremental build (scripts/build.ts) renders only these documents and issues;
 * every other page (home, lists, feed, sitemap, search, report, API index) is rendered as always.
 */
const ids = process.env['GONGBAO_ONLY'];
const only = ids === undefined ? null : new Set(ids.split(',').filter(Boolean));

export const onlyPage = (id: string): boolean => only === null || only.has(id);
