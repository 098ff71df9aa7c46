// Issue 26.3, end to end: a worklist that fits a screen. At 1366×768 at least
// ten patients show without scrolling (the backup reminder and the filters
// on screen too), one line each; the details are one click away; the team's
// note is typed in the details, shown in the row, kept over a reload, and a
// CPR number in it is refused with the note left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, SHOTS, SIZES, launch, openAxe, screen, text } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

const answers = {
  sex: 'male', finding_site: 'liver', known_cancer: false, organ_specific_suspected: false, lymphoma_suspected: false,
  colorectal_suspected: false, referral_kind: 'pathway_referral', liver: { solitary: false },
};
const day = (n) => { const t = new Date('2026-12-07T10:00:00'); t.setDate(t.getDate() + n); return t.toISOString().slice(0, 10); };
const patient = (id, label, extra, events) => ({
  id, uid: `wl-${id}`, updated_ms: 1790000000000 + id, label, created: '2026-11-20',
  case: { schema_version: 4, answers: { ...answers, ...extra }, events },
});
// Fourteen patients in the states a CUP team's list holds: new referrals,
// one overdue, one on the day, an oncology referral, one still undecided.
const patients = Array.from({ length: 14 }, (_, i) => {
  const id = i + 1;
  if (i === 0) return patient(id, 'Seng 12 – lever', { primary_found: false }, { referral_received: day(-20), first_attendance: day(-12), referred_to_secondary: day(-3) });
  if (i === 1) return patient(id, 'Amb 3', {}, { referral_received: day(-9) });
  if (i === 2) return patient(id, 'Amb 4', {}, { referral_received: day(-6) });
  if (i === 3) return patient(id, 'Ny henvisning', { finding_site: null, referral_kind: null }, {});
  // A long label (37 of the 40 characters allowed) keeps to its column.
  if (i === 4) return patient(id, 'Fru H. stue 14 seng 3 knogle og lever', {}, { referral_received: day(-1) });
  return patient(id, `Pt ${id}`, {}, { referral_received: day(-(i % 5)) });
});
const STORE = JSON.stringify({ format: 'cup-pathway', version: 4, settings: { lang: 'da' }, worklist: { patients } });

async function seeded(size, locale) {
  const opened = await openAxe(browser, server.url, size, { fixedTime: new Date('2026-12-07T10:00:00'), locale });
  await opened.page.evaluate((s) => localStorage.setItem('cup-pathway', s), STORE);
  await opened.page.reload();
  await opened.page.getByTestId('patient-row').nth(13).waitFor();
  return opened;
}

test('at 1366×768 at least ten patients show on the first screen, one line each', async (t) => {
  const { context, page, problems } = await seeded(SIZES[0]);
  t.after(() => context.close());
  assert.ok(await page.getByTestId('backup-due').isVisible(), 'the reminder is on screen too (the worst case)');
  // What the nurse sees without scrolling.
  await page.screenshot({ path: `${SHOTS}26-worklist-first-screen-pc.png` });
  const boxes = await page.getByTestId('patient-row').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, h: r.height })));
  const visible = boxes.filter((b) => b.bottom <= 768).length;
  assert.ok(visible >= 10, `${visible} patients on the first screen at 1366×768 (rows ${boxes.map((b) => Math.round(b.h)).join(', ')} px)`);
  // One line a patient (a label near the 40 characters allowed may take two).
  assert.ok(boxes.filter((b) => b.h > 44).length <= 1, `a row is one line: ${boxes.map((b) => Math.round(b.h)).join(', ')} px`);
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `the list fits the width: ${scroll} px in ${inner}`);
  // The label, the phase, the next deadline and the status are never cut (the
  // destination may be, whole in the details), and no cell's text runs over the next.
  const cut = await page.locator('[data-testid=patient-row] > :is([data-testid=patient-phase], [data-testid=patient-next], [data-testid=patient-state])')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
  assert.deepEqual(cut, [], 'cells cut with …');
  const over = await page.getByTestId('patient-row').evaluateAll((trs) => trs.flatMap((tr) => [...tr.children].flatMap((c) => {
    const right = c.getBoundingClientRect().right;
    return [...c.querySelectorAll('a, span:not(.visually-hidden)')].filter((e) => !e.closest('.visually-hidden') && e.getBoundingClientRect().right > right + 1).map((e) => e.textContent);
  })));
  assert.deepEqual(over, [], 'text drawn over the next column');
  // A label is one line, unless it is near the 40 characters allowed; it never breaks inside a word.
  const wrapped = await page.getByTestId('patient-label').evaluateAll((as) => as.filter((a) => a.offsetHeight > 30).map((a) => a.textContent));
  assert.deepEqual(wrapped, ['Fru H. stue 14 seng 3 knogle og lever']);
  // The row says where the patient belongs in a few words, the next deadline with days left.
  const overdue = page.getByTestId('patient-row').filter({ hasText: 'Amb 3' });
  assert.match(await overdue.getByTestId('patient-next').innerText(), /^\d\d\.\d\d\.2026 · 3 dage over fristen$/);
  assert.match(await overdue.getByTestId('patient-state').textContent(), /⚠ Overskredet/);
  const onco = page.getByTestId('patient-row').filter({ hasText: 'Seng 12' });
  assert.match(await onco.getByTestId('patient-destination').textContent(), /^Onkologi: »ukendt primær tumor«$/);
  // A standard already missed (first attendance 8 days after the referral) is said in the row, and named in the details.
  assert.match(await onco.getByTestId('patient-state').textContent(), /\+⚠En standard er overskredet før/);
  await onco.getByTestId('row-details-toggle').click();
  assert.match(await text(page, 'missed-flag'), /Første fremmøde/);
  await onco.getByTestId('row-details-toggle').click();
  await screen(page, '26-worklist-compact');
  assert.deepEqual(problems, []);
});

