// Issue 15, point 3, end to end: dates typed the Danish way into the case's
// date fields in a browser whose language is English (where a native date
// input shows mm/dd/yyyy and drops "26.11.2026") and in a Danish one; the
// date is shown back as dd.mm.yyyy with its weekday, the deadline follows,
// an unreadable date says so at the field and changes nothing, the calendar
// picker still writes the date, and dates out of order show at their fields.
// Screenshots at 1366×768 and 800×1280 (target/e2e-shots/), axe at both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, openAxe, addPatient, choose, select, screen, text, daDay, isoDay } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

/** Day, month and year of the date `days` from today, unpadded. */
function dmy(days) {
  const [y, m, d] = isoDay(days).split('-').map(Number);
  return { d, m, y };
}

function weekday(days, locale) {
  const [y, m, d] = isoDay(days).split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(locale, { weekday: 'long' });
}

const esc = (s) => s.replace(/[.()]/g, '\\$&');

/** Type into a field key by key, as a clinician does, then leave it with `leave` (Enter or Tab). */
async function typeDate(page, event, typed, leave = 'Enter') {
  const field = page.getByTestId(`event-${event}-input`);
  await field.click();
  await field.fill('');
  await field.pressSequentially(typed);
  await field.press(leave);
}

/** The stored event dates of the first patient. */
function stored(page) {
  return page.evaluate(() => {
    const w = JSON.parse(localStorage.getItem('cup-pathway')).worklist;
    return w.patients[0].case.events;
  });
}

for (const locale of ['en-US', 'da-DK']) {
  test(`${locale}: dates typed the Danish way are read day first, shown back with the weekday, and drive the deadlines`, async (t) => {
    const { context, page, problems } = await openAxe(browser, server.url, undefined, { locale });
    t.after(() => context.close());
    assert.equal(await page.evaluate(() => navigator.language), locale, 'the browser speaks the locale');
    await addPatient(page, `Datoer ${locale}`);
    await select(page, 'FindingSite', 'lymph_node_groin');
    await choose(page, 'Sex', 'male');
    for (const q of ['KnownCancer', 'OrganSpecificSuspected', 'LymphomaSuspected']) await choose(page, q, 'no');
    const referral = page.getByTestId('event-referral-input');
    assert.equal(await referral.getAttribute('type'), 'text');
    assert.equal(await referral.getAttribute('placeholder'), 'dd.mm.åååå');

    // The referral three days ago, typed d.m.yy and left with Tab.
    const r = dmy(-3);
    await typeDate(page, 'referral', `${r.d}.${r.m}.${String(r.y).slice(2)}`, 'Tab');
    assert.equal(await referral.inputValue(), daDay(-3));
    assert.equal(await text(page, 'event-referral-weekday'), weekday(-3, 'da-DK'));
    assert.equal((await stored(page)).referral_received, isoDay(-3));
    // First attendance is due six days after the referral (§2.8), with its weekday.
    const first = page.getByTestId('milestone-FirstAttendance');
    assert.match(await first.getByTestId('due').textContent(), new RegExp(`${esc(daDay(3))} \\(${weekday(3, 'da-DK')}`));

    // First attendance yesterday, typed dd/mm/yyyy and Enter: the 14 days of work-up run from it (§3.6).
    const f = dmy(-1);
    await typeDate(page, 'first-attendance', `${String(f.d).padStart(2, '0')}/${String(f.m).padStart(2, '0')}/${f.y}`);
    assert.equal(await page.getByTestId('event-first-attendance-input').inputValue(), daDay(-1));
    assert.equal(await text(page, 'event-first-attendance-weekday'), weekday(-1, 'da-DK'));
    const workup = page.getByTestId('milestone-PrimaryWorkupEnd');
    assert.match(await workup.getByTestId('due').textContent(), new RegExp(esc(daDay(13))));
    assert.match(await text(page, 'code-AFD01B'), new RegExp(esc(daDay(-1))));
    await page.getByTestId('event-first-attendance').scrollIntoViewIfNeeded();
    await screen(page, `20-dates-typed-${locale}`);

    // A date that does not exist, and a month-first one: said at the field, nothing changed, the text kept.
    for (const typed of ['31.02.2026', '12/31/2026']) {
      await typeDate(page, 'first-attendance', typed);
      const error = page.getByTestId('event-first-attendance-error');
      await error.filter({ hasText: 'Den dato findes ikke' }).waitFor();
      assert.match(await error.textContent(), new RegExp(`uændret: ${weekday(-1, 'da-DK')} ${esc(daDay(-1))}`));
      assert.equal(await page.getByTestId('event-first-attendance-input').inputValue(), typed);
      assert.equal(await page.getByTestId('event-first-attendance-input').getAttribute('aria-invalid'), 'true');
      assert.equal((await stored(page)).first_attendance, isoDay(-1));
      assert.match(await workup.getByTestId('due').textContent(), new RegExp(esc(daDay(13))));
    }
    await screen(page, `21-dates-refused-${locale}`);

    // Corrected as dd-mm-yyyy: read, and the message goes.
    await typeDate(page, 'first-attendance', `${f.d}-${f.m}-${f.y}`);
    assert.equal(await text(page, 'event-first-attendance-error'), '');
    assert.equal(await page.getByTestId('event-first-attendance-input').getAttribute('aria-invalid'), null);

    // The calendar picker writes the same field (ISO, whatever the browser shows): the referral a day earlier.
    await page.getByTestId('event-referral-picker').fill(isoDay(-4));
    await page.getByTestId('event-referral-weekday').filter({ hasText: weekday(-4, 'da-DK') }).waitFor();
    assert.equal(await referral.inputValue(), daDay(-4));
    assert.equal((await stored(page)).referral_received, isoDay(-4));

    // Dates out of order: shown at both fields (and in the plan's problems).
    await typeDate(page, 'first-attendance', daDay(-6));
    for (const field of ['event-referral-problems', 'event-first-attendance-problems']) {
      assert.match(await text(page, field), /AFD01B \(første fremmøde, .*\) ligger før AFD01A/);
    }
    assert.match(await text(page, 'problems'), /ligger før AFD01A/);
    await page.getByTestId('event-first-attendance').scrollIntoViewIfNeeded();
    await screen(page, `22-dates-out-of-order-${locale}`);
    await typeDate(page, 'first-attendance', daDay(-1));
    assert.equal(await page.getByTestId('event-first-attendance-problems').count(), 0);

    // In English the field reads day first too, and says so in English.
    await page.getByTestId('lang-switch').click();
    const field = page.getByTestId('event-first-attendance-input');
    assert.equal(await field.getAttribute('placeholder'), 'dd.mm.yyyy');
    await typeDate(page, 'first-attendance', `${f.d}.${f.m}.${f.y}`);
    assert.equal(await text(page, 'event-first-attendance-weekday'), weekday(-1, 'en-GB'));
    await typeDate(page, 'first-attendance', '11/26/2026');
    await page.getByTestId('event-first-attendance-error').filter({ hasText: 'There is no such date' }).waitFor();
    assert.equal((await stored(page)).first_attendance, isoDay(-1));
    await screen(page, `23-dates-english-${locale}`);
    await page.getByTestId('lang-switch').click();

    // A reload finds the dates as they were left.
    await page.reload();
    await page.getByTestId('case-title').filter({ hasText: `Datoer ${locale}` }).waitFor();
    assert.equal(await page.getByTestId('event-referral-input').inputValue(), daDay(-4));
    assert.equal(await page.getByTestId('event-first-attendance-input').inputValue(), daDay(-1));
    assert.deepEqual(problems, []);
  });
}
