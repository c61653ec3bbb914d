// Drives headless Chromium over concord's HTML reports, as tests/html.rs
// asks: `node report.mjs PLAN.json`. The plan names the browser, a folder
// for screenshots, and the reports, each a file:// page with what to check.
// Every expectation is computed here from the JSON the page carries, never
// written down: the matrix cells and the card counts, the filters, a link
// followed into collapsed evidence, and that no document's script ran.
// Prints one `ok` line per check and exits 1 on the first failure.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (line) => process.stdout.write(line + '\n');


async function check(browser, report) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push('console error: ' + message.text());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const started = Date.now();
  await page.goto(pathToFileURL(report.path).href, { waitUntil: 'load', timeout: 120000 });
  // The script's last act is to show the count; wait for it to have run.
  await page.waitForFunction(() => !document.getElementById('filters').hidden, null, { timeout: 60000 });
  const opened = Date.now() - started;
  const name = report.name;
  await responsive(page, name, opened, report.limits);

  const data = await page.evaluate(() =>
    JSON.parse(document.getElementById('concord-report').textContent));
  assert.equal(data.version, 1, `${name}: embedded JSON version`);
  const findings = data.findings;
  assert.equal(findings.length, report.findings, `${name}: embedded findings vs --format json`);

  // Screenshots first, of the page as it opens.
  if (report.screenshots) await screenshots(page, name, report.screenshots);
  await cardsMatch(page, name, findings);
  await matrixMatches(page, name, findings);
  await sorting(page, name, findings);
  await filters(page, name, findings);
  await followLink(page, name, findings);
  await keyboard(page, name, findings);
  const injected = await hostile(page, name);
  if (report.hostile) assert.ok(injected.shownAsText, `${name}: the injected markup is not shown as text`);

  assert.deepEqual(requests, [], `${name}: requests beyond the file`);
  assert.deepEqual(problems, [], `${name}: errors in the page`);
  log(`ok ${name}: no network requests, no errors`);
  await context.close();
}

// No freezing: the top of the page paints at once while the rest streams
// in, the script's set-up is short, and a filter lays the page out again
// in well under a few seconds. Limits come from the plan (milliseconds).
async function responsive(page, name, opened, limits) {
  const times = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const ready = performance.getEntriesByName('concord:ready')[0];
    const box = document.querySelector('input[name=kind][value=conflict]');
    const start = performance.now();
    box.click();
    document.body.offsetHeight; // the layout the change causes
    const filter = performance.now() - start;
    box.click();
    return { paint: paint ? paint.startTime : NaN, script: ready.duration, filter };
  });
  const ms = (t) => Math.round(t) + ' ms';
  log(`ok ${name}: opened in ${opened} ms, first paint at ${ms(times.paint)}, ` +
    `script ready in ${ms(times.script)}, a filter with its layout ${ms(times.filter)}`);
  if (!limits) return;
  // (Chromium does not always record the paint entry; when it does, it is checked.)
  if (!Number.isNaN(times.paint)) {
    assert.ok(times.paint < limits.first_paint, `${name}: first paint at ${ms(times.paint)}`);
  }
  assert.ok(times.script < limits.script, `${name}: script set-up took ${ms(times.script)}`);
  assert.ok(times.filter < limits.filter, `${name}: a filter took ${ms(times.filter)}`);
  assert.ok(opened < limits.open, `${name}: took ${opened} ms to open`);
}

async function cardsMatch(page, name, findings) {
  const cards = await page.$$eval('article.card', (all) =>
    all.map((card) => ({
      id: card.id,
      kind: [...card.classList].find((c) => c.startsWith('k-')),
      rule: card.querySelector('code.rule').textContent,
      evidence: card.querySelectorAll('li.ev').length,
    })));
  assert.equal(cards.length, findings.length, `${name}: cards vs findings`);
  findings.forEach((f, i) => {
    const card = cards[i];
    assert.equal(card.id, `f-${i}`, `${name}: card ${i} id`);
    assert.equal(card.kind, `k-${f.kind}`, `${name}: card ${i} kind`);
    assert.equal(card.rule, f.rule, `${name}: card ${i} rule`);
    const pieces = f.evidence.length + (f.reference ? 1 : 0);
    assert.equal(card.evidence, pieces, `${name}: card ${i} pieces of evidence`);
  });
  log(`ok ${name}: ${cards.length} cards match the findings, kind, rule and evidence`);
}

