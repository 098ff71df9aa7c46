// Forløbstider i afdelingen (issue 17), end to end: a seeded worklist of 30
// cases (tests/fixtures/stats-worklist.json, over 1st and 2nd quarter 2026),
// the app's "today" fixed at 10.07.2026. The figures are the ones worked out
// by hand in tests/stats.rs; here they must be what a clinician sees, what
// the clerk's CSV holds and what the printed page says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { DIST, SHOTS, SIZES, launch, openAxe, screen, text, turnOnLock } from './helpers.mjs';

const FIXTURE = readFileSync(new URL('../fixtures/stats-worklist.json', import.meta.url), 'utf8');
const TODAY = new Date('2026-07-10T10:00:00');
const FORMULA = '=HYPERLINK("http://x.dk";"Klik")';

// Per standard over the default period (11.07.2025–10.07.2026):
// [completed, within, share, median, p90, still running and already over].
const EXPECTED = {
  'first-attendance': ['24', '20', '83,3 %', '4', '7', '1'],
  'primary-workup': ['22', '17', '77,3 %', '14', '17', '1'],
  oncology: ['14', '10', '71,4 %', '5', '7', '1'],
  'whole-course': ['21', '16', '76,2 %', '22', '27', '1'],
};
// Per quarter, 1st and 2nd quarter 2026 (rows 2 and 3 of five: Q3 2025 … Q3 2026).
const QUARTERS = {
  'first-attendance': [['1. kvt. 2026', '11', '9', '81,8 %', '4', '7', '0'], ['2. kvt. 2026', '12', '10', '83,3 %', '4', '7', '0']],
  'primary-workup': [['1. kvt. 2026', '8', '6', '75,0 %', '14', '18', '0'], ['2. kvt. 2026', '13', '10', '76,9 %', '14', '17', '0']],
  oncology: [['1. kvt. 2026', '5', '4', '80,0 %', '6', '7', '0'], ['2. kvt. 2026', '8', '5', '62,5 %', '5', '7', '1']],
  'whole-course': [['1. kvt. 2026', '8', '6', '75,0 %', '21', '29', '0'], ['2. kvt. 2026', '12', '9', '75,0 %', '21', '27', '1']],
};
const COLS = ['completed', 'within', 'share', 'median', 'p90', 'running-over'];

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

/** The app on 10.07.2026 with the fixture stored, at the worklist. */
async function seeded(size = SIZES[0]) {
  const opened = await openAxe(browser, server.url, size, { fixedTime: TODAY });
  const { page } = opened;
  await page.evaluate((s) => localStorage.setItem('cup-pathway', s), FIXTURE);
  await page.reload();
  await page.getByTestId('patient-row').first().waitFor();
  return opened;
}

