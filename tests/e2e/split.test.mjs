// The release build splits the department view (#/forloebstider) into its own
// wasm chunk (scripts/build-split.sh): it is not part of the first load, is
// fetched once when the view first opens, and a failed fetch leaves the app
// working, with a message and a retry button where the view would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { DIST, launch, open, addPatient, text } from './helpers.mjs';

const isChunk = (u) => /\/split_[^/]*\.wasm$/.test(u);
const isLoader = (u) => /\/__wasm_split-[0-9a-f]+\.js$/.test(u);

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(DIST, '/');
});
after(async () => {
  server?.close();
  await browser?.close();
});

for (const base of ['/', '/region/afdeling/cup-pathway/']) test(`the release is split (at ${base}): the department view is a chunk of its own, fetched once and only when opened`, async (t) => {
  const chunks = readdirSync(DIST).filter((f) => /^split_.*\.wasm$/.test(f));
  assert.equal(chunks.length, 1, `one chunk in dist (a release built by scripts/build-split.sh): ${readdirSync(DIST)}`);
  const at = await serve(DIST, base);
  t.after(() => at.close());
  const { context, page, problems, requests } = await open(browser, at.url);
  t.after(() => context.close());
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter(isChunk), [], 'no chunk in the first load');
  await page.getByTestId('stats-link').click();
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  await page.getByTestId('back').click();
  await page.getByTestId('stats-link').click();
  await page.getByTestId('stats-title').waitFor();
  assert.equal(requests.filter(isChunk).length, 1, 'fetched once');
  assert.deepEqual(problems, []);
});

test('a failed chunk load: a message and a retry button, the rest of the app works, retry shows the view', async (t) => {
  // No service worker: its fetches (the precache) would bypass page.route.
  const { context, page, problems, requests } = await open(browser, server.url, undefined, { serviceWorkers: 'block' });
  t.after(() => context.close());
  await page.route(isChunk, (route) => route.abort());
  await page.getByTestId('stats-link').click();
  await page.getByTestId('chunk-error').waitFor({ timeout: 15000 });
  assert.match(await text(page, 'chunk-error'), /Forløbstider i afdelingen kunne ikke hentes/);
  assert.equal(await page.getByTestId('stats-title').count(), 0);
  // The app is alive: the worklist, a new case, its plan.
  await page.getByTestId('back').click();
  await addPatient(page, 'Efter fejl');
  assert.match(await text(page, 'case-title'), /Efter fejl/);
  // Still failing: the message again, not a cached failure nor a panic.
  await page.evaluate(() => { location.hash = '#/forloebstider'; });
  await page.getByTestId('chunk-error').waitFor();
  const failed = requests.filter(isChunk).length;
  assert.ok(failed >= 2, `each attempt fetches again (${failed})`);
  // The network is back: retry shows the view.
  await page.unroute(isChunk);
  await page.getByTestId('chunk-retry').click();
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  assert.equal(await page.getByTestId('chunk-error').count(), 0);
  // Only the aborted fetches and the loader's report of them went wrong.
  const unexpected = problems.filter((p) => !(p.startsWith('request failed: ') && isChunk(p.split(' ')[2])) 
    && !/^console: (TypeError: Failed to fetch|Failed to load resource: net::ERR_FAILED)/.test(p));
  assert.deepEqual(unexpected, [], `problems: ${JSON.stringify(problems)}`);
  assert.ok(requests.some(isLoader));
});

test('offline: the worker precached the chunk, so the department view opens with no server, never opened before', async (t) => {
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  const cached = await page.evaluate(async () => {
    const c = await caches.open((await caches.keys())[0]);
    return (await c.keys()).map((r) => r.url);
  });
  assert.ok(cached.some(isChunk) && cached.some(isLoader), `precached: ${cached}`);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('app-title').waitFor();
  await page.getByTestId('stats-link').click();
  await page.getByTestId('stats-title').waitFor({ timeout: 15000 });
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
});
