// End-to-end basics: the release build in dist/, served on 127.0.0.1 at the
// root and under a sub-path, in headless Chromium. Run by scripts/test.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, open, addPatient, submitLabel, text, everythingStored, injectRenderFault } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser?.close());

for (const base of ['/', '/region/afdeling/cup-pathway/']) {
  test(`served at ${base}: renders, adds a patient, keeps it across reload, back returns to the worklist`, async (t) => {
    const server = await serve(DIST, base);
    t.after(() => server.close());
    const { context, page, problems } = await open(browser, server.url);
    t.after(() => context.close());
    assert.equal(await page.title(), 'Pakkeforløb for metastaser uden organspecifik kræfttype');
    await page.getByTestId('worklist-empty').waitFor();
    await addPatient(page, 'Seng 12');
    assert.match(page.url(), /#\/sag\/1$/);
    await page.reload();
    await page.getByTestId('case-title').filter({ hasText: 'Seng 12' }).waitFor();
    await page.goBack();
    await page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).waitFor();
    assert.match(await text(page, 'patient-destination'), /Endnu ikke afgjort/);
    assert.deepEqual(problems, []);
  });
}

test('a label that looks like a CPR number is refused with a reason, and nothing is lost', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Amb. 3');
  await page.getByTestId('back').click();
  await submitLabel(page, '0102031234');
  await page.getByTestId('add-patient-error').filter({ hasText: 'CPR-nummer' }).waitFor();
  assert.equal(await page.getByTestId('add-patient-input').inputValue(), '0102031234');
  await page.reload();
  await page.getByTestId('patient-label').filter({ hasText: 'Amb. 3' }).waitFor();
  assert.equal(await page.getByTestId('patient-row').count(), 1);
  assert.deepEqual(problems, []);
});

test('unreadable stored data is kept under its own key, offered for download, and the app goes on', async (t) => {
  const { readFileSync } = await import('node:fs');
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page } = await open(browser, server.url);
  t.after(() => context.close());
  await page.evaluate(() => localStorage.setItem('cup-pathway', '{broken'));
  await page.reload();
  assert.match(await text(page, 'storage-error'), /kunne ikke læses.*bevaret uændret under nøglen/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-unreadable').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), '{broken');
  await submitLabel(page, 'Seng 4');
  await page.getByTestId('case-title').waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cup-pathway.unreadable.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{broken']);
  assert.match(await page.evaluate(() => localStorage.getItem('cup-pathway')), /"label":"Seng 4"/);
  // The kept copy is never encrypted: the lock waits until it is downloaded and deleted.
  await page.getByTestId('about-link').click();
  await page.getByTestId('plain-copies').waitFor();
  await page.getByTestId('lock-passphrase').fill('en lang frase');
  await page.getByTestId('lock-repeat').fill('en lang frase');
  await page.getByTestId('lock-enable').click();
  await page.getByTestId('lock-error').filter({ hasText: /ligger ukrypteret/ }).waitFor();
  await page.getByTestId('delete-copy').click();
  assert.equal(await page.getByTestId('plain-copies').count(), 0);
  assert.equal(await page.getByTestId('storage-error').count(), 0, 'the banner about the deleted copy goes too');
  await page.getByTestId('lock-enable').click();
  await page.getByTestId('lock-on').waitFor();
  assert.doesNotMatch(await everythingStored(page), /Seng 4|broken/);
});

test('storage blocked (SecurityError on access): the app runs from memory with a warning that stays', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const context = await browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  assert.match(await text(page, 'storage-error'), /tillader ikke lokal lagring/);
  // A failure of storage, not a notice (issue 27.2): drawn as an error.
  assert.match(await page.getByTestId('storage-error').getAttribute('class'), /banner-error/);
  assert.equal(await page.getByTestId('storage-error').getAttribute('role'), 'alert');
  await addPatient(page, 'Kun i hukommelsen');
  await page.getByTestId('q-Sex-male').check();
  assert.match(await text(page, 'storage-error'), /tillader ikke lokal lagring/, 'the warning stays');
  assert.deepEqual(errors, [], 'no panic');
});

test('privacy: a full journey sends no request outside the origin, under a CSP the build satisfies', async (t) => {
  const server = await serve(DIST, '/region/afdeling/cup-pathway/');
  t.after(() => server.close());
  const { context, page, problems, requests } = await open(browser, server.url);
  t.after(() => context.close());
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!/'unsafe-eval'|script-src[^;]*'unsafe-inline'/.test(csp), csp);
  await addPatient(page, 'Privat 1');
  await page.getByTestId('q-FindingSite').selectOption('liver');
  for (const q of ['Sex-male', 'KnownCancer-no', 'OrganSpecificSuspected-no', 'LymphomaSuspected-no', 'ColorectalSuspected-no']) {
    await page.getByTestId(`q-${q}`).check();
  }
  await page.getByTestId('event-referral-today').click();
  await page.getByTestId('checklist-later-toggle').click();
  await page.getByTestId('tick-s3_1_history').check();
  await page.getByTestId('share').click();
  await page.getByTestId('share-qr').waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('back').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  // The lock, under the same policy: WebCrypto needs no network and no eval.
  await page.getByTestId('about-link').click();
  await page.getByTestId('lock-passphrase').fill('privat frase 9');
  await page.getByTestId('lock-repeat').fill('privat frase 9');
  await page.getByTestId('lock-enable').click();
  await page.getByTestId('lock-on').waitFor();
  await page.getByTestId('back').click();
  await page.reload();
  await page.getByTestId('unlock-passphrase').fill('privat frase 9');
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('patient-label').waitFor();
  assert.ok(requests.length >= 8, `requests observed: ${requests.length}`);
  assert.deepEqual(problems, [], 'no request to another origin, no CSP violation, no error');
  console.log(`# privacy journey: ${requests.length} requests, all to ${new URL(server.url).origin}`);
});