test('the details one click away, and the team\'s note: typed, shown in the row, kept, and a CPR number refused', async (t) => {
  const { context, page, problems } = await seeded(SIZES[0]);
  t.after(() => context.close());
  const row = page.getByTestId('patient-row').filter({ hasText: 'Amb 3' });
  const toggle = row.getByTestId('row-details-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await toggle.textContent(), /Detaljer om Amb 3/, 'the toggle names the patient to a screen reader');
  // From the keyboard.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('row-details').waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await text(page, 'row-destination'), /Dette pakkeforløb: medicinsk afdeling/);
  assert.equal(await row.getByTestId('patient-destination').textContent(), 'Dette pakkeforløb: medicinsk afd.');
  assert.match(await text(page, 'row-next'), /Første fremmøde.*\(\w+dag\) — 3 dage over fristen/);
  assert.match(await text(page, 'unregistered-flag'), /AFD01A/);
  // The note.
  const input = page.getByTestId('row-note-input');
  await input.fill('MDT tirsdag');
  await input.press('Enter');
  await row.getByTestId('patient-note').filter({ hasText: 'MDT tirsdag' }).waitFor();
  assert.equal(await page.getByTestId('row-details').count(), 1, 'the details stay open after the note is saved');
  await screen(page, '26-worklist-details');
  // Typed without Enter, then a click on another patient's ▸: the note is
  // saved and the click is not lost (the row is not redrawn under it).
  await page.getByTestId('row-note-input').fill('MDT tirsdag kl 8');
  await page.getByTestId('patient-row').filter({ hasText: 'Amb 4' }).getByTestId('row-details-toggle').click();
  await page.getByTestId('patient-row').filter({ hasText: 'Amb 4' }).getByTestId('row-details-toggle').and(page.locator('[aria-expanded=true]')).waitFor();
  assert.equal(await row.getByTestId('patient-note').textContent(), 'MDT tirsdag kl 8');
  assert.equal(await row.getByTestId('patient-note').getAttribute('title'), 'MDT tirsdag kl 8', 'a cut note in full under the pointer');
  await toggle.click();
  await page.getByTestId('row-note-input').fill('MDT tirsdag');
  await page.getByTestId('row-note-input').press('Enter');
  await row.getByTestId('patient-note').filter({ hasText: /^MDT tirsdag$/ }).waitFor();
  await page.getByTestId('row-note-input').fill('cpr 010190-1234');
  await page.getByTestId('row-note-input').press('Enter');
  await page.locator('.row-note-edit [role=alert]').filter({ hasText: /CPR/ }).waitFor();
  assert.equal(await row.getByTestId('patient-note').textContent(), 'MDT tirsdag', 'the refused text changes nothing');
  await page.reload();
  await page.getByTestId('patient-row').nth(13).waitFor();
  assert.equal(await page.getByTestId('patient-row').filter({ hasText: 'Amb 3' }).getByTestId('patient-note').textContent(), 'MDT tirsdag', 'kept over a reload');
  // Closed again by the same button.
  await page.getByTestId('patient-row').filter({ hasText: 'Amb 3' }).getByTestId('row-details-toggle').click();
  await page.getByTestId('row-details').waitFor();
  await page.getByTestId('patient-row').filter({ hasText: 'Amb 3' }).getByTestId('row-details-toggle').click();
  await page.getByTestId('row-details').waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});

test('on the tablet each card names its deadline; Escape closes the details and gives the focus back', async (t) => {
  const { context, page, problems } = await seeded(SIZES[1]);
  t.after(() => context.close());
  const row = page.getByTestId('patient-row').filter({ hasText: 'Amb 3' });
  assert.match(await row.getByTestId('patient-next').innerText(), /^Næste frist: \d\d\.\d\d\.2026 · 3 dage over fristen$/);
  const toggle = row.getByTestId('row-details-toggle');
  // Escape on the ▸ itself, the focus where a click leaves it.
  await toggle.click();
  await page.getByTestId('row-details').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('row-details').count(), 0, 'Escape on the ▸ closes the details');
  await toggle.click();
  // A CPR number typed in the note: Escape keeps the details open with the message, the text in the field.
  await page.getByTestId('row-note-input').fill('010203-1234');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('row-details').count(), 1, 'a refused note keeps the details open');
  assert.equal(await page.getByTestId('row-note-input').inputValue(), '010203-1234');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'row-note-input');
  // A note typed without Enter is kept when Escape closes the details.
  await page.getByTestId('row-note-input').fill('venter IHC');
  await page.keyboard.press('Escape');
  await row.getByTestId('patient-note').filter({ hasText: 'venter IHC' }).waitFor();
  assert.equal(await page.getByTestId('row-details').count(), 0, 'the details are closed');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'row-details-toggle');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'false');
  await screen(page, '26-worklist-tablet-labels');
  assert.deepEqual(problems, []);
});
