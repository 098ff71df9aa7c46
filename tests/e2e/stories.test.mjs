// The clinician's stories, end to end against the release build: every
// screen screenshotted at 1366×768 and 800×1280 (target/e2e-shots/) and
// checked with axe-core at both sizes; each story ends with a reload that
// finds everything as it was left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, openAxe, addPatient, choose, select, step, setDate, screen, text, daDay, isoDay } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** A referral to this pathway received (§7.1), and the red flags of the entry answered "no". */
async function cleanReferral(page) {
  await choose(page, 'ReferralKind', 'pathway_referral');
  for (const q of ['KnownCancer', 'OrganSpecificSuspected', 'LymphomaSuspected']) await choose(page, q, 'no');
}

test('story 1: a man with liver lesions and no extrahepatic disease → MDT before biopsy → adenocarcinoma → no primary → oncology, AFD01C and the oncology deadline', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await screen(page, '01-worklist-empty');
  await addPatient(page, 'Story 1');
  await screen(page, '02-case-new');
  await select(page, 'FindingSite', 'liver');
  await choose(page, 'Sex', 'male');
  await cleanReferral(page);
  await choose(page, 'ColorectalSuspected', 'no');
  // §3.1.2 can still hold (solitary? AFP?): provisional, with links to what it waits for (issue 22.2).
  assert.equal(await text(page, 'destination'), 'Foreløbig: Dette pakkeforløb: medicinsk afdeling');
  assert.match(await text(page, 'provisional-questions'), /solitær[\s\S]*primær leverkræft/);
  await setDate(page, 'referral', -10);
  await setDate(page, 'first-attendance', -7);
  await screen(page, '03-entry-answered');

  // The link opens the question's step and moves focus to it.
  await page.getByTestId('go-to-question-LiverSolitary').click();
  assert.match(await text(page, 'step-heading'), /2 \/ 4/);
  await page.waitForFunction(() => document.activeElement?.id === 'question-LiverSolitary');
  await choose(page, 'LiverSolitary', 'no');
  assert.equal(await text(page, 'destination'), 'Dette pakkeforløb: medicinsk afdeling', 'several lesions: §3.1.2 cannot hold');
  assert.equal(await page.getByTestId('question-LiverAfp').count(), 0, 'AFP is not asked for a man whose lesions are not solitary');
  await choose(page, 'LiverExtrahepatic', 'no');
  await page.getByTestId('item-s3_1_2_mdt_before_biopsy').waitFor();
  assert.equal(await page.getByTestId('item-s3_1_biopsy').count(), 0, 'no generic biopsy before the MDT');
  await screen(page, '04-workup-liver');

  await step(page, 2);
  await select(page, 'Histology', 'adenocarcinoma');
  await choose(page, 'SerousPeritonealCarcinomatosis', 'no');
  await choose(page, 'GiBleedingOrSymptoms', 'no');
  for (const item of ['s3_1_6_men_prostate', 's3_1_6_men_breast', 's3_1_6_men_thyroid']) {
    await page.getByTestId(`item-${item}`).waitFor();
  }
  // PSA, asked in §3.1 and again in §3.1.6: one item with both sections (issue 26.4).
  assert.equal(await page.getByTestId('item-s3_1_6_men_psa').count(), 0);
  assert.equal(await text(page, 'also-s3_1_men_psa'), '§3.1.6');
  await screen(page, '05-histology-adeno-men');

  // §3.3's decision is asked in step 3, Histologi og beslutning.
  await choose(page, 'PrimaryFound', 'no');
  assert.match(await text(page, 'destination'), /Onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor«/);
  assert.match(await text(page, 'reasons'), /§3\.3/);
  assert.match(await page.getByTestId('code-AFD01C').getByTestId('code-status').textContent(), /Næste kode/);
  await setDate(page, 'secondary', 0);
  assert.equal(await page.getByTestId('code-AFD01C').getByTestId('code-date').textContent(), daDay(0));
  const oncology = page.getByTestId('milestone-OncologyFirstAttendance');
  assert.match(await oncology.getByTestId('due').textContent(), new RegExp(daDay(6).replace(/\./g, '\\.')));
  assert.match(await oncology.getByTestId('status').textContent(), /I gang/);
  await page.getByTestId('registered-AFD01C').check();
  await screen(page, '06-decision-oncology');

  await page.reload();
  await page.getByTestId('case-title').filter({ hasText: 'Story 1' }).waitFor();
  assert.match(await text(page, 'destination'), /ukendt primær tumor/);
  assert.equal(await page.getByTestId('code-AFD01C').getByTestId('code-date').textContent(), daDay(0));
  assert.ok(await page.getByTestId('registered-AFD01C').isChecked());
  assert.match(await text(page, 'step-heading'), /4 \/ 4/, 'the wizard reopens at the furthest step reached');
  await step(page, 2);
  assert.equal(await page.getByTestId('q-Histology').inputValue(), 'adenocarcinoma');
  assert.deepEqual(problems, []);
});

