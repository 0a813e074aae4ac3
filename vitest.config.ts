import { defineConfig } from 'vitest/config';

// Runs every package's and example's tests, and the repository scripts' tests (the connector
// generator), in one process; `npm test` runs the packages' and examples' per package through
// turbo, then the scripts' (`npm run test:scripts`).
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'examples/*',
      {
        test: {
          name: 'scripts',
          include: ['scripts/**/*.test.ts'],
          setupFiles: ['./vitest.setup.ts'],
        },
      },
    ],
  },
});
