import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-call-tracking',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
  },
});
