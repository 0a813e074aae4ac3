import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'connector-thulium',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
  },
});
