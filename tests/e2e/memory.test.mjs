// Issue 23, point 2, end to end: locked means nothing of the cases in this
// tab's memory. A patient's label is searched in the page's WebAssembly
// memory (every byte of it): after *Lås*, after a lock from another tab, and
// on a fresh lock screen it is found 0 times (the tab reloads itself once the
// lock has closed and its last write is done); while unlocked it is there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, open, addPatient, turnOnLock, unlock, injectRenderFault } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** Keep every WebAssembly instance's memory where the test can read it. */
async function watchMemory(context) {
  await context.addInitScript(() => {
    const keep = (r) => { window.__wasmMemory = (r.instance ?? r).exports.memory; return r; };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);
  });
}

/** How often `label` (UTF-8) occurs in the page's WebAssembly memory. */
function occurrences(page, label) {
  return page.evaluate((label) => {
    const hay = new Uint8Array(window.__wasmMemory.buffer);
    const needle = new TextEncoder().encode(label);
    let n = 0;
    outer: for (let i = hay.indexOf(needle[0]); i !== -1 && i <= hay.length - needle.length; i = hay.indexOf(needle[0], i + 1)) {
      for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      n++;
    }
    return n;
  }, label);
}

/** Do `action`, and wait for the page to have reloaded and shown the lock screen. */
async function lockedAndReloaded(page, action) {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
  await page.getByTestId('lock-screen').waitFor();
  await page.waitForFunction(() => window.__wasmMemory !== undefined);
}

test('after Lås, a lock from another tab, and on a fresh lock screen, no label is in the wasm memory', async (t) => {
  const label = 'Hukommelse Qx';
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  await watchMemory(context);
  await page.reload();
  await addPatient(page, label);
  await turnOnLock(page, server.url);
  await page.goto(`${server.url}#/`);
  await page.getByTestId('patient-label').filter({ hasText: label }).waitFor();
  assert.ok(await occurrences(page, label) > 0, 'unlocked, the label is in memory (the search finds it)');

  await lockedAndReloaded(page, () => page.getByTestId('lock-button').click());
  assert.equal(await occurrences(page, label), 0, 'after Lås');

  // Unlocked again in this tab, then locked from another tab.
  await unlock(page);
  await page.getByTestId('patient-label').filter({ hasText: label }).waitFor();
  assert.ok(await occurrences(page, label) > 0);
  const other = await context.newPage();
  await other.goto(`${server.url}#/`);
  await other.getByTestId('lock-screen').waitFor();
  await unlock(other);
  await other.getByTestId('patient-label').filter({ hasText: label }).waitFor();
  await lockedAndReloaded(page, () => other.getByTestId('lock-button').click());
  assert.equal(await occurrences(page, label), 0, 'after a lock from another tab');

  // A fresh page on the lock screen, and the Om page while locked: the same lock screen.
  const fresh = await context.newPage();
  await fresh.goto(`${server.url}#/`);
  await fresh.getByTestId('lock-screen').waitFor();
  await fresh.waitForFunction(() => window.__wasmMemory !== undefined);
  assert.equal(await occurrences(fresh, label), 0, 'a fresh lock screen');
  assert.deepEqual(problems, []);
});

test('an error with the lock on, and the lock removed behind the tab: the tab reloads locked, with no label in memory, and says why', async (t) => {
  const label = 'Hukommelse Zk';
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  await watchMemory(context);
  await page.reload();
  await addPatient(page, label);
  await turnOnLock(page, server.url);
  await page.goto(`${server.url}#/`);
  await page.getByTestId('patient-label').filter({ hasText: label }).waitFor();
  assert.ok(await occurrences(page, label) > 0);

  // A panic while the cases are open: no panel over a heap full of cases, a reload.
  await injectRenderFault(page);
  await lockedAndReloaded(page, () => page.getByTestId('patient-label').click());
  assert.equal(await occurrences(page, label), 0, 'after the error');
  assert.match(await page.getByTestId('storage-error').innerText(), /fejl og er genstartet, låst/);
  assert.equal(await page.getByTestId('panic-panel').count(), 0);

  // Open again (the reload came back at the case it was opening); another
  // writer puts a plain store in place of the lock.
  await unlock(page);
  await page.getByTestId('case-title').filter({ hasText: label }).waitFor();
  assert.ok(await occurrences(page, label) > 0);
  const other = await context.newPage();
  await other.goto(`${server.url}#/om`);
  await lockedAndReloaded(page, () => other.evaluate(() => localStorage.setItem('cup-pathway', JSON.stringify({ format: 'cup-pathway', version: 4, worklist: { patients: [] } }))));
  assert.equal(await occurrences(page, label), 0, 'after the lock was removed');
  // Still locked after the reload: it asks before anything is opened in the clear.
  await page.getByTestId('lock-removed-yes').waitFor();
  assert.ok(problems.some((p) => /panicked at/.test(p)), problems.join('\n'));
  assert.deepEqual(problems.filter((p) => !/panicked at|RuntimeError|unreachable/.test(p)), []);
});