test('a real panic: an error panel with the saved data for download, not a dead page', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Panik 1');
  await page.getByTestId('back').click();
  // A browser fault the app cannot handle: creating a <fieldset> (the wizard's
  // questions) throws, and the renderer's unwrap panics inside the wasm.
  await injectRenderFault(page);
  await page.getByTestId('patient-label').click();
  const panel = page.getByTestId('panic-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /stødte på en fejl.*Dine gemte data er ikke ændret/s);
  assert.match(await panel.innerText(), /panicked at/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panic-export').click()]);
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.worklist.patients[0].label, 'Panik 1');
  // The console shows the panic; nothing else went wrong.
  assert.ok(problems.some((p) => /panicked at/.test(p)), problems.join('\n'));
  assert.deepEqual(problems.filter((p) => !/panicked at|RuntimeError|unreachable/.test(p)), []);
  // A reload starts the app again, at the case it was opening.
  await page.reload();
  await page.getByTestId('case-title').filter({ hasText: 'Panik 1' }).waitFor();
});

test('two tabs: changes in one appear in the other, the later change wins, the other tab is told, and nothing is lost', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page: a, problems } = await open(browser, server.url);
  t.after(() => context.close());
  const b = await context.newPage();
  await b.goto(server.url);
  await b.getByTestId('worklist-empty').waitFor();
  await addPatient(a, 'Fane 1');
  await b.getByTestId('patient-label').filter({ hasText: 'Fane 1' }).waitFor();
  await b.getByTestId('patient-label').click();
  await b.getByTestId('q-Sex-male').check();
  await a.getByTestId('changed-elsewhere').waitFor();
  assert.ok(await a.getByTestId('q-Sex-male').isChecked(), "B's answer shows in A");
  await a.getByTestId('q-FindingSite').selectOption('bone');
  await b.getByTestId('q-SpinalCordCompression-unknown').waitFor();
  assert.ok(await b.getByTestId('q-Sex-male').isChecked(), "A's later change kept B's answer");
  await b.getByTestId('q-SpinalCordCompression-no').check();
  for (const p of [a, b]) {
    await p.reload();
    await p.getByTestId('case-title').filter({ hasText: 'Fane 1' }).waitFor();
    assert.ok(await p.getByTestId('q-Sex-male').isChecked());
    assert.equal(await p.getByTestId('q-FindingSite').inputValue(), 'bone');
    assert.ok(await p.getByTestId('q-SpinalCordCompression-no').isChecked());
  }
  assert.deepEqual(problems, []);
});