test('story 2: a bone lesion with spinal cord compression while the other answers are still open → the acute referral first on the case and flagged in the worklist, beside a provisional destination, until recorded as made', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Story 2');
  await select(page, 'FindingSite', 'bone');
  // Nothing else answered: the destination is provisional and says what it waits for, spinal cord compression first.
  assert.match(await text(page, 'destination'), /^Foreløbig: Dette pakkeforløb: medicinsk afdeling/);
  assert.match(await text(page, 'provisional-questions'), /spinalt tværsnitssyndrom[\s\S]*kræftsygdom, der var kendt/);
  await choose(page, 'SpinalCordCompression', 'yes');
  const banner = page.getByTestId('urgent-banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('role'), 'alert', 'announced as it appears');
  assert.match(await banner.textContent(), /Akut: spinalt tværsnitssyndrom/);
  assert.match(await banner.textContent(), /§2\.2\.4 Patienter med spinalt tværsnitssyndrom henvises akut efter lokale retningslinjer/);
  // Still provisional (sex, known cancer, organ-specific suspicion, lymphoma open), and the banner is above it all.
  assert.match(await text(page, 'destination'), /^Foreløbig/);
  const bannerBox = await banner.boundingBox();
  const wizardBox = await page.getByTestId('step-heading').boundingBox();
  assert.ok(bannerBox.y < wizardBox.y, 'the acute referral comes before the wizard');
  assert.match(await text(page, 'silences'), /siger ikke, om pakkeforløbet fortsætter/);
  assert.match(await text(page, 'standing'), /under alle omstændigheder .*hurtigst mulige forløb med biopsi/);
  // At the PC and the tablet the banner is on the first screen.
  for (const size of [{ width: 1366, height: 768 }, { width: 800, height: 1280 }]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await banner.boundingBox();
    assert.ok(box.y + 40 < size.height, `the banner starts on the first screen at ${size.width}×${size.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await screen(page, '07-bone-acute-open-answers');

  // An answer elsewhere moves the destination; the acute referral stays.
  await choose(page, 'LymphomaSuspected', 'yes');
  assert.match(await text(page, 'destination'), /hæmatologiske/);
  await banner.waitFor();
  await choose(page, 'LymphomaSuspected', 'unknown');

  // The worklist flags it, before any "Inden for frist", and puts it first.
  await page.getByTestId('back').click();
  await page.getByTestId('worklist').waitFor();
  const row = page.getByTestId('patient-row').filter({ hasText: 'Story 2' });
  assert.match(await row.getByTestId('patient-state').textContent(), /^⚠ Akut henvisning/);
  assert.match(await row.getByTestId('patient-destination').textContent(), /^Foreløbig: Dette pakkeforløb/);
  // How many answers it waits for, one click away (issue 26.3).
  await row.getByTestId('row-details-toggle').click();
  assert.match(await text(page, 'row-destination'), /Foreløbig \(\d+ svar mangler\): Dette pakkeforløb/);
  await screen(page, '07b-worklist-acute-flag');

  // Recorded as made: the banner gives way to a quiet line; the flag goes; a reload keeps it.
  await row.getByTestId('patient-label').click();
  await page.getByTestId('case-title').filter({ hasText: 'Story 2' }).waitFor();
  // Typing the date and Enter records it at once: the field goes with the banner.
  await page.getByTestId('event-acute-referral-input').fill(isoDay(0));
  await page.getByTestId('event-acute-referral-input').press('Enter');
  await page.getByTestId('urgent-made').waitFor();
  assert.equal(await banner.count(), 0);
  assert.match(await text(page, 'urgent-made'), /registreret som foretaget/);
  assert.equal(await page.getByTestId('code-AFD01X1').getByTestId('code-status').textContent(), 'Kan anvendes på et hvilket som helst tidspunkt, når det vurderes relevant', 'the acute referral is not an onward referral');
  await page.reload();
  await page.getByTestId('case-title').filter({ hasText: 'Story 2' }).waitFor();
  await page.getByTestId('urgent-made').waitFor();
  assert.ok(await page.getByTestId('q-SpinalCordCompression-yes').isChecked());
  await page.getByTestId('back').click();
  await page.getByTestId('worklist').waitFor();
  assert.equal(await page.getByTestId('urgent-flag').count(), 0);
  assert.deepEqual(problems, []);
});

test('story 3: a man of 50 with poorly differentiated carcinoma → §3.1.8 pending, then decided as answers come', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Story 3');
  await select(page, 'FindingSite', 'lymph_node_groin');
  await choose(page, 'Sex', 'male');
  await cleanReferral(page);
  await step(page, 2);
  await select(page, 'Histology', 'poorly_differentiated_carcinoma');
  await page.getByTestId('q-Age').fill('50');
  await page.getByTestId('q-Age').dispatchEvent('change');
  assert.match(await text(page, 'criterion-1'), /til stede/);
  assert.match(await text(page, 'criteria-verdict'), /Afventer/);
  await screen(page, '08-criteria-pending');
  await choose(page, 'MidlineTumour', 'no');
  assert.match(await text(page, 'criteria-verdict'), /Afventer/, 'one held, one unknown: still pending');
  await choose(page, 'HcgOrAfpRaised', 'yes');
  assert.match(await text(page, 'criteria-verdict'), /testikelkræft/);
  assert.equal(await text(page, 'destination'), 'Pakkeforløb for testikelkræft');
  await screen(page, '09-criteria-refer');
  await page.reload();
  await page.getByTestId('case-title').filter({ hasText: 'Story 3' }).waitFor();
  assert.equal(await text(page, 'destination'), 'Pakkeforløb for testikelkræft');
  assert.match(await text(page, 'step-heading'), /2 \/ 4/, 'reopens at the open work-up question (liver)');
  await step(page, 2);
  assert.equal(await page.getByTestId('q-Age').inputValue(), '50');
  assert.deepEqual(problems, []);
});

test('story 4: a patient who asks to stop → AFD01X2 with the date, and the running period stopped', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Story 4');
  await select(page, 'FindingSite', 'lymph_node_retroperitoneal');
  await choose(page, 'Sex', 'female');
  await cleanReferral(page);
  await setDate(page, 'referral', -3);
  assert.match(await page.getByTestId('milestone-FirstAttendance').getByTestId('status').textContent(), /I gang/);
  const was = await text(page, 'destination');
  await page.getByTestId('end-reason').selectOption('patient_wish');
  // The date is asked, never filled in (issue 26.5): nothing ends until it is given.
  await page.getByTestId('end-date-asked').waitFor();
  assert.equal(await page.getByTestId('event-end-input').inputValue(), '');
  assert.equal(await text(page, 'destination'), was);
  assert.equal(await page.getByTestId('code-AFD01X2').getByTestId('code-date').textContent(), '');
  await screen(page, '26-end-date-asked');
  await page.getByTestId('event-end-today').click();
  assert.equal(await text(page, 'destination'), 'Pakkeforløb slut: patientens ønske');
  assert.equal(await page.getByTestId('end-date-asked').count(), 0);
  assert.equal(await page.getByTestId('code-AFD01X2').getByTestId('code-date').textContent(), daDay(0));
  assert.match(await page.getByTestId('milestone-FirstAttendance').getByTestId('status').textContent(), /Afbrudt/);
  await screen(page, '10-patient-wish');
  await page.reload();
  await page.getByTestId('case-title').filter({ hasText: 'Story 4' }).waitFor();
  assert.equal(await page.getByTestId('end-reason').inputValue(), 'patient_wish');
  assert.equal(await page.getByTestId('code-AFD01X2').getByTestId('code-date').textContent(), daDay(0));
  assert.deepEqual(problems, []);
});

test('story 5: switching to English mid-case and back keeps every answer and the step', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Story 5');
  await select(page, 'FindingSite', 'brain');
  await choose(page, 'Sex', 'male');
  await cleanReferral(page);
  await choose(page, 'InNeurologyDepartment', 'yes');
  await step(page, 1);
  await choose(page, 'BrainOperable', 'no');
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('step-heading').filter({ hasText: 'Step 2 / 4: Primary work-up' }).waitFor();
  assert.equal(await text(page, 'destination'), 'This pathway: neurological department');
  assert.ok(await page.getByTestId('q-BrainOperable-no').isChecked());
  assert.match(await text(page, 'brain-principle'), /Principle 3/);
  await screen(page, '11-english-case');
  await page.reload();
  await page.getByTestId('step-heading').waitFor();
  assert.equal(await text(page, 'destination'), 'This pathway: neurological department', 'English is remembered');
  await page.getByTestId('lang-switch').click();
  assert.equal(await text(page, 'destination'), 'Dette pakkeforløb: neurologisk afdeling');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
  assert.deepEqual(problems, []);
});

test('the worklist: sorted by the next deadline, state in words and an icon, filter, close and reopen', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  for (const [label, referral] of [['Later', -1], ['Overdue', -9], ['Today', -6]]) {
    await addPatient(page, label);
    await select(page, 'FindingSite', 'lymph_node_groin');
    await cleanReferral(page);
    await setDate(page, 'referral', referral);
    await page.getByTestId('back').click();
  }
  await addPatient(page, 'No dates');
  await page.getByTestId('back').click();
  await page.getByTestId('patient-label').nth(3).waitFor();
  const labels = await page.getByTestId('patient-label').allTextContents();
  // A patient with no date yet sorts with the cases that need action, after those with a deadline due.
  assert.deepEqual(labels, ['Overdue', 'Today', 'No dates', 'Later']);
  const states = await page.getByTestId('patient-state').locator('.flag-line').allTextContents();
  assert.deepEqual(states.map((s) => s.trim()), ['⚠ Overskredet', '● Frist i dag', '○ Ingen datoer endnu', '✓ Inden for frist']);
  assert.match(await page.getByTestId('row-filter').filter({ hasText: 'Til registrering' }).textContent(), /Til registrering\s*3/, 'AFD01A is dated and not marked registered in three rows');
  assert.match(await page.getByTestId('patient-next').first().textContent(), new RegExp(`${daDay(-3).replace(/\./g, '\\.')}.*3 dage over fristen`));
  await screen(page, '12-worklist');
  await page.getByTestId('filter').fill('tod');
  await page.getByTestId('patient-row').nth(1).waitFor({ state: 'detached' });
  assert.deepEqual(await page.getByTestId('patient-label').allTextContents(), ['Today']);
  await page.getByTestId('filter').fill('');
  await page.getByTestId('patient-row').filter({ hasText: 'Later' }).getByTestId('row-details-toggle').click();
  await page.getByTestId('row-details').getByTestId('close-case').click();
  await page.getByTestId('closed-cases').waitFor();
  assert.deepEqual(await page.getByTestId('worklist').getByTestId('patient-label').allTextContents(), ['Overdue', 'Today', 'No dates']);
  assert.equal(await page.getByTestId('show-all').count(), 0, 'fewer than 100 open cases: all shown');
  await page.getByTestId('closed-cases').locator('summary').click();
  await page.getByTestId('worklist-closed').waitFor();
  await screen(page, '13-worklist-closed');
  await page.reload();
  await page.getByTestId('closed-cases').locator('summary').click();
  await page.getByTestId('worklist-closed').waitFor();
  assert.deepEqual(await page.getByTestId('worklist-closed').getByTestId('patient-label').allTextContents(), ['Later']);
  await page.getByTestId('worklist-closed').getByTestId('row-details-toggle').click();
  await page.getByTestId('worklist-closed').getByTestId('close-case').click();
  await page.getByTestId('closed-cases').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('worklist').getByTestId('patient-row').count(), 4);
  assert.deepEqual(problems, []);
});

test('keyboard only: add a patient, answer, move between steps with focus following', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await page.getByTestId('add-patient-input').focus();
  await page.keyboard.type('Tastatur');
  await page.keyboard.press('Enter');
  await page.getByTestId('case-title').filter({ hasText: 'Tastatur' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'case-title', 'focus moves to the case');
  // Tab forward to the finding-site select and choose with the keyboard.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.dataset.testid) === 'q-FindingSite') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'q-FindingSite');
  await page.keyboard.press('ArrowDown');
  await page.getByTestId('q-FindingSite').dispatchEvent('change');
  assert.notEqual(await page.getByTestId('q-FindingSite').inputValue(), '');
  // Tab enters the referral-kind radio group (§7.1), then the sex group, each on its checked option ("Ikke kendt endnu"); arrows choose.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'q-ReferralKind-unknown');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'q-Sex-unknown');
  await page.keyboard.press('ArrowUp');
  assert.ok(await page.getByTestId('q-Sex-male').isChecked(), 'the arrow key picks the option');
  await page.getByTestId('step-next').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'step-heading', 'focus follows to the new step');
  assert.deepEqual(problems, []);
});

test('print: one case on A4 with its destination, checklist, time standards and codes, and no navigation', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const { SHOTS } = await import('./helpers.mjs');
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Udskrift 1');
  await select(page, 'FindingSite', 'lymph_node_groin');
  await choose(page, 'Sex', 'female');
  await cleanReferral(page);
  await setDate(page, 'referral', -4);
  // Before the first attendance the work-up is a later step, folded (issue 26.4).
  await page.getByTestId('checklist-later-toggle').click();
  await page.getByTestId('tick-s3_1_history').check();
  await page.emulateMedia({ media: 'print' });
  const pdf = `${SHOTS}case-print.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Udskrift 1', `Udskriftsdato ${daDay(0)}`, 'Hvor patienten hører til', 'Dette pakkeforløb: medicinsk afdeling',
    'Tjekliste', 'Fyldestgørende anamnese', 'Forløbstider', 'Registreringskoder', 'AFD01A', 'regelversion 5',
    'Pakkeforløb for metastaser uden organspecifik kræfttype']) {
    assert.ok(printed.includes(expected), `the printed case shows "${expected}"`);
  }
  for (const absent of ['Tilbage til forløbsoversigten', 'Næste trin', 'Trin 1 / 4', 'English']) {
    assert.ok(!printed.includes(absent), `no navigation in print: "${absent}"`);
  }
  // Issue 26.6: no empty date boxes, a done item ✓, the code marks in words.
  assert.ok(!printed.includes('dd.mm.åååå'), 'no empty date fields');
  assert.ok(printed.includes('✓ Fyldestgørende anamnese'), 'the done item marked ✓');
  assert.ok(!printed.includes('Registreret: ikke'), 'the mark reads in words');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages <= 4, `${pages} pages`);
  // Every page names the patient and its number; a code not yet due is never "ikke registreret".
  for (let n = 1; n <= pages; n++) {
    const page_ = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(page_.includes('Udskrift 1') && /\d\s*\/\s*\d/.test(page_), `page ${n} names the patient and its number`);
  }
  const plain = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.equal((plain.match(/ikke registreret/g) ?? []).length, 1, 'only AFD01A, dated and not marked, reads "ikke registreret"');
  assert.deepEqual(problems, []);
});

