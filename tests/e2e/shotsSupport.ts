// The common part of the screenshot scripts (`node tests/<area>/shots.ts [outDir]`): the output
// folder, the app server with the demo data and Chromium, signing in, and the sideways-scroll check.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, login, startServer } from './support.ts';

/**
 * Starts a screenshot script: the output folder (the first argument, else `defaultOut`, created),
 * the server (startServer) and Chromium (launchBrowser). `close()` ends both.
 */
export async function startShots(defaultOut: string) {
  const out = process.argv[2] ?? defaultOut;
  fs.mkdirSync(out, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  return {
    out,
    server,
    browser,
    base: server.baseUrl,
    ids: server.ids,
    /** Signs in through the login page as a demo user. */
    login: (page: Page, username: string) => login(page, server.baseUrl, username),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Whether the page is wider than the window asked for (a phone context widens window.innerWidth to fit the content). */
export const scrollsSideways = (page: Page) =>
  page.evaluate((w) => document.documentElement.scrollWidth > (w ?? window.innerWidth) + 1, page.viewportSize()?.width);

/** Prints `sideways scroll: <label>` when the page scrolls sideways. */
export async function reportSideways(page: Page, label: string): Promise<void> {
  if (await scrollsSideways(page)) console.log(`sideways scroll: ${label}`);
}
