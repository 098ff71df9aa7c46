// End-to-end: the release build in dist/, served on 127.0.0.1, driven in
// headless Chromium as a clinician would use it. Run by scripts/test.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser?.close());

/** A fresh browser profile with console errors and failed requests recorded. */
async function open(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  await page.getByTestId('app-title').waitFor();
  return { context, page, problems };
}

/** Type a label and press Tilføj, as a clinician would. */
async function submitLabel(page, label) {
  await page.getByTestId('add-patient-input').fill(label);
  await page.getByTestId('add-patient-button').click();
}

/** Add a patient and wait until its row shows. */
async function addPatient(page, label) {
  await submitLabel(page, label);
  await page.getByTestId('patient-label').filter({ hasText: label }).waitFor();
}

for (const base of ['/', '/region/afdeling/cup-pathway/']) {
  test(`served at ${base}: renders, adds a patient, keeps it across reload, no console errors`, async () => {
    const server = await serve(DIST, base);
    const { context, page, problems } = await open(server.url);
    try {
      assert.equal(await page.title(), 'Pakkeforløb: metastaser uden organspecifik kræfttype');
      assert.equal(await page.getByTestId('app-title').textContent(), 'Pakkeforløb: metastaser uden organspecifik kræfttype');
      assert.match(await page.getByTestId('edition').textContent(), /Sundhedsstyrelsen/);
      await page.getByTestId('worklist-empty').waitFor();

      await addPatient(page, 'Stue 3 seng 2');
      assert.match(await page.getByTestId('patient-destination').first().textContent(), /Endnu ikke afgjort/);
      assert.equal(await page.getByTestId('add-patient-input').inputValue(), '');

      await page.reload();
      await page.getByTestId('app-title').waitFor();
      assert.deepEqual(await page.getByTestId('patient-label').allTextContents(), ['Stue 3 seng 2']);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('a label that looks like a CPR number is refused with a reason, and nothing is lost', async () => {
  const server = await serve(DIST, '/');
  const { context, page, problems } = await open(server.url);
  try {
    await addPatient(page, 'Pt K');
    await submitLabel(page, '0102031234');
    await page.getByTestId('add-patient-error').waitFor();
    assert.match(await page.getByTestId('add-patient-error').textContent(), /CPR-nummer/);
    assert.equal(await page.getByTestId('add-patient-input').inputValue(), '0102031234');
    assert.deepEqual(await page.getByTestId('patient-label').allTextContents(), ['Pt K']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('unreadable stored data is reported, not overwritten', async () => {
  const server = await serve(DIST, '/');
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cup-pathway', '{broken');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.getByTestId('storage-error').waitFor();
    assert.match(await page.getByTestId('storage-error').textContent(), /overskrives ikke/);
    await addPatient(page, 'Pt L');
    assert.equal(await page.evaluate(() => localStorage.getItem('cup-pathway')), '{broken');
  } finally {
    await context.close();
    await server.close();
  }
});
