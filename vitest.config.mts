import { defineConfig } from 'vitest/config';

// Each package is its own vitest project; `npm test` runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});
