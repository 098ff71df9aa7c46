// The benchmark behind scripts/bench.sh: prints one table and exits 1 when a
// budget is missed. Not part of the test suite (timings vary by machine).
//   node scripts/bench.mjs <dist> <empty-app-dist> <evaluate-µs>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchStats } from './bench-stats.mjs';

const [dist, emptyDist, evaluateUs] = process.argv.slice(2);
const RUNS = 11;
const rows = [];
let over = false;
const row = (what, value, unit, budget) => {
  const ok = budget === undefined || value <= budget;
  if (!ok) over = true;
  rows.push([what, `${value} ${unit}`, budget === undefined ? '' : `≤ ${budget} ${unit}`, budget === undefined ? '' : ok ? 'ok' : 'OVER']);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => Math.round(n / 102.4) / 10;

// 1. Bytes of the first load.
const firstLoad = (dir) => readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js' && statSync(join(dir, f)).isFile());
let total = { raw: 0, gz: 0, br: 0 };
for (const f of firstLoad(dist)) {
  const body = readFileSync(join(dist, f));
  const gz = gzipSync(body, { level: 9 }).length;
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + body.length, gz: total.gz + gz, br: total.br + br };
  rows.push([`  ${f.replace(/-[0-9a-f]{8,}/, '')}`, `${kb(body.length)} / ${kb(gz)} / ${kb(br)} KB`, 'raw / gzip / brotli', '']);
}
row('first load, all-in, gzip', kb(total.gz), 'KB', 150);
rows.push(['first load, all-in, raw / brotli', `${kb(total.raw)} / ${kb(total.br)} KB`, '', '']);

