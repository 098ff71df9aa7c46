// Issue 15, end to end at both sizes: the case at a glance on the first
// screen, a worklist that never shows "fine" when it is not, archiving that a
// double click cannot turn into two, and a printout that stands alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { DIST, SHOTS, SIZES, launch, openAxe, addPatient, choose, select, setDate, screen, text, daDay } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** No horizontal scrolling at this width. */
async function noOverflow(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${where}: the page is ${scroll}px wide in a ${inner}px window`);
}

test('(a) a bone finding with spinal cord compression while other answers are open: the urgent action and the summary are on the first screen, and in the worklist row', async (t) => {
  for (const size of SIZES) {
    const { context, page, problems } = await openAxe(browser, server.url, size);
    t.after(() => context.close());
    await addPatient(page, 'Ryg 1');
    await select(page, 'FindingSite', 'bone');
    await choose(page, 'ReferralKind', 'pathway_referral');
    await choose(page, 'SpinalCordCompression', 'yes');
    // Focus moves to the acute referral's date, inside the banner that is announced (role=alert).
    await page.waitForFunction(() => document.activeElement?.id === 'event-acute-referral', null, { timeout: 5000 });
    assert.equal(await page.getByTestId('urgent-banner').getAttribute('role'), 'alert');
    await page.evaluate(() => window.scrollTo(0, 0));
    const summary = page.getByTestId('case-summary');
    const urgent = summary.getByTestId('urgent-banner');
    await urgent.waitFor();
    const box = await urgent.boundingBox();
    assert.ok(box.y + 40 < size.height, `the urgent action starts on the first screen at ${size.width}`);
    const dest = await text(page, 'summary-destination');
    assert.match(dest, /Foreløbig \(\d+ svar mangler\)/, 'provisional, with how many answers are open');
    assert.match(await text(page, 'summary-codes'), /AFD01A/, 'the next code');
    const summaryBox = await summary.boundingBox();
    const wizardBox = await page.getByTestId('wizard').boundingBox();
    assert.ok(summaryBox.y < wizardBox.y, 'the summary comes before the wizard');
    if (size.width === 800) {
      assert.ok(summaryBox.y + summaryBox.height <= size.height, 'on the tablet the whole summary is on the first screen');
    }
    await noOverflow(page, `case at ${size.width}`);
    await screen(page, '22-case-glance-urgent');

    // The in-page navigation takes the clinician to the dates and back, from anywhere.
    await page.getByTestId('nav-timeline-heading').click();
    const timeline = await page.locator('#timeline-heading').boundingBox();
    assert.ok(timeline.y >= 0 && timeline.y < size.height, 'Forløbstider is on screen after one click');
    assert.ok(await page.getByTestId('case-nav').isVisible(), 'the navigation stays reachable while scrolling');
    await page.getByTestId('nav-step-3').click();
    assert.match(await text(page, 'step-heading'), /4 \/ 4: Sekundær udredning/);
    await page.getByTestId('go-to-ending').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'end-reason', 'the ending is one action from the last step');

    await page.getByTestId('back').click();
    const row = page.getByTestId('patient-row').filter({ hasText: 'Ryg 1' });
    assert.match(await row.getByTestId('patient-state').textContent(), /^⚠ Akut henvisning/);
    // The next code is one click away (issue 26.3: the compact row).
    await row.getByTestId('row-details-toggle').click();
    assert.match(await text(page, 'patient-next-code'), /AFD01A/);
    assert.deepEqual(problems, []);
  }
});

test('(b) an overdue patient and a patient with contradictory dates: neither shows a green status, both sort before the patient on track', async (t) => {
  for (const size of SIZES) {
    const { context, page, problems } = await openAxe(browser, server.url, size);
    t.after(() => context.close());
    await addPatient(page, 'Til tiden');
    await setDate(page, 'referral', -1);
    await page.getByTestId('back').click();
    await addPatient(page, 'Datoer i modstrid');
    await setDate(page, 'referral', -2);
    await setDate(page, 'first-attendance', -5);
    assert.match(await text(page, 'summary-deadline'), /Kontrollér datoer/);
    assert.match(await text(page, 'summary-problems'), /ligger før/);
    await page.getByTestId('back').click();
    await addPatient(page, 'Forsinket-meget-lang-betegnelse-ombrydes');
    await setDate(page, 'referral', -9);
    await page.getByTestId('back').click();
    await page.getByTestId('patient-row').nth(2).waitFor();
    const labels = await page.getByTestId('patient-label').allTextContents();
    // Both that need action first (between them, by the next deadline), the patient on track last.
    assert.deepEqual(labels, ['Forsinket-meget-lang-betegnelse-ombrydes', 'Datoer i modstrid', 'Til tiden']);
    const states = (await page.getByTestId('patient-state').allTextContents()).map((s) => s.trim());
    assert.match(states[0], /^⚠ Overskredet/);
    assert.match(states[1], /^⚠ Kontrollér datoer/);
    assert.match(states[2], /^✓ Inden for frist/);
    assert.match(await page.getByTestId('patient-next').nth(0).textContent(), /3 dage over fristen/);
    await page.getByTestId('row-details-toggle').first().click();
    assert.match(await page.getByTestId('unregistered-flag').first().textContent(), /AFD01A/, 'a dated code not marked registered is flagged');
    await noOverflow(page, `worklist at ${size.width}`);
    await screen(page, '23-worklist-check-dates');
    assert.deepEqual(problems, []);
  }
});

test('(e) a double click on "Arkivér" archives one case, says so with an undo that has focus, and the undo brings it back', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url, SIZES[0]);
  t.after(() => context.close());
  for (const label of ['Pt 1', 'Pt 2', 'Pt 3']) {
    await addPatient(page, label);
    await page.getByTestId('back').click();
  }
  await page.getByTestId('patient-row').nth(2).waitFor();
  // Arkivér is in the row's details (issue 26.3).
  await page.getByTestId('row-details-toggle').first().click();
  const first = page.getByTestId('close-case').first();
  assert.equal(await first.evaluate((b) => b.textContent.trim()), 'Arkivér Pt 1', 'the accessible name names the patient');
  await first.dblclick();
  await page.getByTestId('archived-notice').waitFor();
  assert.deepEqual(await page.getByTestId('worklist').getByTestId('patient-label').allTextContents(), ['Pt 2', 'Pt 3'], 'one case archived, not two');
  assert.match(await text(page, 'archived-notice'), /Pt 1 er arkiveret/);
  await screen(page, '24-worklist-archived-undo');
  // The undo brings it back.
  await page.getByTestId('archive-undo').click();
  await page.getByTestId('patient-row').nth(2).waitFor();
  assert.deepEqual(await page.getByTestId('worklist').getByTestId('patient-label').allTextContents(), ['Pt 1', 'Pt 2', 'Pt 3']);
  // From the keyboard: Enter archives, focus goes to the undo (not to the row
  // that moved up), and Enter there undoes it.
  await page.getByTestId('row-details-toggle').first().click();
  await page.getByTestId('close-case').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'archive-undo', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.getByTestId('patient-row').nth(2).waitFor();
  assert.deepEqual(await page.getByTestId('worklist').getByTestId('patient-label').allTextContents(), ['Pt 1', 'Pt 2', 'Pt 3']);
  assert.equal(await page.getByTestId('closed-cases').count(), 0);
  assert.deepEqual(problems, []);
});

test('(d) the printed case stands alone: the answers, the open questions, the urgent action, the codes with their marks, and notes in full', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url, SIZES[0]);
  t.after(() => context.close());
  await addPatient(page, 'Udskrift 2');
  await select(page, 'FindingSite', 'bone');
  await choose(page, 'SpinalCordCompression', 'yes');
  await choose(page, 'Sex', 'female');
  await setDate(page, 'referral', -2);
  await page.getByTestId('registered-AFD01A').check();
  const item = page.locator('[data-testid^="item-"]').filter({ has: page.locator('input[type=checkbox]') }).first();
  await item.locator('input[type=checkbox]').check();
  await item.locator('summary').click();
  await item.locator('input[type=text]').fill('Bestilt hos radiologi');
  await item.locator('input[type=text]').press('Enter');
  await page.emulateMedia({ media: 'print' });
  const pdf = `${SHOTS}case-print-standalone.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Udskrift 2', `Udskriftsdato ${daDay(0)}`, 'Afgivne svar', 'Metastase i knogler', 'Kvinde', 'Afventer svar',
    'Akut: spinalt tværsnitssyndrom', 'Foreløbig', 'AFD01A', 'Registreret', 'Bestilt hos radiologi']) {
    assert.ok(printed.includes(expected), `the printout shows "${expected}"`);
  }
  assert.ok(!/[▶►]/.test(printed), 'no bare disclosure triangle');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
});