test('calendar: the case\'s deadlines download as an .ics file that ical.js reads as all-day events', async (t) => {
  const { readFileSync } = await import('node:fs');
  const ICAL = (await import('ical.js')).default;
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Kalender; æøå, 1');
  await select(page, 'FindingSite', 'lymph_node_groin');
  await cleanReferral(page);
  await setDate(page, 'referral', -2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  assert.match(download.suggestedFilename(), /^cup-forloeb-\d+\.ics$/);
  const raw = readFileSync(await download.path(), 'utf8');
  assert.ok(raw.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'folded at 75 octets');
  const cal = new ICAL.Component(ICAL.parse(raw));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, 3);
  const [first] = events;
  assert.equal(first.summary, 'Frist: Første fremmøde på udredende afdeling — Kalender; æøå, 1');
  assert.ok(first.startDate.isDate, 'all-day');
  const [d, m, y] = daDay(4).split('.');
  assert.equal(first.startDate.toString(), `${y}-${m}-${d}`);
  assert.match(events[1].summary, /^Senest \(fremskrevet\): Afslutning på primær udredning/);
  assert.deepEqual(problems, []);
});

test('backup: a reminder, export to a dated file, import elsewhere with a preview, and a newer edit is never overwritten', async (t) => {
  const { readFileSync } = await import('node:fs');
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Backup 1');
  await select(page, 'FindingSite', 'liver');
  await page.getByTestId('back').click();
  // Never minutes after the first patient: no reminder, and no "aldrig" yet.
  assert.equal(await page.getByTestId('backup-due').count(), 0);
  assert.match(await text(page, 'last-backup'), /ingen endnu/);
  // Eight days later (the patient's creation date moved back): the reminder, and "aldrig".
  await page.evaluate((eightDaysAgo) => {
    for (const key of Object.keys(localStorage)) {
      const v = localStorage.getItem(key);
      if (!v.includes('"format":"cup-pathway"')) continue;
      const o = JSON.parse(v);
      if (!o.worklist) continue;
      for (const p of o.worklist.patients) p.created = eightDaysAgo;
      localStorage.setItem(key, JSON.stringify(o));
    }
  }, isoDay(-8));
  await page.reload();
  await page.getByTestId('backup-due').waitFor();
  assert.match(await text(page, 'last-backup'), /aldrig/);
  await page.getByTestId('persist').filter({ hasText: /varig lagring/ }).waitFor();
  await screen(page, '14-worklist-backup');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const [d, m, y] = daDay(0).split('.');
  assert.equal(download.suggestedFilename(), `cup-pathway-sikkerhedskopi-${y}-${m}-${d}.json`);
  const file = await download.path();
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(backup.format, 'cup-pathway');
  assert.equal(backup.worklist.patients[0].label, 'Backup 1');
  assert.equal(await page.getByTestId('backup-due').count(), 0, 'the reminder goes once a backup is taken');
  assert.match(await text(page, 'last-backup'), new RegExp(daDay(0).replace(/\./g, '\\.')));

  // Another browser: import shows what will change, and changes nothing until confirmed.
  const other = await openAxe(browser, server.url);
  t.after(() => other.context.close());
  await other.page.getByTestId('import-file').setInputFiles(file);
  await other.page.getByTestId('import-preview').waitFor();
  assert.match(await text(other.page, 'import-preview'), /Backup 1: Ny — tilføjes/);
  assert.equal(await other.page.getByTestId('patient-row').count(), 0);
  await other.page.getByTestId('import-apply').click();
  await other.page.getByTestId('patient-label').filter({ hasText: 'Backup 1' }).waitFor();

  // Here the case changes after the backup: the older backup must not overwrite it.
  // (Issue 24: a backup of this version imports as a merge; this copy has
  // seen everything the file holds, so the file changes nothing.)
  await page.getByTestId('patient-label').click();
  await choose(page, 'Sex', 'male');
  await page.getByTestId('back').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').filter({ hasText: /Backup 1: Uændret/ }).waitFor();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('patient-label').click();
  assert.ok(await page.getByTestId('q-Sex-male').isChecked(), 'the newer edit stays');

  // A file that is not a backup: a clear message, nothing imported.
  await page.getByTestId('back').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
  await page.getByTestId('import-error').filter({ hasText: /ikke en sikkerhedskopi.*Intet er importeret/ }).waitFor();
  assert.equal(await page.getByTestId('patient-row').count(), 1);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('share: a link and QR carry the clinical answers and dates, never the label or notes; it opens read-only elsewhere and saves as a new case', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Hemmelig 42');
  await select(page, 'FindingSite', 'bone');
  await choose(page, 'Sex', 'female');
  await cleanReferral(page);
  await choose(page, 'SpinalCordCompression', 'no');
  await setDate(page, 'referral', -2);
  await page.getByTestId('checklist-later-toggle').click();
  await page.getByTestId('item-s3_1_history').locator('summary').click();
  await page.getByTestId('note-s3_1_history').fill('ring til afd. B');
  await page.getByTestId('note-s3_1_history').dispatchEvent('change');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#\/del\/1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  const payload = Buffer.from(link.split('.')[link.split('.').length - 2], 'base64url').toString('utf8');
  assert.ok(!payload.includes('Hemmelig') && !payload.includes('ring til'), `no label or note in the link: ${payload}`);
  assert.ok(Number(await page.getByTestId('share-qr').getAttribute('data-modules')) >= 21, 'a QR code is drawn');
  await screen(page, '15-share-panel');

  // The tablet: open the link, read-only, the fragment taken out of the address bar.
  const tablet = await openAxe(browser, link);
  t.after(() => tablet.context.close());
  await tablet.page.getByTestId('shared-case').waitFor();
  assert.match(tablet.page.url(), /#\/delt$/);
  assert.equal(await text(tablet.page, 'destination'), 'Dette pakkeforløb: medicinsk afdeling');
  assert.ok(await tablet.page.getByTestId('q-SpinalCordCompression-no').isDisabled(), 'read-only');
  await screen(tablet.page, '16-shared-read-only');
  await tablet.page.getByTestId('shared-label').fill('Tablet-kopi');
  await tablet.page.getByTestId('save-shared').click();
  await tablet.page.getByTestId('case-title').filter({ hasText: 'Tablet-kopi' }).waitFor();
  assert.equal(await text(tablet.page, 'destination'), 'Dette pakkeforløb: medicinsk afdeling');
  assert.equal(await tablet.page.getByTestId('event-referral-input').inputValue(), daDay(-2));
  await tablet.page.reload();
  await tablet.page.getByTestId('case-title').filter({ hasText: 'Tablet-kopi' }).waitFor();

  // A damaged link: a clear message and nothing loaded.
  const damaged = await openAxe(browser, link.replace(/.{3}$/, '000'));
  t.after(() => damaged.context.close());
  assert.match(await text(damaged.page, 'shared-error'), /beskadiget eller afkortet/);
  assert.equal(await damaged.page.getByTestId('save-shared').count(), 0);
  assert.deepEqual([...problems, ...tablet.problems, ...damaged.problems], []);
});

test('Om and "Slet alle data": what is stored and where, and deletion only after confirmation', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await addPatient(page, 'Slettes 1');
  await page.getByTestId('about-link').click();
  await page.getByTestId('about').waitFor();
  assert.match(await text(page, 'about'), /Intet sendes til nogen server/);
  await screen(page, '17-about');
  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-all-cancel').click();
  assert.ok(await page.evaluate(() => localStorage.getItem('cup-pathway')?.includes('Slettes 1')), 'cancel deletes nothing');
  await page.getByTestId('delete-all').click();
  await screen(page, '18-delete-confirm');
  await page.getByTestId('delete-all-yes').click();
  assert.match(await text(page, 'deleted'), /Alle data er slettet/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cup-pathway'))), []);
  await page.getByTestId('back').click();
  await page.getByTestId('worklist-empty').waitFor();
  await page.reload();
  await page.getByTestId('worklist-empty').waitFor();
  assert.deepEqual(problems, []);
});
