// Screenshots of every main page at phone (390 px) and desktop (1440 px) width, and whether the
// page scrolls sideways: `node tests/e2e/phoneShots.ts [outDir]` (needs dist/web built and Chromium).
import { login } from './support.ts';
import { startShots } from './shotsSupport.ts';

const { out, server, browser, close } = await startShots('/tmp/phone-shots');
const id = (k: string) => server.ids.get(k)!;
const sh = id('council:sa-huynh');
const pages: [string, string, string][] = [
  ['vp.sahuynh', 'home', '/'],
  ['vp.sahuynh', 'rounds', `/councils/${sh}/petition-rounds`],
  ['vp.sahuynh', 'petitions', `/councils/${sh}/petitions`],
  ['vp.sahuynh', 'reminders', `/councils/${sh}/reminders`],
  ['vp.sahuynh', 'reminder-letters', `/councils/${sh}/reminders?letter=due`],
  ['vp.sahuynh', 'settings', `/councils/${sh}/petition-settings`],
  ['vp.sahuynh', 'delegates', `/councils/${sh}/delegates`],
  ['vp.sahuynh', 'bodies', `/councils/${sh}/bodies`],
  ['vp.sahuynh', 'documents', `/councils/${sh}/documents`],
  ['vp.sahuynh', 'document-new', `/councils/${sh}/documents/new`],
  ['vp.sahuynh', 'templates', `/councils/${sh}/documents/templates`],
  ['vp.sahuynh', 'dashboard', `/councils/${sh}/dashboard/petitions`],
  ['vp.sahuynh', 'audit', `/councils/${sh}/audit`],
  ['vp.sahuynh', 'notifications', '/notifications'],
  ['vp.sahuynh', 'preferences', '/notifications/preferences'],
  ['so.xaydung', 'agency-home', '/'],
  ['so.xaydung', 'agency-inbox', `/agencies/${id('agency:so-xay-dung')}/petitions`],
  ['tt.sahuynh', 'standing-home', '/'],
  ['admin', 'units', '/units'],
  ['admin', 'agencies', '/agencies'],
  ['admin', 'councils', '/councils'],
  ['admin', 'users', '/users'],
  ['admin', 'abbreviations', '/text/abbreviations'],
  ['admin', 'calendar', '/calendar'],
  ['vp.tinh', 'lower-councils', `/councils/${id('council:province')}/dashboard/lower-councils`],
];
const only = process.argv[3]?.split(',');
/** Waits for the page's header, its data and no spinner. */
async function settle(page: import('playwright-core').Page) {
  await page.waitForSelector('.nt-page-head', { timeout: 30_000 }).catch(() => {});
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(300);
}
const report: string[] = [];
try {
  for (const width of [390, 1440]) {
    let who = '';
    const ctx = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    for (const [user, name, path] of pages) {
      if (only && !only.includes(name)) continue;
      if (user !== who) {
        await ctx.clearCookies();
        await login(page, server.baseUrl, user);
        who = user;
      }
      await page.goto(server.baseUrl + path);
      await settle(page);
      const m = await page.evaluate(() => ({ sw: document.scrollingElement!.scrollWidth, iw: window.innerWidth }));
      report.push(`${width} ${name}: scrollWidth ${m.sw} / ${m.iw}${m.sw > m.iw ? '  <-- SCROLLS SIDEWAYS' : ''}`);
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: width === 390 });
      // Round page tabs.
      if (name === 'rounds') {
        const first = page.locator('a[href*="/petition-rounds/"]').first();
        if (await first.count()) {
          const href = await first.getAttribute('href');
          for (const tab of ['meetings', 'intake', 'classify', 'merge', 'dispatch']) {
            await page.goto(`${server.baseUrl}${href}?tab=${tab}`);
            await settle(page);
            const r = await page.evaluate(() => ({ sw: document.scrollingElement!.scrollWidth, iw: window.innerWidth }));
            report.push(`${width} round-${tab}: scrollWidth ${r.sw} / ${r.iw}${r.sw > r.iw ? '  <-- SCROLLS SIDEWAYS' : ''}`);
            await page.screenshot({ path: `${out}/round-${tab}-${width}.png`, fullPage: width === 390 });
          }
        }
      }
    }
    await ctx.close();
  }
} finally {
  console.log(report.join('\n'));
  await close();
}
