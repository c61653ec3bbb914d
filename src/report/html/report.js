// concord --format html: sorting, filters, search, and opening collapsed
// evidence. The page is complete without it; every finding's index here is
// built from the embedded JSON report (finding i is #f-i and row #m-i).
(() => {
  'use strict';
  performance.mark('concord:start');
  const report = JSON.parse(document.getElementById('concord-report').textContent);
  const findings = report.findings;
  const cards = findings.map((_, i) => document.getElementById('f-' + i));
  const rows = findings.map((_, i) => document.getElementById('m-' + i));
  const index = findings.map((f) => {
    const evidence = (f.reference ? [f.reference] : []).concat(f.evidence);
    const words = [f.rule, f.message, f.help || '', f.note || ''];
    const holders = new Set();
    for (const e of evidence) {
      if (e.holder) holders.add(e.holder);
      if (e.speaker) holders.add(e.speaker);
      words.push(e.excerpt, e.outlet, e.file, e.holder || '', e.speaker || '', e.stance || '',
        e.value ? e.value.raw + ' ' + e.value.normalized : '', e.diff || '');
    }
    return {
      kind: f.kind,
      severity: f.severity,
      rule: f.rule,
      outlets: new Set(evidence.map((e) => e.outlet)),
      holders,
      text: words.join('\n').toLowerCase(),
    };
  });

  const form = document.getElementById('filters');
  const search = document.getElementById('q');
  const shown = document.getElementById('shown');
  form.hidden = false;

  const checked = (name) =>
    new Set([...form.elements[name]].filter((box) => box.checked).map((box) => box.value));

  function apply() {
    const kinds = checked('kind');
    const severities = checked('severity');
    const rule = form.elements.rule.value;
    const outlet = form.elements.outlet.value;
    const holder = form.elements.holder.value;
    const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    index.forEach((f, i) => {
      const visible = kinds.has(f.kind) && severities.has(f.severity) &&
        (!rule || f.rule === rule) && (!outlet || f.outlets.has(outlet)) &&
        (!holder || f.holders.has(holder)) && terms.every((t) => f.text.includes(t));
      if (cards[i].hidden === visible) cards[i].hidden = !visible;
      if (rows[i] && rows[i].hidden === visible) rows[i].hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count === findings.length
      ? findings.length + ' findings'
      : 'Showing ' + count + ' of ' + findings.length + ' findings';
  }

  let pending = 0;
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(apply));
  search.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(apply, 150);
  });

  // Sorting: a column heading's button sorts the rows by that column's text.
  const table = document.querySelector('table.matrix');
  if (table) {
    const body = table.tBodies[0];
    const headings = [...table.tHead.rows[0].cells];
    headings.forEach((th, column) => {
      th.querySelector('button').addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headings.forEach((h) => h.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
        const keyed = [...body.rows].map((row) => [row.cells[column].textContent, row]);
        keyed.sort((a, b) => {
          // Silent cells last, whichever the direction.
          if (!a[0] !== !b[0]) return a[0] ? -1 : 1;
          const order = collator.compare(a[0], b[0]);
          return ascending ? order : -order;
        });
        const fragment = document.createDocumentFragment();
        keyed.forEach(([, row]) => fragment.appendChild(row));
        body.appendChild(fragment);
      });
    });
  }

  // Following a link to a card or a piece of evidence: show it even when a
  // filter hides it or it is collapsed, then give it the focus.
  function reveal(id) {
    const target = document.getElementById(id);
    if (!target) return null;
    const card = target.closest('.card');
    if (card && card.hidden) {
      form.reset();
      apply();
    }
    for (let node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    return target;
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = reveal(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (target) setTimeout(() => target.focus({ preventScroll: true }));
  });
  window.addEventListener('hashchange', () => {
    const target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) target.focus();
  });
  if (location.hash) {
    const target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    }
  }

  // Keys: "/" to search, j and k to the next and previous shown finding.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (event.key === '/' && !typing) {
      event.preventDefault();
      search.focus();
    } else if ((event.key === 'j' || event.key === 'k') && !typing) {
      const visible = cards.filter((card) => !card.hidden);
      const current = visible.indexOf(document.activeElement.closest('.card'));
      const next = event.key === 'j' ? current + 1 : Math.max(current - 1, 0);
      if (visible[next]) {
        visible[next].focus({ preventScroll: true });
        visible[next].scrollIntoView({ block: 'start' });
      }
    }
  });

  // Print every piece of evidence, collapsed or not.
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details.more:not([open])')];
    opened.forEach((d) => { d.open = true; });
  });
  window.addEventListener('afterprint', () => opened.forEach((d) => { d.open = false; }));

  apply();
  performance.measure('concord:ready', 'concord:start');
})();
