import { defineConfig } from 'vitest/config';
import gazette from './gongbao.config.ts';
import { gazetteModules } from './src/integration/gongbao.ts';

export default defineConfig({
  // virtual:gongbao/config as the Astro integration serves it, with the seed gazette: unit tests of src/site see the site's configuration.
  plugins: [gazetteModules(gazette)],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
