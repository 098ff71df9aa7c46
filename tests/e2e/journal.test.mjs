// Issue 26.1, end to end: *Kopiér journalnotat* copies the model's record
// text to the clipboard (read back here), in the clinician's language; where
// the browser refuses the clipboard, the text is shown and selected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, openAxe, addPatient, choose, select, setDate, screen, text, daDay } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

async function liverCase(page, label) {
  await addPatient(page, label);
  await select(page, 'FindingSite', 'liver');
  await choose(page, 'ReferralKind', 'pathway_referral');
  await setDate(page, 'referral', -2);
}

test('Kopiér journalnotat: the record text is on the clipboard, with the dates and codes so far and the next deadline', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await liverCase(page, 'Lever 7');
  assert.equal(await text(page, 'journal-draft-note'), 'Et udkast, som du retter til i journalen.');
  await page.getByTestId('copy-journal').click();
  await page.getByTestId('journal-status').filter({ hasText: 'kopieret' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Journalnotat – Pakkeforløb for metastaser uden organspecifik kræfttype\nPatient: Lever 7\n/);
  assert.ok(copied.includes(`Dato: ${daDay(0)}\n`), copied);
  assert.ok(copied.includes(`Henvisning modtaget ${daDay(-2)} (AFD01A), endnu ikke markeret som registreret (§2.7, §7.1).`), copied);
  assert.ok(copied.includes(`\nNæste frist\nFørste fremmøde på udredende afdeling senest `), copied);
  assert.ok(copied.includes(`${daDay(4)}, 4 dage tilbage (§2.8, kap. 6).`), copied);
  // A liver finding while §3.1.2 can hold: provisional, and said so.
  assert.ok(copied.includes('Patienten hører til (foreløbig): '), copied);
  assert.equal(await page.getByTestId('journal-text').inputValue(), copied, 'the text shown is the text copied');
  await screen(page, '26-journal-copied');

  // Registered in the code table: the next copy says so.
  await page.getByTestId('registered-AFD01A').check();
  await page.getByTestId('copy-journal').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=journal-text]')?.value.includes('(AFD01A), registreret'));
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes('(AFD01A), registreret'));

  // English mode gives English.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('copy-journal').filter({ hasText: 'Copy record note' }).click();
  await page.getByTestId('journal-status').filter({ hasText: 'copied' }).waitFor();
  const en = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(en, /^Record note – Pakkeforløb for metastaser uden organspecifik kræfttype\nPatient: Lever 7\n/);
  assert.ok(en.includes(`Referral received ${daDay(-2)} (AFD01A), registered (§2.7, §7.1).`), en);
  assert.ok(!en.includes('Henvisning modtaget'), en);
  assert.deepEqual(problems, []);
});

test('Kopiér journalnotat without the clipboard: the text is shown and selected, and the clinician is told to press Ctrl+C', async (t) => {
  const { context, page, problems } = await openAxe(browser, server.url);
  t.after(() => context.close());
  await liverCase(page, 'Lever 8');
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
  await page.getByTestId('copy-journal').click();
  await page.getByTestId('journal-status').filter({ hasText: 'Ctrl+C' }).waitFor();
  const sel = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a?.id, start: a?.selectionStart, end: a?.selectionEnd, length: a?.value.length, head: a?.value.slice(0, 40) };
  });
  assert.equal(sel.id, 'journal-text', 'the text has the focus');
  assert.equal(sel.start, 0);
  assert.equal(sel.end, sel.length, 'all of it selected');
  assert.match(sel.head, /^Journalnotat/);
  await screen(page, '26-journal-fallback');
  assert.deepEqual(problems, []);
});
