import { defineConfig } from 'vitest/config';

// Runs every package's tests in one process; `npm test` runs them per package through turbo.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});