async function openStats(page) {
  await page.getByTestId('stats-link').click();
  await page.getByTestId('stats-table').waitFor();
  assert.match(page.url(), /#\/forloebstider$/);
}

/** RFC 4180 with ";" and CRLF; throws on anything else. */
function parseCsv(textIn) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  while (i < textIn.length) {
    if (textIn[i] === '"') {
      i++;
      for (;;) {
        if (i >= textIn.length) throw new Error('unclosed quote');
        if (textIn[i] === '"' && textIn[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (textIn[i] === '"') { i++; break; }
        cell += textIn[i++];
      }
      if (![';', '\r', undefined].includes(textIn[i])) throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    const c = textIn[i];
    if (c === ';') { row.push(cell); cell = ''; i++; }
    else if (c === '\r') {
      if (textIn[i + 1] !== '\n') throw new Error('CR without LF');
      row.push(cell); rows.push(row); row = []; cell = ''; i += 2;
    } else if (c === '\n') throw new Error('LF without CR');
    else if (c === '"') throw new Error('quote inside a cell');
    else { cell += c; i++; }
  }
  if (cell !== '' || row.length) throw new Error('no CRLF at the end');
  return rows;
}

test('the department view shows the fixture\'s figures per standard and quarter, at both sizes, axe clean', async (t) => {
  const { context, page, problems } = await seeded();
  t.after(() => context.close());
  await openStats(page);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'stats-title');
  const period = await text(page, 'stats-period');
  assert.match(period, /Perioder, der sluttede 11\.07\.2025–10\.07\.2026 \(Seneste 12 måneder\)/);
  assert.match(period, /Forløb i perioden: 27/);
  // The whole course says at its row that it is the tool's sum, not a standard of the text (issue 26.4).
  assert.match(await page.getByTestId('stats-row-whole-course').textContent(), /Pakkeforløbet har ingen standard for hele forløbet: 20 eller 26 er værktøjets sum af dets standarder/);
  for (const [key, values] of Object.entries(EXPECTED)) {
    const seen = await Promise.all(COLS.map((c) => text(page, `stats-${key}-${c}`)));
    assert.deepEqual(seen, values, key);
    for (const [i, q] of [[2, QUARTERS[key][0]], [3, QUARTERS[key][1]]]) {
      const row = await Promise.all(['quarter', ...COLS].map((c) => text(page, `stats-q-${key}-${i}-${c}`)));
      assert.deepEqual(row, q, `${key}, quarter row ${i}`);
    }
    // The chart is there, named by the same figures, with its standard as a line.
    const chart = page.locator(`#stats-histogram-${key}`);
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.ok((await chart.getAttribute('aria-label')).includes(values[2]), `${key}: the chart's name carries the share`);
    assert.ok(await chart.locator('.standard-line').count() >= 1);
    assert.ok((await page.locator(`#stats-quarter-chart-${key}`).textContent()).includes(QUARTERS[key][1][3]));
  }
  assert.equal(await text(page, 'stats-q-whole-course-0-quarter'), '3. kvt. 2025 (delvis)');
  assert.equal(await text(page, 'stats-destinations-total'), '27');
  const destinations = await text(page, 'stats-destinations');
  assert.match(destinations, /Onkologisk afdeling[^]*15/);
  assert.equal(await text(page, 'stats-check-dates-count'), '2');
  assert.match(await text(page, 'stats-check-dates'), /Fejl-01[^]*Fejl-02/);
  assert.deepEqual(
    await Promise.all(['AFD01A', 'AFD01B', 'AFD01D', 'AFD01X1'].map((c) => text(page, `stats-unregistered-${c}`))),
    ['2', '0', '1', '2'],
  );
  assert.equal(await text(page, 'stats-unregistered-AFD01B-all'), '1');
  await page.locator('details').first().evaluate((d) => { d.open = true; });
  await screen(page, 'stats');

  // Another period: the 1st quarter 2026 alone gives that quarter's figures.
  await page.getByTestId('stats-preset').selectOption('q-2026-1');
  await page.getByTestId('stats-period').filter({ hasText: '01.01.2026–31.03.2026' }).waitFor();
  assert.equal(await text(page, 'stats-first-attendance-share'), '81,8 %');
  assert.equal(await text(page, 'stats-first-attendance-running-over'), '0');
  // English, the same figures.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('stats-title').filter({ hasText: 'Pathway times in the department' }).waitFor();
  assert.equal(await text(page, 'stats-whole-course-share'), '76.2%');
  await screen(page, 'stats-en');
  assert.deepEqual(problems, []);
});

test('the clerk\'s CSV: one row per patient, Danish spreadsheet format, the figures recomputable, a formula label inert', async (t) => {
  const { context, page, problems } = await seeded();
  t.after(() => context.close());
  await openStats(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
  assert.equal(download.suggestedFilename(), 'cup-pathway-forloebstider-2026-07-10.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  const [head, ...body] = rows;
  assert.equal(body.length, 30, 'every patient, open and closed, whatever the period');
  assert.ok(rows.every((r) => r.length === head.length));
  const col = (name) => { const i = head.indexOf(name); assert.ok(i >= 0, name); return i; };
  // The formula-like label is text: an apostrophe first, the quotes and ; kept.
  assert.ok(body.some((r) => r[0] === `'${FORMULA}`), 'the label made inert');
  assert.ok(!body.some((r) => r[0] === FORMULA));
  assert.ok(body.some((r) => r[0] === 'Stue 3; seng 2'));
  assert.ok(body.some((r) => r[0] === 'Ø-afsnit 14'));
  // Dates in their own dd.mm.yyyy column, and ISO beside.
  const q102 = body.find((r) => r[0] === 'Q1-02');
  assert.equal(q102[col('Henvisning modtaget (AFD01A)')], '12.01.2026');
  assert.equal(q102[col('Henvisning modtaget (AFD01A) (ISO)')], '2026-01-12');
  // The view's figures again from the file: periods that ended in the period, by status.
  const first = ['Henvisning → første fremmøde (6 dage)', 'Første fremmøde, primær udredning (AFD01B) (ISO)'];
  const inPeriod = (iso) => iso >= '2025-07-11' && iso <= '2026-07-10';
  const ok = body.filter((r) => r[col('Kontrollér datoer')] === 'nej');
  const done = ok.filter((r) => ['overholdt', 'overskredet'].includes(r[col(`${first[0]}: status`)]) && inPeriod(r[col(first[1])]));
  assert.equal(done.length, 24);
  assert.equal(done.filter((r) => r[col(`${first[0]}: status`)] === 'overholdt').length, 20);
  const days = done.map((r) => Number(r[col(`${first[0]}: dage brugt`)])).sort((a, b) => a - b);
  assert.equal(days[Math.ceil(0.5 * days.length) - 1], 4, 'median, nearest rank');
  assert.equal(days[Math.ceil(0.9 * days.length) - 1], 7, '90th percentile, nearest rank');
  // The whole course ends with its last period: AFD01D, else the end of primary work-up (AFD01X1).
  const wholeEnd = (r) => r[col('Første fremmøde, onkologisk afdeling (AFD01D) (ISO)')] || r[col('Pakkeforløb slut (AFD01X1/AFD01X2) (ISO)')];
  const whole = ok.filter((r) => ['overholdt', 'overskredet'].includes(r[col('Hele forløbet: status')]) && inPeriod(wholeEnd(r)));
  assert.equal(whole.length, 21);
  assert.equal(whole.filter((r) => r[col('Hele forløbet: status')] === 'overholdt').length, 16);
  assert.equal(ok.filter((r) => r[col('Hele forløbet: status')] === 'i gang, overskredet').length, 1);
  assert.equal(body.filter((r) => r[col('Kontrollér datoer')] === 'ja').length, 2);
  assert.equal(body.filter((r) => r[col('AFD01X1 markeret registreret')] === 'nej').length, 2);
  // Nothing in the file starts as a formula.
  for (const r of rows) for (const c of r) assert.ok(!/^[=+\-@\t\r]/.test(c), c);
  assert.deepEqual(problems, []);
});

test('print: the department view on A4 stands alone with period, date printed, model version, edition and shares', async (t) => {
  const { context, page, problems } = await seeded();
  t.after(() => context.close());
  await openStats(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = `${SHOTS}stats-print.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = printed.replace(/\s+/g, ' ');
  for (const expected of ['Forløbstider i afdelingen', 'Perioder, der sluttede 11.07.2025–10.07.2026', 'Udskriftsdato: 10.07.2026',
    'regelversion 5', 'Pakkeforløb for metastaser uden organspecifik kræfttype', 'Revideret udgave efter Kræftplan III',
    '83,3 %', '77,3 %', '71,4 %', '76,2 %', '81,8 %', '62,5 %', 'Kontrollér datoer', 'Sådan tælles tallene']) {
    assert.ok(flat.includes(expected), `the print shows "${expected}"`);
  }
  for (const absent of ['Tilbage til forløbsoversigten', 'Eksportér CSV', 'Vælg periode', 'English']) {
    assert.ok(!flat.includes(absent), `no controls in print: "${absent}"`);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 1 && pages <= 6, `${pages} A4 pages`);
  assert.deepEqual(problems, []);
});

test('under the lock the CSV asks first, since the file is not encrypted', async (t) => {
  const { context, page, problems } = await seeded(SIZES[1]);
  t.after(() => context.close());
  await turnOnLock(page, server.url);
  await page.goto(`${server.url}#/forloebstider`);
  await page.getByTestId('stats-csv').click();
  await page.getByTestId('stats-csv-confirm').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv-yes').click()]);
  assert.match(readFileSync(await download.path(), 'utf8'), /Q1-02/);
  assert.deepEqual(problems, []);
});
