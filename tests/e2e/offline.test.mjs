// Offline on tablets after one visit, updates that never mix builds, and
// installability — against the release build with its service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { DIST, launch, open, addPatient, choose, select, text } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser?.close());

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
}

for (const base of ['/', '/region/afdeling/cup-pathway/']) {
  test(`offline at ${base}: after one visit the app starts with no server at all, every case there`, async (t) => {
    const server = await serve(DIST, base);
    t.after(() => server.close());
    const { context, page, problems } = await open(browser, server.url);
    t.after(() => context.close());
    await controlled(page);
    await addPatient(page, 'Tablet 1');
    await select(page, 'FindingSite', 'lymph_node_groin');
    for (const q of ['KnownCancer', 'OrganSpecificSuspected', 'LymphomaSuspected']) await choose(page, q, 'no');
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('case-title').filter({ hasText: 'Tablet 1' }).waitFor();
    assert.equal(await text(page, 'destination'), 'Dette pakkeforløb: medicinsk afdeling');
    await page.getByTestId('back').click();
    await page.getByTestId('patient-label').first().waitFor();
    assert.deepEqual(await page.getByTestId('patient-label').allTextContents(), ['Tablet 1']);
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  });
}

test('a new deployment: the app says so, reloads into the new build on request, and drops the old cache', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'cup-deploy-'));
  cpSync(DIST, root, { recursive: true });
  const server = await serve(`${root}/`, '/');
  t.after(() => server.close());
  const { context, page } = await open(browser, server.url);
  t.after(() => context.close());
  await controlled(page);
  await addPatient(page, 'Seng 3');
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);
  // Deploy: a new build id in sw.js (as a new build would stamp).
  const sw = join(root, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "0000000000000001"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByTestId('update-ready').waitFor();
  assert.match(await text(page, 'update-ready'), /ny version/);
  // Until the user accepts, the old build keeps running from its own cache.
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((k) => k === before[0]), before);
  await Promise.all([page.waitForEvent('load'), page.getByTestId('apply-update').click()]);
  await page.getByTestId('case-title').filter({ hasText: 'Seng 3' }).waitFor();
  await page.waitForFunction(async () => (await caches.keys()).join() === 'cup-pathway-0000000000000001');
  rmSync(root, { recursive: true, force: true });
});

test('installable: Chromium reports no installability errors (DevTools protocol, persistent profile)', async (t) => {
  const server = await serve(DIST, '/region/afdeling/cup-pathway/');
  t.after(() => server.close());
  const profile = mkdtempSync(join(tmpdir(), 'cup-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  // The profile goes after Chromium has closed (it writes there until then).
  t.after(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('app-title').waitFor();
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.url, /\/region\/afdeling\/cup-pathway\/manifest\.webmanifest$/);
});
