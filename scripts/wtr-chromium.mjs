// The Chromium launcher of both web-test-runner configs (web-test-runner.config.mjs and
// web-test-runner.frameworks.config.mjs).
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

export function wtrChromium() {
  return chromeLauncher({
    // One browser context (its own window) per test file: with --headless=new a second tab in one window is
    // hidden, so requestAnimationFrame, IntersectionObserver and fixture() of plain elements never run there.
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    launchOptions: {
      executablePath: chromiumPath(),
      headless: true,
      args: ['--headless=new', ...CHROMIUM_ARGS],
    },
  });
}
