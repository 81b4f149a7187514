/**
 * An Astro build started before the ingest ended (src/build/build.ts startAstro sets GONGBAO_AWAIT_PLAN): it
 * loads and bundles at once, beside the ingest, then waits for the build's one message — the environment of
 * its plan (GONGBAO_ONLY) — before anything reads the generated collections: the pages (the prerenderer's
 * setup imports them) and the editorial references' check (src/site/editorial/remark-refs.ts). Without the
 * variable there is nothing to wait for.
 */
export interface PlanMessage {
  env: Record<string, string>;
}

export const awaitsPlan = process.env['GONGBAO_AWAIT_PLAN'] === '1' && process.send !== undefined;

export const planReady: Promise<void> = awaitsPlan
  ? new Promise((resolve, reject) => {
      const lost = (): void => reject(new Error('gongbao: the build that started this Astro process stopped before sending its plan'));
      process.once('disconnect', lost);
      process.once('message', (m: PlanMessage) => {
        process.off('disconnect', lost);
        Object.assign(process.env, m.env);
        // The one message: an open channel would keep the process alive after the build. Not from within the
        // message's own handler, where Node still uses the channel.
        setImmediate(() => process.disconnect?.());
        resolve();
      });
    })
  : Promise.resolve();
// Awaited where it matters; a build that fails while bundling must not also die of an unobserved rejection.
planReady.catch(() => undefined);
