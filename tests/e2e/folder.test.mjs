// The department's shared folder (issue 25), as two PCs would use it: two
// browser profiles stand for two PCs, each with the folder as its origin
// private file system (the same handle interface as a picked folder; the
// picker is replaced by one that hands it over), and the test copies each
// PC's own file to the other as a sync client would. Different patients
// and the same patient edited on both; a clash shown and resolved; both
// converge. Screenshots and axe on the panel at both sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { DIST, launch, open, openAxe, addPatient, screen, turnOnLock, everythingStored, unlock } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

// The folder the picker "chooses": a subfolder of the profile's OPFS.
const PICKER = () => {
  window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('afdeling', { create: true });
};

/** Every file in the PC's folder: name → base64. */
const files = (page) => page.evaluate(async () => {
  const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('afdeling', { create: true });
  const out = {};
  for await (const [n, h] of d.entries()) {
    const b = new Uint8Array(await (await h.getFile()).arrayBuffer());
    out[n] = btoa(String.fromCharCode(...b));
  }
  return out;
});

/** The sync client: the file `name` of one PC copied into the other's folder. */
async function carry(from, to, name) {
  const all = await files(from);
  assert.ok(all[name], `${name} in the folder`);
  await to.evaluate(async ([n, b64]) => {
    const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('afdeling', { create: true });
    const w = await (await d.getFileHandle(n, { create: true })).createWritable();
    await w.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    await w.close();
  }, [name, all[name]]);
}

/** Opens the panel (it stays open while the clinician moves between screens). */
async function openPanel(page) {
  const section = page.getByTestId('folder-section');
  if (!(await section.evaluate((d) => d.open))) await section.locator('summary').click();
  await page.getByTestId('folder-panel').waitFor();
}

async function pc(label) {
  const p = await openAxe(browser, server.url);
  await p.context.addInitScript(PICKER);
  await p.page.evaluate(PICKER);
  await addPatient(p.page, label);
  await turnOnLock(p.page, server.url);
  await p.page.goto(`${server.url}#/`);
  await openPanel(p.page);
  return p;
}

/** "Del nu", and wait until the round is done (the status line says when). */
async function shareNow(page) {
  const line = page.getByTestId('folder-line');
  const before = Number(await line.getAttribute('data-rounds'));
  await page.getByTestId('folder-sync-now').click();
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-testid=folder-line]');
    return el && Number(el.dataset.rounds) > n && el.dataset.busy === 'false';
  }, before);
}

