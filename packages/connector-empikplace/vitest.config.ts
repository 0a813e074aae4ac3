import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'connector-empikplace',
    include: ['src/**/*.test.ts'],
    // Behaviour tests talk to loopback simulators; CI runs every package at once on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['../../vitest.setup.ts'],
  },
});
