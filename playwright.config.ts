import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

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
  webServer: {
    command: `tsx scripts/serve.ts dist`,
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
