import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fake-api/**/*.test.ts', 'components/**/*.test.ts?(x)'],
    // After WXT's own setup (which installs fakeBrowser): gives fakeBrowser the shipped UI strings.
    setupFiles: ['tests/unit/setup/i18n.ts'],
    environment: 'happy-dom',
    mockReset: true,
    restoreMocks: true,
  },
});
