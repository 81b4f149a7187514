/**
 * In a split full build (src/site/only.ts GONGBAO_PART) only part 0 renders the pages of static routes — the
 * shared pages (home, lists, feed, sitemap, search, API index and manifest): the other parts answer them
 * empty, and the merge keeps part 0's (src/build/stage-swap.ts mergeInto). Dynamic routes choose their own
 * pages (onlyPage, onlyReport, onlyGroup, rendersBulk).
 */
import { defineMiddleware } from 'astro:middleware';
import { rendersShared } from './site/only.ts';

export const onRequest = defineMiddleware((context, next) => (rendersShared || Object.keys(context.params).length > 0 ? next() : new Response('')));