test('two PCs share one folder: a new code shown once, a PC joins with it, patients meet, a clash is shown and resolved, both converge', async (t) => {
  // PC A, the responsible specialist's: the first to use the folder.
  const a = await pc('Seng 12');
  t.after(() => a.context.close());
  await a.page.getByTestId('folder-connect').click();
  const code = (await a.page.getByTestId('folder-new-secret').innerText()).trim();
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
  await screen(a.page, 'folder-new-code');
  await a.page.getByTestId('folder-secret-noted').click();
  await a.page.getByTestId('folder-line').filter({ hasText: /1 pc har delt den sidste uge · sidst delt \d\d:\d\d$/ }).waitFor();
  const ownA = Object.keys(await files(a.page));
  assert.equal(ownA.length, 1);
  const nameA = ownA[0];
  // Nothing of the list, and not the code, is readable in the folder or at rest.
  const fileA = Buffer.from((await files(a.page))[nameA], 'base64').toString();
  assert.doesNotMatch(fileA, /Seng 12/);
  const atRest = await everythingStored(a.page);
  assert.ok(!atRest.includes(code.replaceAll('-', '')) && !atRest.includes('Seng 12'), 'the code and the list are not readable at rest');

  // PC B, the coordinating nurse's: its own patient; the folder already holds A's file.
  const b = await pc('Stue 3');
  t.after(() => b.context.close());
  await carry(a.page, b.page, nameA);
  await b.page.getByTestId('folder-connect').click();
  await b.page.getByTestId('folder-secret').waitFor();
  // A typo is caught by the code's check before anything is tried.
  const typo = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
  await b.page.getByTestId('folder-secret').fill(typo);
  await b.page.getByTestId('folder-join').click();
  await b.page.getByTestId('folder-problem').filter({ hasText: /skrevet forkert/ }).waitFor();
  await screen(b.page, 'folder-join-typo');
  await b.page.getByTestId('folder-secret').fill(code.toLowerCase().replaceAll('-', ' '));
  await b.page.getByTestId('folder-join').click();
  await b.page.getByTestId('folder-line').filter({ hasText: /2 pc'er har delt den sidste uge/ }).waitFor();
  await b.page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).waitFor();
  assert.equal(await b.page.getByTestId('patient-row').count(), 2);
  assert.match(await b.page.getByTestId('folder-joined').innerText(), /Tilsluttet\. Listen har nu 2 patienter/);
  await screen(b.page, 'folder-connected');

  const nameB = Object.keys(await files(b.page)).find((n) => n !== nameA);
  assert.ok(nameB, 'B writes a file of its own');
  await carry(b.page, a.page, nameB);
  await shareNow(a.page);
  await a.page.getByTestId('patient-label').filter({ hasText: 'Stue 3' }).waitFor();

  // The same patient edited on both PCs before either saw the other's edit.
  await a.page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).click();
  await a.page.getByTestId('q-Sex-male').check();
  await b.page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).click();
  await b.page.getByTestId('q-Sex-female').check();
  for (const p of [a.page, b.page]) {
    await p.goto(`${server.url}#/`);
    await openPanel(p);
    await shareNow(p);
  }
  await carry(b.page, a.page, nameB);
  await carry(a.page, b.page, nameA);
  await shareNow(a.page);
  await shareNow(b.page);
  for (const p of [a.page, b.page]) await p.getByTestId('clash-flag').waitFor();
  // Resolved on A; the choice reaches B through the folder.
  await a.page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).click();
  await a.page.getByTestId('clash-value').filter({ hasText: 'Kvinde' }).getByTestId('clash-choose').click();
  await a.page.getByTestId('clashes').waitFor({ state: 'detached' });
  await a.page.goto(`${server.url}#/`);
  await openPanel(a.page);
  await shareNow(a.page);
  await carry(a.page, b.page, nameA);
  await shareNow(b.page);
  await b.page.waitForFunction(() => !document.querySelector('[data-testid=clash-flag]'));
  // Converged: the same patients on both PCs, nothing lost.
  const labels = async (p) => (await p.getByTestId('patient-label').allInnerTexts()).sort();
  assert.deepEqual(await labels(a.page), ['Seng 12', 'Stue 3']);
  assert.deepEqual(await labels(b.page), ['Seng 12', 'Stue 3']);
  await b.page.getByTestId('patient-label').filter({ hasText: 'Seng 12' }).click();
  assert.ok(await b.page.getByTestId('q-Sex-female').isChecked(), 'the choice made on A reached B');

  // The code can be seen again on a connected PC after the lock was closed and opened.
  await a.page.getByTestId('lock-button').click();
  await a.page.getByTestId('locked-folder-note').waitFor();
  await a.page.getByTestId('unlock-passphrase').fill('Stue 4 kaffe kl 7');
  await a.page.getByTestId('unlock-submit').click();
  await a.page.getByTestId('folder-line').filter({ hasText: /2 pc'er/ }).waitFor();
  // (Locking reloads the page to empty its memory: the panel is opened again.)
  await openPanel(a.page);
  assert.equal(await a.page.getByTestId('folder-new-secret').count(), 0, 'not shown again by itself');
  await a.page.getByTestId('folder-show-code').click();
  assert.equal((await a.page.getByTestId('folder-new-secret').innerText()).trim(), code);
  await a.page.getByTestId('folder-secret-noted').click();

  // The code changed on A (someone left): B stops writing the old epoch and joins with the new code.
  await a.page.getByTestId('folder-rotate').click();
  await a.page.getByTestId('folder-rotate-yes').click();
  const newCode = (await a.page.getByTestId('folder-new-secret').innerText()).trim();
  assert.notEqual(newCode, code);
  await a.page.getByTestId('folder-secret-noted').click();
  for (const n of Object.keys(await files(a.page))) if (n !== nameB) await carry(a.page, b.page, n);
  await b.page.goto(`${server.url}#/`);
  await openPanel(b.page);
  await shareNow(b.page);
  await b.page.getByTestId('folder-problem').filter({ hasText: /ny kode/ }).waitFor();
  // Behind the changed code, B offers neither its old code nor another change.
  assert.match(await b.page.getByTestId('folder-line').innerText(), /venter på afdelingens nye kode/);
  for (const id of ['folder-show-code', 'folder-rotate', 'folder-sync-now']) assert.equal(await b.page.getByTestId(id).count(), 0, id);
  await screen(b.page, 'folder-moved');
  await b.page.getByTestId('folder-rejoin').click();
  assert.match(await b.page.getByTestId('folder-join-form').innerText(), /gået over til en ny kode/);
  assert.equal(await b.page.getByTestId('folder-secret').inputValue(), '', 'the field starts empty');
  await b.page.getByTestId('folder-secret').fill(code);
  await b.page.getByTestId('folder-join').click();
  await b.page.getByTestId('folder-problem').filter({ hasText: /passer ikke til afdelingens filer/ }).waitFor();
  await b.page.getByTestId('folder-secret').fill(newCode);
  await b.page.getByTestId('folder-join').click();
  await b.page.getByTestId('folder-joined').waitFor();
  assert.deepEqual(await labels(b.page), ['Seng 12', 'Stue 3']);

  // A PC on a later version shares in the folder: named, and its file is
  // deleted only when asked for, after a question that says what is lost.
  const newer = 'cup-pathway.AAAAAAAAAAAAAAAAAAAAAw.json';
  await a.page.evaluate(async (n) => {
    const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('afdeling', { create: true });
    const w = await (await d.getFileHandle(n, { create: true })).createWritable();
    await w.write(JSON.stringify({ format: 'cup-pathway-folder', major: 99, device: 'AAAAAAAAAAAAAAAAAAAAAw' }));
    await w.close();
  }, newer);
  await shareNow(a.page);
  const problem = a.page.getByTestId('folder-problem').filter({ hasText: /kører en nyere version/ });
  await problem.getByTestId('folder-remove-file').click();
  assert.match(await problem.innerText(), /En nyere version skrev den.*Genindlæs hellere først/s);
  await screen(a.page, 'folder-remove-newer');
  assert.ok(newer in (await files(a.page)), 'nothing deleted before the answer');
  await problem.getByTestId('folder-remove-yes').click();
  await problem.waitFor({ state: 'detached' });
  assert.ok(!(newer in (await files(a.page))), 'the file is gone from the folder');

  // The department starts its list over on A: asked first, the list kept
  // on A, every patient gone there, a new code shown.
  await a.page.getByTestId('folder-wipe').click();
  assert.match(await a.page.getByTestId('folder-wipe-ask').innerText(), /Alle 2 patienter slettes her.*gemmes krypteret her.*ny kode/s);
  await screen(a.page, 'folder-wipe-ask');
  await a.page.getByTestId('folder-wipe-yes').click();
  const wipedCode = (await a.page.getByTestId('folder-new-secret').innerText()).trim();
  assert.notEqual(wipedCode, newCode);
  await a.page.getByTestId('folder-secret-noted').click();
  assert.match(await a.page.getByTestId('folder-before').innerText(), /før den blev startet forfra/);
  assert.deepEqual(await labels(a.page), []);
  for (const p of [a, b]) assert.deepEqual(p.problems, []);
});

