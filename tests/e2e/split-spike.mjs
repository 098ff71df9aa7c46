// Spike check for the split build: the department view's chunk is not part
// of the first load, is fetched when #/forloebstider opens, and the screen renders
// with no console error, with the page's CSP in force (and once bypassed).
// Usage: node tests/e2e/split-spike.mjs <dist-dir>
import { launch, open } from './helpers.mjs';
import { serve } from './server.mjs';
import { readdirSync } from 'node:fs';

const dist = process.argv[2] ?? 'dist';
const chunks = readdirSync(dist).filter((f) => f.endsWith('.wasm') && !/^cup-pathway-/.test(f));
console.log('chunks in dist:', chunks);
const server = await serve(dist, '/');
const browser = await launch();
let failed = false;
for (const bypassCSP of [false, true]) {
  const { context, page, problems, requests } = await open(browser, server.url, undefined, { bypassCSP });
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null);
  await page.waitForTimeout(500);
  const before = requests.filter((u) => chunks.some((c) => u.endsWith(c)) || /__wasm_split-[0-9a-f]+\.js$/.test(u));
  const t0 = Date.now();
  await page.evaluate(() => { location.hash = '#/forloebstider'; });
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  const ms = Date.now() - t0;
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-testid]')].map((e) => e.dataset.testid));
  const title = await page.getByTestId('stats-title').textContent();
  const after = requests.filter((u) => chunks.some((c) => u.endsWith(c)));
  // Back and forth: the chunk is loaded once.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForTimeout(300);
  await page.evaluate(() => { location.hash = '#/forloebstider'; });
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  const again = requests.filter((u) => chunks.some((c) => u.endsWith(c)));
  console.log(JSON.stringify({ bypassCSP, cspPresent: !!csp, splitRequestsBeforeAfdeling: before, chunkRequestsAfterOpen: after,
    chunkRequestsAfterReopen: again.length, title, msToRender: ms, statsTestIds: ids.filter((i) => /stat|period|csv|measure|quarter|dest|unreg|check/.test(i)).slice(0, 20), problems }, null, 1));
  if (problems.length || !chunks.length || after.length !== 1 || before.some((u) => u.endsWith('.wasm'))) failed = true;
  await context.close();
}
// Offline: the service worker precached the chunk (stamp-sw.mjs lists every
// .wasm), so the department view opens with no server, never opened before.
{
  const { context, page, problems, requests } = await open(browser, server.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  const cached = await page.evaluate(async () => { const c = await caches.open((await caches.keys())[0]); return (await c.keys()).map((r) => r.url.split('/').pop()); });
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('app-title').waitFor();
  await page.evaluate(() => { location.hash = '#/forloebstider'; });
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  const offlineProblems = problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
  console.log(JSON.stringify({ offline: true, chunkCached: cached.filter((f) => chunks.includes(f) || /^__wasm_split-/.test(f)), rendered: true, problems: offlineProblems }));
  if (offlineProblems.length || !cached.some((f) => chunks.includes(f))) failed = true;
  await context.close();
}
await browser.close();
await server.close();
console.log(failed ? 'SPIKE CHECK: FAIL' : 'SPIKE CHECK: PASS');
process.exit(failed ? 1 : 0);