// A static server that compresses as a real one would (gzip when accepted).
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
function serve(root) {
  const server = createServer((req, res) => {
    let path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = readFileSync(join(root, path));
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
      if ((req.headers['accept-encoding'] ?? '').includes('gzip')) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body, { level: 6 }));
      } else res.writeHead(200, headers).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}/`, server })));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const app = await serve(dist);
const empty = await serve(emptyDist);

// 2. Cold load to interactive, throttled (4× CPU, 10 Mbit/s, 40 ms), median of RUNS, interleaved.
async function coldLoad(url, marker) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript((sel) => {
    new MutationObserver((_, mo) => {
      if (document.querySelector(sel)) { window.__ready = performance.now(); mo.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, marker);
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__ready);
  await context.close();
  return t;
}
const appTimes = [], emptyTimes = [];
for (let i = 0; i < RUNS; i++) {
  emptyTimes.push(await coldLoad(empty.url, '#ready'));
  appTimes.push(await coldLoad(app.url, '[data-testid="add-patient-input"]'));
}
const appMs = Math.round(median(appTimes)), emptyMs = Math.round(median(emptyTimes));
rows.push([`cold load to interactive, empty Leptos app (median of ${RUNS})`, `${emptyMs} ms`, '', '']);
rows.push([`cold load to interactive, this app (median of ${RUNS})`, `${appMs} ms`, '', '']);
row('cold load ratio, this app / empty app', Math.round((appMs / emptyMs) * 100) / 100, '×', 1.5);

// 3. A wizard answer to the updated plan on screen (next frame), median of 21.
{
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByTestId('add-patient-input').fill('Bench');
  await page.getByTestId('add-patient-button').click();
  await page.getByTestId('q-FindingSite').selectOption('lymph_node_groin');
  for (const q of ['KnownCancer', 'OrganSpecificSuspected']) await page.getByTestId(`q-${q}-no`).check();
  const times = [];
  for (let i = 0; i < 21; i++) {
    times.push(await page.evaluate(async (key) => {
      const dest = document.querySelector('[data-testid="destination"]');
      const before = dest.textContent;
      const t0 = performance.now();
      document.querySelector(`[data-testid="q-LymphomaSuspected-${key}"]`).click();
      if (dest.textContent === before) {
        await new Promise((res) => new MutationObserver((_, mo) => { if (dest.textContent !== before) { mo.disconnect(); res(); } })
          .observe(dest, { childList: true, characterData: true, subtree: true }));
      }
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }, i % 2 ? 'no' : 'yes'));
  }
  row('wizard answer → plan on screen (median of 21)', Math.round(median(times) * 10) / 10, 'ms', 16);
  await context.close();
}

// 4. A worklist of 1,000 generated cases: render time and localStorage bytes.
{
  const sites = ['liver', 'bone', 'lymph_node_groin', 'brain', 'lymph_node_retroperitoneal', 'cancer_cells_pleura_or_peritoneum'];
  const day = (n) => { const d = new Date(); d.setDate(d.getDate() - n); return d.toISOString().slice(0, 10); };
  const patients = Array.from({ length: 1000 }, (_, i) => ({
    id: i + 1, uid: `bench-${i}`, updated_ms: 0, label: `Bench ${i + 1}`, created: day(30), closed: i % 10 === 0, notes: {},
    case: { schema_version: 2, answers: { finding_site: sites[i % sites.length], sex: i % 2 ? 'male' : 'female', known_cancer: false, organ_specific_suspected: false, lymphoma_suspected: false, colorectal_suspected: false, spinal_cord_compression: false },
      events: { referral_received: day(i % 25), first_attendance: i % 3 ? day(i % 20) : null }, ticks: ['s3_1_history'], ticked_on: { s3_1_history: day(1) } },
  }));
  const stored = JSON.stringify({ format: 'cup-pathway', version: 2, worklist: { patients }, settings: { lang: 'da' } });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.evaluate((s) => localStorage.setItem('cup-pathway', s), stored);
  const times = [], allTimes = [];
  for (let i = 0; i < 5; i++) {
    // A fresh start on a case, so the app reads the seeded store; then back to the worklist.
    await page.goto(`${app.url}#/sag/1`);
    await page.reload();
    await page.getByTestId('case-title').waitFor();
    times.push(await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = '#/';
      // The first screen: the 100 most urgent open cases.
      await new Promise((res) => { const check = () => document.querySelectorAll('[data-testid="patient-row"]').length >= 100 ? res() : requestAnimationFrame(check); check(); });
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }));
    allTimes.push(await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-testid="show-all"]').click();
      await new Promise((res) => { const check = () => document.querySelectorAll('[data-testid="patient-row"]').length >= 900 ? res() : requestAnimationFrame(check); check(); });
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }));
  }
  // As the app writes it (the seed above is compact): answer once, then measure.
  await page.goto(`${app.url}#/sag/2`);
  await page.getByTestId('q-Sex-female').check();
  const bytes = await page.evaluate(() => localStorage.getItem('cup-pathway').length);
  row('worklist of 1,000 cases, render: first screen, 100 most urgent (median of 5)', Math.round(median(times)), 'ms', 100);
  rows.push(['worklist of 1,000 cases, "Vis alle": all 900 open rows (median of 5)', `${Math.round(median(allTimes))} ms`, '', '']);
  row('worklist of 1,000 cases, localStorage as the app writes it', kb(bytes), 'K chars', 5120);

  // 5. The lock on the same 1,000 cases: passphrase to the first screen, and an answer to its encrypted save.
  await page.goto(`${app.url}#/om`);
  await page.getByTestId('lock-passphrase').fill('bench frase 123');
  await page.getByTestId('lock-repeat').fill('bench frase 123');
  await page.getByTestId('lock-enable').click();
  await page.getByTestId('lock-on').waitFor({ timeout: 60000 });
  const unlockTimes = [], saveTimes = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${app.url}#/`);
    await page.reload();
    await page.getByTestId('unlock-passphrase').fill('bench frase 123');
    unlockTimes.push(await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-testid="unlock-submit"]').click();
      await new Promise((res) => { const check = () => document.querySelectorAll('[data-testid="patient-row"]').length >= 100 ? res() : requestAnimationFrame(check); check(); });
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }));
    await page.goto(`${app.url}#/sag/2`);
    await page.getByTestId('case-title').waitFor();
    saveTimes.push(await page.evaluate(async (key) => {
      const before = localStorage.getItem('cup-pathway');
      const t0 = performance.now();
      document.querySelector(`[data-testid="q-Sex-${key}"]`).click();
      await new Promise((res, rej) => { const check = () => localStorage.getItem('cup-pathway') !== before ? res() : performance.now() - t0 > 10000 ? rej(new Error('no save')) : setTimeout(check, 1); check(); });
      return performance.now() - t0;
    }, i % 2 ? 'female' : 'male')); // case 2 is female since the size measure above
  }
  const lockedBytes = await page.evaluate(() => localStorage.getItem('cup-pathway').length);
  row('lock, 1,000 cases: passphrase → first screen (PBKDF2 600,000, median of 5)', Math.round(median(unlockTimes)), 'ms', 1000);
  row('lock, 1,000 cases: an answer → its encrypted save (median of 5)', Math.round(median(saveTimes)), 'ms', 200);
  rows.push(['lock, 1,000 cases: localStorage, encrypted', `${kb(lockedBytes)} K chars`, '', '']);
  await context.close();
}
// 6a. The department view (issue 17): 1,000 cases computed and rendered; their CSV.
await benchStats(browser, app.url, row);
await browser.close();
app.server.close(); empty.server.close();

// 6. Native model evaluation (from scripts/bench.sh).
row('model evaluate, native, per case', Number(evaluateUs), 'µs', 20);

const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
console.log(`| ${'measure'.padEnd(width)} | value | budget | |`);
console.log(`|${'-'.repeat(width + 2)}|---|---|---|`);
for (const r of rows) console.log(`| ${r[0].padEnd(width)} | ${r[1]} | ${r[2]} | ${r[3]} |`);
process.exit(over ? 1 : 0);
