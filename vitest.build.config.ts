import { defineConfig } from 'vitest/config';

// Build-level tests (tests/build/): whole builds in work folders, run by `npm test` after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
