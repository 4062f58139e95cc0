import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'libdl-ext',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