test('a browser without the folder API is told so, and connecting needs the lock', async (t) => {
  const p = await openAxe(browser, server.url);
  t.after(() => p.context.close());
  await openPanel(p.page);
  await p.page.getByTestId('folder-needs-lock').waitFor();
  await turnOnLock(p.page, server.url);
  await p.page.goto(`${server.url}#/`);
  await p.page.evaluate(() => { delete window.showDirectoryPicker; window.showDirectoryPicker = undefined; });
  await openPanel(p.page);
  await p.page.getByTestId('folder-connect').click();
  await p.page.getByTestId('folder-problem').filter({ hasText: /kan ikke dele en mappe/ }).waitFor();
  await screen(p.page, 'folder-missing-api');
});

test('the list kept from before a valve change is said, restored after a question, fetched as the encrypted backup it is, and deleted only after a question', async (t) => {
  const a = await pc('Seng 21');
  t.after(() => a.context.close());
  // The kept list is a locked backup file (what *Anvend ændringerne* stores
  // first; tests/browser/folder.rs drives the valve itself): here the
  // panel's side of it, with the PC's own encrypted export as the list.
  const [exported] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-encrypted').click()]);
  const backup = readFileSync(await exported.path(), 'utf8');
  const file = 'cup-pathway.AAAAAAAAAAAAAAAAAAAABA.json';
  await a.page.evaluate(([f, b]) => localStorage.setItem('cup-pathway.folder-before', JSON.stringify({ file: f, at_ms: Date.now(), backup: b })), [file, backup]);
  await a.page.getByTestId('folder-section').locator('summary').click();
  await openPanel(a.page);
  const kept = a.page.getByTestId('folder-before');
  assert.match(await kept.innerText(), new RegExp(`Listen før ændringerne fra »${file.replace(/\./g, '\\.')}« \\(.*\\) er gemt krypteret her.*med »Importér en sikkerhedskopi« og adgangsfrasen`));
  await screen(a.page, 'folder-before');
  // Seng 21 archived since; restored, it is back on the list of open cases.
  await a.page.getByTestId('patient-row').filter({ hasText: 'Seng 21' }).getByTestId('row-details-toggle').click();
  await a.page.getByTestId('row-details').getByRole('button', { name: /Arkivér/ }).click();
  await a.page.getByTestId('patient-row').filter({ hasText: 'Seng 21' }).waitFor({ state: 'detached' });
  await kept.getByTestId('folder-before-restore').click();
  assert.match(await kept.getByTestId('folder-before-restore-ask').innerText(), /Slettede patienter kommer tilbage/);
  await screen(a.page, 'folder-before-restore');
  await kept.getByTestId('folder-before-restore-ask-yes').click();
  await a.page.getByTestId('folder-before-restored').filter({ hasText: 'Gendannet: 1 patient (deles' }).waitFor();
  await a.page.getByTestId('patient-row').filter({ hasText: 'Seng 21' }).waitFor();
  const [got] = await Promise.all([a.page.waitForEvent('download'), kept.getByTestId('folder-before-download').click()]);
  assert.equal(readFileSync(await got.path(), 'utf8'), backup, 'the kept list, still encrypted');
  assert.match(got.suggestedFilename(), /^cup-pathway-foer-faelles-mappe-\d{4}-\d{2}-\d{2}\.json$/);
  await kept.getByTestId('folder-before-remove').click();
  assert.match(await kept.getByTestId('folder-before-remove-ask').innerText(), /kan ikke hentes igen/);
  assert.ok(await a.page.evaluate(() => localStorage.getItem('cup-pathway.folder-before') !== null), 'nothing deleted before the answer');
  await kept.getByTestId('folder-before-remove-ask-yes').click();
  await kept.waitFor({ state: 'detached' });
  assert.equal(await a.page.evaluate(() => localStorage.getItem('cup-pathway.folder-before')), null);
  assert.deepEqual(a.problems, []);
});

