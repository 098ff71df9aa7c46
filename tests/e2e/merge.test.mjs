// The lossless merge (issue 24) in the browser: two tabs editing one
// patient lose nothing; two copies edited apart (a backup passed by hand
// between two PCs) keep both values as a clash shown in the case and as
// *Konflikt* on the worklist, resolved by a choice; an old backup (envelope 4)
// imports through the preview; the store is written as envelope 6.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { DIST, launch, open, openAxe, addPatient, screen } from './helpers.mjs';

const store = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('cup-pathway')));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FIXTURES = new URL('../fixtures/', import.meta.url);

test('two tabs edit one patient: every edit arrives, nothing is lost, and the store is envelope 6 with stamps', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page: a, problems } = await open(browser, server.url);
  t.after(() => context.close());
  const b = await context.newPage();
  await b.goto(server.url);
  await addPatient(a, 'Fane 1');
  await b.getByTestId('patient-label').filter({ hasText: 'Fane 1' }).click();
  // Each tab answers another question of the same patient, one right after the other.
  await a.getByTestId('q-FindingSite').selectOption('liver');
  await b.getByTestId('q-ReferralKind-pathway_referral').check();
  await a.waitForFunction(() => document.querySelector('[data-testid=q-ReferralKind-pathway_referral]')?.checked);
  await a.getByTestId('q-Sex-male').check();
  await b.waitForFunction(() => document.querySelector('[data-testid=q-Sex-male]')?.checked);
  for (const p of [a, b]) {
    await p.reload();
    await p.getByTestId('case-title').filter({ hasText: 'Fane 1' }).waitFor();
    assert.ok(await p.getByTestId('q-Sex-male').isChecked(), 'A\'s answer kept');
    assert.ok(await p.getByTestId('q-ReferralKind-pathway_referral').isChecked(), 'B\'s answer kept');
    assert.equal(await p.getByTestId('q-FindingSite').inputValue(), 'liver');
  }
  // Two tabs in one browser always see each other's writes before writing: no clash between them.
  assert.equal(await a.getByTestId('clashes').count(), 0);
  const stored = await store(a);
  assert.equal(stored.version, 6);
  const s = stored.worklist.patients[0].s;
  // Two writers (one per page load), each a 16-digit hexadecimal id.
  assert.ok(Object.keys(s.v).length >= 2 && Object.keys(s.v).every((w) => /^[0-9a-f]{16}$/.test(w)), JSON.stringify(s));
  assert.deepEqual(problems, []);
});

test('two copies edited apart (a backup passed to another PC): both values kept, the clash shown and resolved, nothing lost', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const dir = mkdtempSync(join(tmpdir(), 'cup-merge-'));
  // PC 1 makes a patient and a backup.
  const one = await openAxe(browser, server.url);
  t.after(() => one.context.close());
  await addPatient(one.page, 'Kopi 1');
  await one.page.getByTestId('q-FindingSite').selectOption('liver');
  await one.page.getByTestId('q-Sex-male').check();
  await one.page.goto(`${server.url}#/`);
  const [first] = await Promise.all([one.page.waitForEvent('download'), one.page.getByTestId('export').click()]);
  const firstFile = join(dir, 'first.json');
  await first.saveAs(firstFile);
  // PC 2 imports it: the same patient on two PCs.
  const two = await openAxe(browser, server.url);
  t.after(() => two.context.close());
  await two.page.getByTestId('import-file').setInputFiles(firstFile);
  await two.page.getByTestId('import-preview').filter({ hasText: /Kopi 1: Ny/ }).waitFor();
  await two.page.getByTestId('import-apply').click();
  await two.page.getByTestId('patient-label').filter({ hasText: 'Kopi 1' }).click();
  // Each PC changes the patient without seeing the other: the sex differently, and one more answer each.
  await two.page.getByTestId('q-Sex-female').check();
  await two.page.getByTestId('q-ReferralKind-pathway_referral').check();
  await one.page.getByTestId('patient-label').filter({ hasText: 'Kopi 1' }).click();
  await one.page.getByTestId('q-Sex-unknown').check();
  await one.page.getByTestId('q-Sex-male').check();
  await one.page.getByTestId('q-KnownCancer-no').check();
  // PC 2's backup comes back to PC 1 and imports as a merge.
  await two.page.goto(`${server.url}#/`);
  const [second] = await Promise.all([two.page.waitForEvent('download'), two.page.getByTestId('export').click()]);
  const secondFile = join(dir, 'second.json');
  await second.saveAs(secondFile);
  assert.equal(JSON.parse(readFileSync(secondFile, 'utf8')).version, 6);
  await one.page.goto(`${server.url}#/`);
  await one.page.getByTestId('import-file').setInputFiles(secondFile);
  await one.page.getByTestId('import-preview').filter({ hasText: /Kopi 1: Flettes ind/ }).waitFor();
  await one.page.getByTestId('import-apply').click();
  // The worklist says Konflikt; nothing was copied beside the patient.
  await one.page.getByTestId('clash-flag').waitFor();
  assert.equal(await one.page.getByTestId('patient-row').count(), 1);
  // A filter for it, with its count (a clash is easy to miss in a long list).
  assert.match(await one.page.getByTestId('row-filter').filter({ hasText: 'Konflikt' }).innerText(), /Konflikt\s*1/);
  await screen(one.page, 'merge-worklist-konflikt');
  await one.page.getByTestId('patient-label').filter({ hasText: 'Kopi 1' }).click();
  // The record text says first that it rests on one of two values.
  await one.page.getByTestId('copy-journal').click();
  await one.page.getByTestId('journal-text').waitFor();
  assert.match(await one.page.getByTestId('journal-text').inputValue(), /^OBS: Forløbet har en konflikt/);
  // The case shows the clash: both values, where and when; the rest of both edits kept.
  const clash = one.page.getByTestId('clash');
  await clash.waitFor();
  assert.equal(await clash.count(), 1);
  const values = await one.page.getByTestId('clash-value').allInnerTexts();
  assert.equal(values.length, 2, values.join('\n'));
  assert.ok(values.some((v) => /Mand/.test(v) && /denne fane/.test(v)), values.join('\n'));
  assert.ok(values.some((v) => /Kvinde/.test(v) && /en anden fane, på en anden pc/.test(v)), values.join('\n'));
  assert.ok(await one.page.getByTestId('q-ReferralKind-pathway_referral').isChecked(), 'PC 2\'s other answer arrived');
  assert.ok(await one.page.getByTestId('q-KnownCancer-no').isChecked(), 'PC 1\'s other answer stayed');
  await screen(one.page, 'merge-case-clash');
  // Choosing one writes it as a new value replacing both.
  await one.page.getByTestId('clash-value').filter({ hasText: 'Kvinde' }).getByTestId('clash-choose').click();
  await one.page.getByTestId('clashes').waitFor({ state: 'detached' });
  assert.ok(await one.page.getByTestId('q-Sex-female').isChecked());
  await one.page.getByTestId('copy-journal').click();
  assert.doesNotMatch(await one.page.getByTestId('journal-text').inputValue(), /konflikt/i, 'resolved: no warning');
  // The old copies bring nothing back: importing PC 2's backup again changes nothing.
  await one.page.goto(`${server.url}#/`);
  await one.page.getByTestId('import-file').setInputFiles(secondFile);
  await one.page.getByTestId('import-preview').filter({ hasText: /Kopi 1: Uændret/ }).waitFor();
  await one.page.reload();
  assert.equal(await one.page.getByTestId('clash-flag').count(), 0);
  assert.deepEqual(one.problems, []);
  assert.deepEqual(two.problems, []);
});

