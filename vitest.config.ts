import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the compiled tool; keep them from competing with each other on 2 cores.
    testTimeout: 30_000,
    // Hooks delete the projects the tests built; on a loaded shared machine that can take longer than vitest's 10 s default.
    hookTimeout: 60_000,
  },
});
