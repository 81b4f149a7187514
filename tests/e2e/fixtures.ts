/**
 * Shared e2e fixture: every test's page records console errors and any request that leaves the site's
 * own origin, and fails the test if there was one — a gazette site must not hotlink anything.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ guard: { consoleErrors: string[]; foreignRequests: string[] } }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const consoleErrors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => consoleErrors.push(err.message));
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreignRequests.push(url);
      });
      const guard = { consoleErrors, foreignRequests };
      await use(guard);
      expect(foreignRequests, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