test('an old backup (envelope 4) imports through the preview, and again adds nothing', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  const { context, page, problems } = await open(browser, server.url);
  t.after(() => context.close());
  const dir = mkdtempSync(join(tmpdir(), 'cup-old-'));
  const file = join(dir, 'old.json');
  const v4 = JSON.parse(readFileSync(new URL('envelope-v4.json', FIXTURES), 'utf8'));
  v4.exported = '2026-11-20';
  writeFileSync(file, JSON.stringify(v4));
  await page.getByTestId('import-file').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  for (const p of v4.worklist.patients) assert.match(await preview.innerText(), new RegExp(`${p.label}: Ny`));
  await page.getByTestId('import-apply').click();
  await page.getByTestId('patient-label').filter({ hasText: v4.worklist.patients[0].label }).waitFor();
  assert.equal(await page.getByTestId('clash-flag').count(), 0);
  // Stored as envelope 6, every patient; the legacy patients carry no made-up stamps.
  const stored = await store(page);
  assert.equal(stored.version, 6);
  assert.deepEqual(stored.worklist.patients.map((p) => p.uid).sort(), v4.worklist.patients.map((p) => p.uid).sort());
  assert.ok(stored.worklist.patients.every((p) => p.s === undefined), 'nothing computed on read is stored as an edit');
  await page.getByTestId('import-file').setInputFiles(file);
  await preview.waitFor();
  for (const p of v4.worklist.patients) assert.match(await preview.innerText(), new RegExp(`${p.label}: Uændret`));
  await page.getByTestId('import-apply').click();
  await page.reload();
  assert.equal(await page.getByTestId('clash-flag').count(), 0);
  assert.deepEqual(problems, []);
});

test('an archived patient deleted after a confirmation: gone in both tabs, only a deletion record stored (no label)', async (t) => {
  const server = await serve(DIST, '/');
  t.after(() => server.close());
  // Axe on the confirmation: the page is opened as openAxe does (the CSP bypassed for axe's script).
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Fejlindtastet');
  await page.getByTestId('back').click();
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByTestId('patient-label').filter({ hasText: 'Fejlindtastet' }).waitFor();
  await page.getByTestId('patient-row').filter({ hasText: 'Fejlindtastet' }).getByTestId('row-details-toggle').click();
  await page.getByTestId('row-details').getByTestId('close-case').click();
  await page.getByTestId('closed-cases').locator('summary').click();
  const row = page.getByTestId('worklist-closed').getByTestId('patient-row').filter({ hasText: 'Fejlindtastet' });
  // In the row's details (issue 26.3).
  await row.getByTestId('row-details-toggle').click();
  const details = page.getByTestId('worklist-closed').getByTestId('row-details');
  await details.getByTestId('delete-patient-ask').click();
  // Asked first; cancel keeps it.
  await details.getByTestId('delete-patient-no').click();
  assert.equal(await row.count(), 1);
  await details.getByTestId('delete-patient-ask').click();
  await details.getByTestId('delete-patient-confirm').waitFor();
  await screen(page, 'worklist-delete-confirm');
  await details.getByTestId('delete-patient-yes').click();
  await row.waitFor({ state: 'detached' });
  await other.getByTestId('patient-label').filter({ hasText: 'Fejlindtastet' }).waitFor({ state: 'detached' });
  const s = await store(page);
  assert.ok(!JSON.stringify(s).includes('Fejlindtastet'), 'the label went with the deletion');
  assert.equal(s.worklist.patients.length, 0);
  assert.equal(s.worklist.deleted.length, 1);
  await page.reload();
  assert.equal(await page.getByTestId('patient-row').count(), 0);
  assert.deepEqual(problems, []);
});

