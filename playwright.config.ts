import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
/** The same site with its search index in two shards (2023, 2021): tests/e2e/search-shards.spec.ts. */
export const shardedPort = port + 1;
const sharded = '.cache/e2e-sharded';
/** The seed site beside two regulations (tests/support/legal-site.ts), built without PDFs: tests/e2e/legal.spec.ts. */
export const legalPort = port + 2;
const legal = '.cache/e2e-legal';

// The e2e suite runs against the built dist/ (npm run build), served as a static host would serve it.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    locale: 'zh-CN',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `tsx scripts/serve.ts dist`,
      url: `http://127.0.0.1:${port}/`,
      env: { PORT: String(port) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The seed site spans two years: one newest year in the primary shard leaves 2021 in a shard of its own.
      command: `rm -rf ${sharded} && cp -R dist ${sharded} && tsx scripts/search-index.ts ${sharded} --primary-pages 1 && tsx scripts/serve.ts ${sharded}`,
      url: `http://127.0.0.1:${shardedPort}/`,
      env: { PORT: String(shardedPort) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `tsx tests/support/legal-site.ts ${legal} && tsx scripts/serve.ts ${legal}/dist`,
      url: `http://127.0.0.1:${legalPort}/`,
      env: { PORT: String(legalPort) },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