test('(f) one step navigation (the sticky bar), and from a new case to the first question in at most 5 Tabs', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url, SIZES[0]);
  t.after(() => context.close());
  await addPatient(page, 'Tast 1');
  assert.equal(await page.getByTestId('case-nav').count(), 1);
  assert.equal(await page.locator('nav').filter({ has: page.getByText('1. Indgang') }).count(), 1, 'the steps are listed once');
  const path = [];
  for (let i = 1; i <= 12; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      return { inQuestion: !!a?.closest('.questions'), what: `${a?.tagName} ${a?.dataset.testid ?? a?.id ?? ''} ${(a?.textContent ?? '').trim().slice(0, 30)}` };
    });
    path.push(at.what);
    if (at.inQuestion) break;
  }
  assert.ok(path.length <= 5 && (await page.evaluate(() => !!document.activeElement?.closest('.questions'))), `Tabs to the first question: ${path.join(' → ')}`);
  // The bar is one Tab stop; the arrow keys move along it, Enter opens a step.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-step-0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-step-1');
  await page.keyboard.press('Enter');
  await page.getByTestId('step-heading').filter({ hasText: '2 / 4' }).waitFor();
  // At 1366 px the bar is one line: it never covers the question being answered.
  const bar = await page.getByTestId('case-nav').boundingBox();
  assert.ok(bar.height <= 52, `the bar is ${bar.height} px high`);
  assert.deepEqual(problems, []);
});
