// Issue 26.2, end to end: the secretary's Registrering queue, reached from
// the worklist's count; Kopiér copies "AFD01C 04.12.2026"; a mark removes the
// code (undo puts it back); another department's codes are listed apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, openAxe, screen } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

const answers = {
  sex: 'male', finding_site: 'liver', known_cancer: false, organ_specific_suspected: false, lymphoma_suspected: false,
  colorectal_suspected: false, referral_kind: 'pathway_referral', liver: { solitary: false },
};
const patient = (id, label, extra, events) => ({
  id, uid: `reg-${id}`, updated_ms: 1790000000000 + id, label, created: '2026-11-20',
  case: { schema_version: 4, answers: { ...answers, ...extra }, events },
});
const STORE = JSON.stringify({
  format: 'cup-pathway', version: 4, settings: { lang: 'da' },
  worklist: { patients: [
    // Referred to oncology on 04.12.2026, first attendance there on 06.12.2026: AFD01D is oncology's.
    patient(1, 'Lever 1', { primary_found: false }, { referral_received: '2026-11-20', first_attendance: '2026-11-23', referred_to_secondary: '2026-12-04', secondary_first_attendance: '2026-12-06' }),
    patient(2, 'Lever 2', {}, { referral_received: '2026-12-01' }),
  ] },
});

const rowsOf = (page, testid) => page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [tr.querySelector('[data-testid=reg-date]').textContent, tr.querySelector('[data-testid=reg-code]').textContent, tr.querySelector('[data-testid=reg-label]').textContent]));

test('Registrering: the count on the worklist, the queue oldest first, Kopiér, a mark with undo, and theirs apart', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url, undefined, { fixedTime: new Date('2026-12-07T10:00:00') });
  t.after(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.evaluate((s) => localStorage.setItem('cup-pathway', s), STORE);
  await page.reload();
  await page.getByTestId('registration-count').filter({ hasText: '4 koder til registrering' }).waitFor();
  // The worklist's filters with their counts (issue 26.3).
  const filters = page.getByTestId('row-filter');
  assert.deepEqual((await filters.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
    ['Akut 0', 'Overskredet 0', 'Frist i dag 1', 'Til registrering 2', 'Kontrollér datoer 0', 'Afsluttet 0', 'Konflikt 0']);
  await filters.filter({ hasText: 'Til registrering' }).click();
  assert.equal(await filters.filter({ hasText: 'Til registrering' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('patient-row').count(), 2);
  await filters.filter({ hasText: 'Afsluttet' }).click();
  assert.equal(await page.getByTestId('patient-row').count(), 0);
  await screen(page, '26-worklist-filter-none');
  // An empty filter says so and offers the way back to every case (a walk-through had to guess).
  await page.getByTestId('clear-filters').click();
  assert.equal(await page.getByTestId('patient-row').count(), 2);
  assert.equal(await filters.filter({ hasText: 'Afsluttet' }).getAttribute('aria-pressed'), 'false');
  await filters.filter({ hasText: 'Til registrering' }).click();
  assert.equal(await page.getByTestId('patient-row').count(), 2);
  await screen(page, '26-worklist-filters');

  await page.getByTestId('registration-link').click();
  await page.getByTestId('registration').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/registrering');
  assert.deepEqual(await rowsOf(page, 'reg-ours'), [
    ['20.11.2026', 'AFD01A', 'Lever 1'],
    ['23.11.2026', 'AFD01B', 'Lever 1'],
    ['01.12.2026', 'AFD01A', 'Lever 2'],
    ['04.12.2026', 'AFD01C', 'Lever 1'],
  ]);
  // AFD01D is the oncology department's: apart, never with a mark of this department's.
  assert.deepEqual(await rowsOf(page, 'reg-theirs'), [['06.12.2026', 'AFD01D', 'Lever 1']]);
  assert.match(await page.getByTestId('reg-theirs').textContent(), /Onkologisk afdeling/);
  assert.equal(await page.getByTestId('reg-theirs').getByTestId('reg-mark').count(), 0);
  // AFD01B: this department's duty to see reported (§7.2).
  assert.match(await page.getByTestId('reg-row').nth(1).getByTestId('reg-registrar').textContent(), /Denne afdeling§7\.2 Det er stamafdelingens ansvar/);
  await screen(page, '26-registration');

  const c = page.getByTestId('reg-row').filter({ hasText: 'AFD01C' });
  await c.getByTestId('reg-copy').click();
  await page.getByTestId('reg-copied').filter({ hasText: 'AFD01C 04.12.2026' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'AFD01C 04.12.2026');

  await c.getByTestId('reg-mark').click();
  await page.getByTestId('reg-marked').filter({ hasText: 'AFD01C 04.12.2026 er markeret som registreret for Lever 1' }).waitFor();
  assert.equal(await page.getByTestId('reg-row').count(), 3);
  assert.equal(await page.getByTestId('reg-count').textContent(), '3 koder til registrering');
  // The notice in sight wherever the row was, and its undo holds the focus:
  // a second Enter undoes, it never marks the next row.
  const box = await page.getByTestId('reg-marked').boundingBox();
  const height = page.viewportSize().height;
  assert.ok(box.y >= 0 && box.y + box.height <= height, `the notice in the window: ${JSON.stringify(box)} of ${height}`);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'reg-undo');
  await screen(page, '26-registration-marked');
  await page.getByTestId('reg-undo').click();
  assert.equal(await page.getByTestId('reg-row').count(), 4);
  assert.equal(await page.getByTestId('reg-count').textContent(), '4 koder til registrering');
  // Undone, the focus is back on that row's mark, not on the page (walk-through).
  await page.waitForFunction(() => document.activeElement?.id === 'reg-mark-1-AFD01C');
  // Each code with its name, and the copy notice gone after a few seconds.
  assert.match(await c.locator('.code-name').textContent(), /^henvisning til sekundær udredning$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=reg-copied]').textContent === '', null, { timeout: 8000 });

  // Marked, then seen in the case: the code table says registered; the worklist counts 3.
  await page.getByTestId('reg-row').first().getByTestId('reg-mark').click();
  await page.getByTestId('reg-row').first().getByTestId('reg-label').click();
  await page.getByTestId('case-title').filter({ hasText: 'Lever 1' }).waitFor();
  assert.equal(await page.getByTestId('registered-AFD01A').isChecked(), true);
  await page.getByTestId('back').click();
  await page.getByTestId('registration-count').filter({ hasText: '3 koder til registrering' }).waitFor();
  assert.deepEqual(problems, []);
});
