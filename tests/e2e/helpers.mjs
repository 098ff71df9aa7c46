// Shared by the end-to-end tests: a browser, pages that record problems,
// axe on every screen, and screenshots under target/e2e-shots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const SHOTS = fileURLToPath(new URL('../../target/e2e-shots/', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

/** The two screens the app is made for: a hospital PC and a 10-inch tablet in portrait. */
export const SIZES = [
  { name: 'pc', width: 1366, height: 768 },
  { name: 'tablet', width: 800, height: 1280 },
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh profile (browser language `locale`) with console errors, failed requests and HTTP errors recorded. */
/** `serviceWorkers: 'block'` for a page whose requests `page.route` must see (a worker's fetches bypass it). */
export async function open(browser, url, viewport = SIZES[0], { bypassCSP = false, clock = false, locale = 'da-DK', fixedTime, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale, bypassCSP, acceptDownloads: true, serviceWorkers });
  const page = await context.newPage();
  // A controllable clock (page.clock) for idle timeouts; time still flows.
  if (clock) await page.clock.install();
  // A fixed date for figures that depend on "today" (timers keep running).
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A request cut short by the page's own reload (net::ERR_ABORTED) is not a failure.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  // Nothing may leave the origin: every request is checked.
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
    requests.push(r.url());
  });
  await page.goto(url);
  await page.getByTestId('app-title').waitFor();
  return { context, page, problems, requests };
}

/** A page for screens checked with axe: axe is injected as a script, which the
 * app's Content-Security-Policy rightly refuses, so these pages bypass the CSP.
 * The privacy test in app.test.mjs runs a journey with the CSP in force. */
export function openAxe(browser, url, viewport = SIZES[0], options = {}) {
  return open(browser, url, viewport, { ...options, bypassCSP: true });
}

/** Everything the origin keeps in localStorage, as one text. */
export function everythingStored(page) {
  return page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
}

/** Run axe-core on the page as it is; fail with the violations in words. */
export async function axe(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${where}`);
}

/** Screenshot and axe at both sizes; returns to the first size. */
export async function screen(page, name) {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(50);
    await page.screenshot({ path: `${SHOTS}${name}-${size.name}.png`, fullPage: true });
    await axe(page, `${name} at ${size.width}×${size.height}`);
  }
}

/** Type a label and press Tilføj, as a clinician would. */
export async function submitLabel(page, label) {
  await page.getByTestId('add-patient-input').fill(label);
  await page.getByTestId('add-patient-button').click();
}

/** Add a patient: the new case opens. */
export async function addPatient(page, label) {
  await submitLabel(page, label);
  await page.getByTestId('case-title').filter({ hasText: label }).waitFor();
}

/** Answer a yes/no or short one-of question by its option key. */
export async function choose(page, question, key) {
  await page.getByTestId(`q-${question}-${key}`).check();
}

/** Choose from a long one-of question (a select) by its option key. */
export async function select(page, question, key) {
  await page.getByTestId(`q-${question}`).selectOption(key);
}

export async function step(page, i) {
  await page.getByTestId(`nav-step-${i}`).click();
  await page.getByTestId('step-heading').filter({ hasText: `${i + 1} / 4` }).waitFor();
}

/** A date as the date input takes it, `days` from today in local time. */
export function isoDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The same date as the app shows it: dd.mm.yyyy. */
export function daDay(days = 0) {
  const [y, m, d] = isoDay(days).split('-');
  return `${d}.${m}.${y}`;
}

export async function setDate(page, event, days) {
  await page.getByTestId(`event-${event}-input`).fill(isoDay(days));
  await page.getByTestId(`event-${event}-input`).dispatchEvent('change');
}

export async function text(page, testid) {
  return (await page.getByTestId(testid).first().textContent()) ?? '';
}

/** The passphrase the lock tests use (12+ characters, not a common one). */
export const PASSPHRASE = 'Stue 4 kaffe kl 7';

/** Turn the lock on from Om, as a clinician would (the app at `baseUrl`). */
export async function turnOnLock(page, baseUrl) {
  await page.goto(`${baseUrl}#/om`);
  await page.getByTestId('lock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('lock-repeat').fill(PASSPHRASE);
  await page.getByTestId('lock-enable').click();
  await page.getByTestId('lock-on').waitFor();
}

/** Give the passphrase on the lock screen. */
export async function unlock(page, passphrase = PASSPHRASE) {
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}

/** Make the renderer fail: creating a fieldset (the wizard) throws, so
 * Leptos's `unwrap` of it panics inside the wasm when a case opens. */
export async function injectRenderFault(page) {
  await page.evaluate(() => {
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (tag, ...rest) {
      if (String(tag).toLowerCase() === 'fieldset') throw new DOMException('injected fault', 'NotSupportedError');
      return create.call(this, tag, ...rest);
    };
  });
}