test('the folder\'s code failing to load after Lås op is said, and the folder resumes once it loads', async (t) => {
  // No service worker: its fetches would bypass page.route.
  const p = await open(browser, server.url, undefined, { serviceWorkers: 'block' });
  t.after(() => p.context.close());
  await p.context.addInitScript(PICKER);
  await p.page.evaluate(PICKER);
  await addPatient(p.page, 'Seng 31');
  await turnOnLock(p.page, server.url);
  await p.page.goto(`${server.url}#/`);
  await openPanel(p.page);
  await p.page.getByTestId('folder-connect').click();
  await p.page.getByTestId('folder-secret-noted').click();
  await p.page.getByTestId('folder-line').waitFor();
  // Locked (the page reloads), then opened while the folder's chunk cannot be fetched.
  const isWork = (u) => /split_folder_work-[0-9a-f]+\.wasm$/.test(typeof u === 'string' ? u : u.toString());
  await p.page.route(isWork, (route) => route.abort());
  await p.page.getByTestId('lock-button').click();
  await unlock(p.page);
  await openPanel(p.page);
  await p.page.getByTestId('folder-problem').filter({ hasText: /kunne ikke hentes/ }).waitFor({ timeout: 15000 });
  // Back on the network: the next tick (5 s) fetches it and the folder resumes.
  await p.page.unroute(isWork);
  await p.page.getByTestId('folder-line').filter({ hasText: /sidst delt/ }).waitFor({ timeout: 20000 });
  assert.equal(await p.page.getByTestId('folder-problem').filter({ hasText: /kunne ikke hentes/ }).count(), 0);
  const unexpected = p.problems.filter((x) => !/split_folder_work|Failed to fetch|ERR_FAILED/.test(x));
  assert.deepEqual(unexpected, []);
});