// What each outlet's cell must say, from the JSON alone.
function expectedCell(f, outlet) {
  const labels = [];
  for (const e of (f.reference ? [f.reference] : []).concat(f.evidence)) {
    if (e.outlet !== outlet) continue;
    const label = e.stance ?? (e.value ? e.value.normalized : 'quoted');
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.join(' / ');
}

async function matrixMatches(page, name, findings) {
  const matrix = await page.evaluate(() => {
    const table = document.querySelector('table.matrix');
    const outlets = [...table.tHead.rows[0].cells].slice(2).map((th) => th.textContent);
    const rows = [...table.tBodies[0].rows].map((row) => ({
      id: row.id,
      rule: row.cells[0].textContent,
      verdict: row.cells[1].textContent,
      cells: [...row.cells].slice(2).map((td) => {
        const link = td.querySelector('a');
        return { text: td.textContent, href: link ? link.getAttribute('href') : null };
      }),
    }));
    return { outlets, rows };
  });
  assert.equal(matrix.rows.length, findings.length, `${name}: matrix rows vs findings`);
  let filled = 0;
  findings.forEach((f, i) => {
    const row = matrix.rows[i];
    assert.equal(row.id, `m-${i}`, `${name}: row ${i}`);
    assert.equal(row.rule, f.rule, `${name}: row ${i} rule`);
    assert.ok(row.verdict.endsWith(f.kind === 'agreement' ? 'agree' : f.kind), `${name}: row ${i} verdict ${row.verdict}`);
    matrix.outlets.forEach((outlet, c) => {
      const want = expectedCell(f, outlet);
      const cell = row.cells[c];
      assert.equal(cell.text, want, `${name}: cell (${f.rule}, ${outlet})`);
      assert.equal(cell.href === null, want === '', `${name}: link in cell (${f.rule}, ${outlet})`);
      if (want) filled += 1;
    });
  });
  log(`ok ${name}: matrix ${matrix.rows.length} × ${matrix.outlets.length}, ${filled} cells match the JSON`);
}

async function sorting(page, name, findings) {
  const order = () => page.$$eval('table.matrix tbody tr', (all) => all.map((r) => r.cells[0].textContent));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const rules = findings.map((f) => f.rule);
  const ascending = [...rules].sort(collator.compare);
  await page.click('table.matrix thead th:first-child button');
  assert.deepEqual(await order(), ascending, `${name}: rows sorted by rule`);
  assert.equal(await page.getAttribute('table.matrix thead th:first-child', 'aria-sort'), 'ascending');
  await page.click('table.matrix thead th:first-child button');
  assert.deepEqual(await order(), [...ascending].reverse(), `${name}: rows sorted by rule, descending`);
  // Back to the report's order: by the row's finding.
  await page.evaluate(() => {
    const body = document.querySelector('table.matrix tbody');
    [...body.rows].sort((a, b) => a.id.slice(2) - b.id.slice(2)).forEach((r) => body.appendChild(r));
    document.querySelectorAll('table.matrix thead th').forEach((th) => th.setAttribute('aria-sort', 'none'));
  });
  log(`ok ${name}: the rule column sorts both ways`);
}

const visibleCards = (page) =>
  page.$$eval('article.card', (all) => all.filter((c) => !c.hidden).map((c) => c.id));
const visibleRows = (page) =>
  page.$$eval('table.matrix tbody tr', (all) => all.filter((r) => !r.hidden).length);

async function filters(page, name, findings) {
  // Kind: only the most common problem kind stays checked.
  const kinds = ['conflict', 'misquote', 'misattribution', 'agreement'];
  const count = (kind) => findings.filter((f) => f.kind === kind).length;
  const kind = kinds.slice(0, 3).sort((a, b) => count(b) - count(a))[0];
  for (const other of kinds.filter((k) => k !== kind)) {
    await page.uncheck(`input[name=kind][value=${other}]`);
  }
  const want = findings.map((f, i) => [f, i]).filter(([f]) => f.kind === kind).map(([, i]) => `f-${i}`);
  assert.deepEqual(await visibleCards(page), want, `${name}: cards shown for kind ${kind}`);
  assert.equal(await visibleRows(page), want.length, `${name}: rows shown for kind ${kind}`);
  const shown = await page.textContent('#shown');
  assert.equal(shown, `Showing ${want.length} of ${findings.length} findings`, `${name}: count line`);
  log(`ok ${name}: kind filter ${kind} shows ${want.length} of ${findings.length}`);
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('article.card:not([hidden])').length === n, findings.length);

  // Outlet: the last outlet in the list, with every finding that cites it.
  const outlets = await page.$$eval('select[name=outlet] option', (all) => all.map((o) => o.value).filter(Boolean));
  const outlet = outlets[outlets.length - 1];
  await page.selectOption('select[name=outlet]', outlet);
  const cites = (f) => (f.reference ? [f.reference] : []).concat(f.evidence).some((e) => e.outlet === outlet);
  const citing = findings.map((f, i) => [f, i]).filter(([f]) => cites(f)).map(([, i]) => `f-${i}`);
  assert.deepEqual(await visibleCards(page), citing, `${name}: cards shown for outlet ${outlet}`);
  log(`ok ${name}: outlet filter shows the ${citing.length} findings citing one outlet`);
  await page.click('button[type=reset]');

  // Search: the first finding's rule id; every card shown holds the words.
  const term = findings[0].rule;
  await page.fill('#q', term);
  await page.waitForFunction(() => document.getElementById('shown').textContent.startsWith('Showing')
    || document.querySelectorAll('article.card:not([hidden])').length > 0);
  await page.waitForTimeout(400);
  const found = await page.$$eval('article.card:not([hidden])', (all, t) =>
    all.map((c) => c.textContent.toLowerCase().includes(t.toLowerCase())), term);
  assert.ok(found.length > 0, `${name}: search ${term} shows nothing`);
  assert.ok(found.every(Boolean), `${name}: search ${term} shows a card without it`);
  assert.ok(found.length <= findings.length);
  log(`ok ${name}: search "${term}" shows ${found.length} card(s), each holding it`);
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('article.card:not([hidden])').length === n, findings.length);
}

