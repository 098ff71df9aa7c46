// Issue 26.7, end to end: English mode in English. On every screen a clinician
// opens (the worklist and a row's details, each step of four cases, the
// department view, Registrering, Om), no Danish text shows outside an element
// marked lang="da", apart from the pathway's Danish terms quoted »…« and the
// edition's proper names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, open } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

const answers = { sex: 'male', finding_site: 'bone', known_cancer: false, organ_specific_suspected: false, lymphoma_suspected: false, colorectal_suspected: false, referral_kind: 'pathway_referral', spinal_cord_compression: true };
const p = (id, label, a, events) => ({ id, uid: `en-${id}`, updated_ms: 1790000000000 + id, label, created: '2026-11-20', case: { schema_version: 4, answers: { ...answers, ...a }, events } });
const STORE = JSON.stringify({ format: 'cup-pathway', version: 4, settings: { lang: 'en' }, worklist: { patients: [
  p(1, 'Bone 1', {}, { referral_received: '2026-11-30' }),
  p(2, 'Liver 1', { finding_site: 'liver', spinal_cord_compression: false, liver: { solitary: false }, primary_found: false }, { referral_received: '2026-11-20', first_attendance: '2026-11-28', referred_to_secondary: '2026-12-04' }),
  p(3, 'Brain 1', { finding_site: 'brain', spinal_cord_compression: false }, { referral_received: '2026-12-01' }),
  p(4, 'Groin 1', { finding_site: 'lymph_node_groin', spinal_cord_compression: false, histology: 'adenocarcinoma' }, { referral_received: '2026-11-25', first_attendance: '2026-11-27' }),
] } });

/** The visible text outside lang="da" that reads as Danish. */
function danishShown(page) {
  return page.evaluate(() => {
    const danish = /[æøåÆØÅ]|\b(og|ikke|skal|til|eller|der|som|med|af|på|kan|bør|dage?|henvis\w*|afdeling\w*|udredning\w*|forløb\w*)\b/i;
    // Allowed: a Danish term of the text quoted »…«, the edition's proper names.
    const allowed = (t) => t.replace(/»[^«]*«/g, '').replace(/Kræftplan III|Søren Brostrøm|Sundhedsstyrelsen/g, '');
    const out = new Set();
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang=da], noscript, script, style, select')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const t = n.textContent.trim();
      if (t && danish.test(allowed(t))) out.add(t.slice(0, 160));
    }
    return [...out];
  });
}

test('English mode: no Danish shown outside lang="da" on any screen', async (t) => {
  const { context, page, problems } = await open(browser, server.url, undefined, { fixedTime: new Date('2026-12-07T10:00:00'), locale: 'en-US' });
  t.after(() => context.close());
  await page.evaluate((s) => localStorage.setItem('cup-pathway', s), STORE);
  await page.reload();
  await page.getByTestId('patient-row').nth(3).waitFor();
  const seen = {};
  const check = async (where) => {
    // Every fold open: the source texts, the rules, the readings.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(150);
    const found = await danishShown(page);
    if (found.length) seen[where] = found;
  };
  await page.getByTestId('row-details-toggle').first().click();
  await page.getByTestId('row-note-input').waitFor();
  await check('worklist');
  for (const label of ['Bone 1', 'Liver 1', 'Brain 1', 'Groin 1']) {
    await page.getByTestId('patient-label').filter({ hasText: label }).click();
    await page.getByTestId('case-title').waitFor();
    for (let i = 0; i < 4; i++) {
      await page.getByTestId(`nav-step-${i}`).first().click();
      await check(`${label}, step ${i + 1}`);
    }
    await page.getByTestId('back').first().click();
    await page.getByTestId('patient-row').nth(3).waitFor();
  }
  await page.getByTestId('stats-link').click();
  await page.getByTestId('stats-title').waitFor();
  await check('department view');
  await page.getByTestId('back').click();
  await page.getByTestId('registration-link').click();
  await page.getByTestId('registration').waitFor();
  await check('Registrering');
  await page.evaluate(() => { location.hash = '#/om'; });
  await page.getByTestId('about').waitFor();
  await check('Om');
  assert.deepEqual(seen, {});
  assert.deepEqual(problems, []);
});
