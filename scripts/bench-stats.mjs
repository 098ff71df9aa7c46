// The department view's bench rows (issue 17): 1,000 cases computed and
// rendered, and their CSV built. Called by scripts/bench.mjs; alone, on the
// existing release build:  scripts/bench.sh --stats-only  (or node scripts/bench-stats.mjs dist)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 1,000 cases over the last year: every stage, ended, running, closed, a few with contradictory dates. */
export function statsWorklist(today = new Date()) {
  let seed = 42;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const day = (n) => { const d = new Date(today); d.setDate(d.getDate() - n); return d.toISOString().slice(0, 10); };
  const base = { known_cancer: false, organ_specific_suspected: false, lymphoma_suspected: false, colorectal_suspected: false, spinal_cord_compression: false };
  const patients = Array.from({ length: 1000 }, (_, i) => {
    const r = 5 + rnd(360);
    const fa = r - rnd(10);
    const c = fa - 5 - rnd(15);
    const d = c - rnd(10);
    const stage = rnd(5);
    const oncology = stage >= 3;
    const answers = oncology
      ? { ...base, finding_site: 'lymph_node_groin', sex: 'female', histology: 'adenocarcinoma', serous_peritoneal_carcinomatosis: false, gi_bleeding_or_symptoms: false, primary_found: false }
      : { ...base, finding_site: 'liver', sex: 'male' };
    const events = { referral_received: day(r) };
    if (stage >= 1 && fa >= 0) events.first_attendance = day(fa);
    if (stage === 2 && c >= 0) events.ended = { date: day(c), reason: ['organ_specific_referral', 'suspicion_disproved', 'patient_wish'][rnd(3)] };
    if (oncology && events.first_attendance && c >= 0) events.referred_to_secondary = day(c);
    if (stage === 4 && events.referred_to_secondary && d >= 0) events.secondary_first_attendance = day(d);
    if (i % 97 === 0 && events.first_attendance) events.first_attendance = day(r + 3); // before the referral
    return { id: i + 1, uid: `stats-bench-${i}`, updated_ms: 0, label: i % 50 ? `Stat ${i + 1}` : `=Stat(${i + 1})`, created: day(r), closed: i % 4 === 0, notes: {},
      case: { schema_version: 3, answers, events, registered_codes: rnd(3) ? ['AFD01A', 'AFD01B'] : [] } };
  });
  return JSON.stringify({ format: 'cup-pathway', version: 2, worklist: { patients }, settings: { lang: 'da' } });
}

/** Measure on the app at `url` in `browser`; `row(what, value, unit, budget)` records a result. */
export async function benchStats(browser, url, row) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate((s) => localStorage.setItem('cup-pathway', s), statsWorklist());
  const render = [], csv = [];
  for (let i = 0; i < RUNS; i++) {
    // Start on Om (no case data), so only the department view is timed.
    await page.goto(`${url}#/om`);
    await page.reload();
    await page.getByTestId('delete-all').waitFor();
    render.push(await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = '#/forloebstider';
      await new Promise((res) => { const check = () => document.querySelector('[data-testid="stats-check-dates"]') ? res() : requestAnimationFrame(check); check(); });
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }));
    // The CSV of all 1,000 cases: the click to the file's Blob URL.
    csv.push(await page.evaluate(async () => {
      const create = URL.createObjectURL;
      let at;
      URL.createObjectURL = (b) => { at = performance.now(); URL.createObjectURL = create; return create.call(URL, b); };
      const t0 = performance.now();
      document.querySelector('[data-testid="stats-csv"]').click();
      await new Promise((res) => { const check = () => at ? res() : setTimeout(check, 1); check(); });
      return at - t0;
    }));
  }
  await context.close();
  row(`department view, 1,000 cases: computed and rendered (median of ${RUNS})`, Math.round(median(render)), 'ms', 100);
  row(`department view, 1,000 cases: CSV built, click → file (median of ${RUNS})`, Math.round(median(csv) * 10) / 10, 'ms', 50);
}

// Alone: serve `dist` and print the two rows.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import('playwright-core');
  const dist = process.argv[2] ?? 'dist';
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer((req, res) => {
    let path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/')) path += 'index.html';
    try { res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(join(dist, path))); }
    catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  let over = false;
  const rows = [];
  await benchStats(browser, `http://127.0.0.1:${server.address().port}/`, (what, value, unit, budget) => {
    const ok = value <= budget;
    over ||= !ok;
    rows.push(`| ${what} | ${value} ${unit} | ≤ ${budget} ${unit} | ${ok ? 'ok' : 'OVER'} |`);
  });
  await browser.close();
  server.close();
  for (const r of rows) console.log(r);
  process.exit(over ? 1 : 0);
}