async function followLink(page, name, findings) {
  // A cell whose evidence is collapsed when there is one, else the first.
  const href = await page.evaluate(() => {
    const links = [...document.querySelectorAll('table.matrix td a')];
    const collapsed = links.find((a) => document.getElementById(a.getAttribute('href').slice(1)).closest('details'));
    return (collapsed || links[0]).getAttribute('href');
  });
  const id = href.slice(1);
  await page.click(`table.matrix a[href="${href}"]`);
  await page.waitForFunction((target) => document.activeElement && document.activeElement.id === target, id);
  assert.ok(await page.isVisible(`[id="${id}"]`), `${name}: ${id} is not visible after its link`);
  const inView = await page.evaluate((target) => {
    const box = document.getElementById(target).getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }, id);
  assert.ok(inView, `${name}: ${id} is not scrolled into view`);
  assert.equal(new URL(page.url()).hash, href, `${name}: the address names the evidence`);
  log(`ok ${name}: cell link ${href} shows and focuses its evidence`);

  // A card a filter hides is shown when its address is followed.
  const last = findings.length - 1;
  const kind = findings[last].kind;
  await page.uncheck(`input[name=kind][value=${kind}]`);
  assert.ok(await page.isHidden(`#f-${last}`), `${name}: filter did not hide f-${last}`);
  await page.evaluate((n) => { location.hash = '#f-' + n; }, last);
  await page.waitForFunction((n) => document.activeElement && document.activeElement.id === 'f-' + n, last);
  assert.ok(await page.isVisible(`#f-${last}`), `${name}: f-${last} hidden after following its address`);
  log(`ok ${name}: following #f-${last} clears the filter that hid it`);
  await page.click('button[type=reset]');
}

// Keys: j and k step through the shown findings, "/" goes to the search box.
async function keyboard(page, name, findings) {
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  const focused = () => page.evaluate(() => document.activeElement.id);
  await page.keyboard.press('j');
  assert.equal(await focused(), 'f-0', `${name}: j from the top`);
  if (findings.length > 1) {
    await page.keyboard.press('j');
    assert.equal(await focused(), 'f-1', `${name}: j again`);
    await page.keyboard.press('k');
    assert.equal(await focused(), 'f-0', `${name}: k`);
  }
  await page.keyboard.press('/');
  assert.equal(await focused(), 'q', `${name}: / to search`);
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  log(`ok ${name}: j, k and / move the focus`);
}

async function hostile(page, name) {
  // Hover and focus over every piece of evidence, as a reader would.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.ev, .ev *, .card h3, td, th')) {
      for (const type of ['mouseover', 'mouseenter', 'focus']) el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  });
  const state = await page.evaluate(() => ({
    pwned: window.__pwned === true,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    shownAsText: document.body.textContent.includes('<script>window.__pwned = true</script>'),
  }));
  assert.equal(state.pwned, false, `${name}: a script from a document ran`);
  assert.equal(state.scripts, 2, `${name}: scripts on the page (the JSON and concord's own)`);
  assert.equal(state.handlers, 0, `${name}: event-handler attributes on the page`);
  assert.equal(state.scriptLinks, 0, `${name}: javascript: links on the page`);
  log(`ok ${name}: no document script ran (window.__pwned unset), 2 scripts, no handlers` +
    (state.shownAsText ? ', injected markup shown as text' : ''));
  return state;
}

async function screenshots(page, name, folder) {
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const path = join(folder, `report-${scheme}-${width}.png`);
      await page.screenshot({ path });
      log(`ok ${name}: screenshot ${path}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  const misquote = await page.$('article.card.k-misquote');
  if (misquote) {
    // Cards off screen are laid out only when near the view (content-visibility).
    await misquote.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await misquote.scrollIntoViewIfNeeded();
    const path = join(folder, 'report-misquote-light-1280.png');
    await misquote.screenshot({ path });
    log(`ok ${name}: screenshot ${path}`);
  }
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => getComputedStyle(document.getElementById('filters')).display);
  assert.equal(printed, 'none', `${name}: filters in print`);
  await page.emulateMedia({ media: 'screen' });
  log(`ok ${name}: print stylesheet hides the filters`);
}

// Last, so that every function and constant above is defined.
const browser = await chromium.launch({ executablePath: plan.chromium, headless: true });
try {
  for (const report of plan.reports) {
    await check(browser, report);
  }
} finally {
  await browser.close();
}
