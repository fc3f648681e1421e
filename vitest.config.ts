import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the compiled tool; keep them from competing with each other on 2 cores.
    testTimeout: 30_000,
  },
});
