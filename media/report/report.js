// The report panel's page (src/extension/report-panel.ts sends it the grid). Runs under a strict
// Content-Security-Policy: no inline handlers, nothing fetched; every action is a message to the extension.
/* global acquireVsCodeApi -- given to the page by the webview host */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('report'));
  /** @type {{ filter: string }} */
  const state = Object.assign({ filter: '' }, vscode.getState() || {});

  const STAGES = [
    ['identify-need', 'Identify need'],
    ['agree-standards', 'Agree standards'],
    ['deliver', 'Deliver'],
    ['monitor', 'Monitor'],
    ['evaluate', 'Evaluate'],
    ['improve', 'Improve'],
  ];
  // A mark as well as a colour, so that no one needs to tell the colours apart.
  const MARK = { evidenced: '✓', claimed: '!', suggested: '?', missing: '✗' };
  const WORDS = { evidenced: 'evidenced', claimed: 'claimed', suggested: 'suggested', missing: 'missing' };

  /** Makes an element: el('td', { class: 'x' }, child, 'text'). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  function placeLabel(place, by) {
    return by === 'learner' ? `${place.path.split('/').pop()} L${place.line}` : `L${place.line}`;
  }

  function placeLink(place, by, title) {
    return el(
      'a',
      { href: '#', class: 'place', dataset: { path: place.path, line: String(place.line) }, title },
      placeLabel(place, by),
    );
  }

  function places(list, by, quote) {
    const out = [];
    list.forEach((p, i) => {
      if (i) out.push(', ');
      out.push(placeLink(p, by, quote && p.quote ? `“${p.quote}”` : `Open ${p.path} at line ${p.line}`));
    });
    return out;
  }

  const DECISION_WORDS = { met: 'met', 'not-yet-met': 'not yet met', referred: 'referred' };

  /** The assessor's decision under the tool's status, and the button that records one. */
  function decisionPart(unit, criterion, cell, row, canDecide) {
    const d = cell && cell.decision;
    const shown = d
      ? el(
          'span',
          {
            class: `decision decision-${d.decision}`,
            title: `${d.at ? d.at.slice(0, 10) : ''}${d.comment ? `: ${d.comment}` : ''}`,
          },
          `Assessor: ${DECISION_WORDS[d.decision]}`,
          d.comment ? el('span', { class: 'comment' }, ` “${d.comment}”`) : null,
        )
      : null;
    const button =
      canDecide && unit !== null
        ? el(
            'button',
            {
              type: 'button',
              class: 'decide',
              title: `Record your decision on AC ${criterion.id} for ${row.learner}`,
              'aria-label': `Decide AC ${criterion.id} for ${row.learner}`,
              dataset: {
                unit,
                criterion: criterion.id,
                learner: row.learner,
                path: row.accounts[0],
                decision: d ? d.decision : '',
                comment: d ? d.comment : '',
              },
            },
            d ? 'Change' : 'Decide',
          )
        : null;
    return shown || button ? el('div', { class: 'decision-part' }, shown, button) : null;
  }

  function criterionCell(unit, criterion, cell, row, by, canDecide) {
    const status = (cell && cell.status) || 'missing';
    const where = (cell && cell.where) || [];
    const mark = el('span', { class: 'mark', 'aria-hidden': 'true' }, MARK[status]);
    const decision = decisionPart(unit, criterion, cell, row, canDecide);
    if (status === 'missing' || !where.length) {
      const link = el(
        'a',
        {
          href: '#',
          class: 'criterion',
          dataset: { unit: unit || '', criterion: criterion.id },
          title: `Missing. AC ${criterion.id}: ${criterion.text} (opens the criterion’s text)`,
        },
        'missing',
      );
      return el('td', { class: `status-${status}` }, mark, ' ', link, decision);
    }
    const word = status === 'evidenced' ? [] : [el('span', { class: 'word' }, WORDS[status]), ' '];
    return el('td', { class: `status-${status}` }, mark, ' ', word, places(where, by, status === 'claimed'), decision);
  }

  function stageCell(list, by) {
    if (!list || !list.length)
      return el(
        'td',
        { class: 'status-missing' },
        el('span', { class: 'mark', 'aria-hidden': 'true' }, MARK.missing),
        ' missing',
      );
    return el(
      'td',
      { class: 'status-evidenced' },
      el('span', { class: 'mark', 'aria-hidden': 'true' }, MARK.evidenced),
      ' ',
      places(list, by, false),
    );
  }

  function rowHeader(row, by) {
    if (by === 'learner') {
      const accounts = el(
        'ul',
        { class: 'accounts' },
        row.accounts.map((p) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: '#', class: 'place', dataset: { path: p, line: '1' }, title: `Open ${p}` },
              p.split('/').pop(),
            ),
          ),
        ),
      );
      return el(
        'th',
        { scope: 'row' },
        el('span', { class: 'learner' }, row.learner || '(no learner named)'),
        accounts,
      );
    }
    const path = row.accounts[0];
    return el(
      'th',
      { scope: 'row' },
      el('a', { href: '#', class: 'place', dataset: { path, line: '1' }, title: `Open ${path}` }, path),
      row.learner ? el('div', { class: 'learner-of' }, row.learner) : null,
    );
  }

  function summaryCells(unit, row) {
    // As the readiness verdict counts them: the assessor's decision wins over the tool's status.
    const met = (cell) => (cell.decision ? cell.decision.decision === 'met' : cell.status === 'evidenced');
    const evidenced = unit.criteria.filter((c) => row.criteria[c.id] && met(row.criteria[c.id])).length;
    const stages = STAGES.filter(([id]) => row.stages[id] && row.stages[id].length).length;
    const readiness = el(
      'td',
      { class: `readiness ${row.readiness}` },
      el('strong', {}, row.readiness),
      row.reasons.length
        ? el(
            'ul',
            { class: 'reasons' },
            row.reasons.map((r) => el('li', {}, r)),
          )
        : null,
    );
    return [
      el('td', { class: 'count' }, unit.criteria.length ? `${evidenced}/${unit.criteria.length}` : '–'),
      el('td', { class: 'count' }, `${stages}/6`),
      el('td', { class: 'count' }, String(row.counts.personalData)),
      el('td', { class: 'count' }, String(row.counts.hypothetical)),
      el('td', { class: 'count' }, String(row.counts.vague)),
      el('td', { class: 'count' }, String(row.counts.unlinked)),
      readiness,
    ];
  }

  function unitSection(unit, by, canDecide) {
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col' }, by === 'learner' ? 'Learner' : 'Account'),
      unit.criteria.map((c) =>
        el(
          'th',
          { scope: 'col', title: c.text },
          el('a', { href: '#', class: 'criterion', dataset: { unit: unit.unit || '', criterion: c.id } }, `AC ${c.id}`),
        ),
      ),
      STAGES.map(([, title]) => el('th', { scope: 'col', class: 'stage' }, title)),
      ['Criteria', 'Stages', 'Personal data', 'Hypothetical', 'Vague', 'Unlinked', 'Readiness'].map((t) =>
        el('th', { scope: 'col', class: 'summary' }, t),
      ),
    );
    const rows = unit.rows.map((row) =>
      el(
        'tr',
        { dataset: { search: [row.learner, ...row.accounts].join(' ').toLowerCase() } },
        rowHeader(row, by),
        unit.criteria.map((c) => criterionCell(unit.unit, c, row.criteria[c.id], row, by, canDecide)),
        STAGES.map(([id]) => stageCell(row.stages[id], by)),
        summaryCells(unit, row),
      ),
    );
    const key = unit.criteria.length
      ? el(
          'dl',
          { class: 'key' },
          unit.criteria.map((c) => [el('dt', {}, `AC ${c.id}`), el('dd', {}, c.text)]),
        )
      : null;
    return el(
      'section',
      {},
      el('h2', {}, unit.title),
      el('div', { class: 'scroll' }, el('table', { class: 'grid' }, el('thead', {}, head), el('tbody', {}, rows))),
      key,
    );
  }

  function toolbar(by, scope) {
    const filter = el('input', {
      type: 'search',
      id: 'filter',
      value: state.filter,
      placeholder: by === 'learner' ? 'Learner or account' : 'Account or learner',
      'aria-describedby': 'shown',
    });
    const switcher = el(
      'div',
      { role: 'group', 'aria-label': 'One row per', class: 'switch' },
      el(
        'button',
        { type: 'button', dataset: { by: 'account' }, 'aria-pressed': String(by === 'account') },
        'By account',
      ),
      el(
        'button',
        { type: 'button', dataset: { by: 'learner' }, 'aria-pressed': String(by === 'learner') },
        'By learner',
      ),
    );
    const actions = el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', dataset: { export: 'html' } }, 'Export HTML'),
      el('button', { type: 'button', dataset: { export: 'csv' } }, 'Export CSV'),
      el('button', { type: 'button', dataset: { feedback: 'draft' } }, 'Draft Feedback'),
    );
    return el(
      'header',
      { class: 'toolbar' },
      el('label', { for: 'filter' }, 'Filter '),
      filter,
      el('span', { id: 'shown', class: 'shown' }),
      switcher,
      actions,
      el(
        'span',
        { class: 'scope' },
        { account: 'This account', learner: 'This learner’s accounts', workspace: 'Every account in the workspace' }[
          scope
        ] || '',
      ),
    );
  }

  function legend() {
    return el(
      'p',
      { class: 'legend' },
      Object.keys(MARK).map((s) =>
        el(
          'span',
          { class: `status-${s}` },
          el('span', { class: 'mark', 'aria-hidden': 'true' }, MARK[s]),
          ' ',
          WORDS[s],
        ),
      ),
      el(
        'span',
        { class: 'legend-note' },
        '“Claimed”: the paragraph names the criterion but does not show it (hover for its first sentence). “Suggested”: reads like evidence but names no criterion. L12 is the line; Enter or a click opens it; “missing” or a criterion’s heading opens the criterion’s text.',
      ),
    );
  }

  function applyFilter() {
    const words = state.filter.toLowerCase().trim();
    let shown = 0;
    let all = 0;
    for (const tr of root.querySelectorAll('tbody tr')) {
      const row = /** @type {HTMLElement} */ (tr);
      all++;
      const match = !words || (row.dataset.search || '').includes(words);
      row.hidden = !match;
      if (match) shown++;
    }
    const out = document.getElementById('shown');
    if (out)
      out.textContent = words
        ? `${shown} of ${all} ${all === 1 ? 'row' : 'rows'}`
        : `${all} ${all === 1 ? 'row' : 'rows'}`;
  }

  /** The last grid drawn: a grid sent twice (the page loading as it arrives) is drawn once. */
  let drawn = 0;

  function notes(view, canDecide) {
    const out = view.problems.map((p) => el('p', { class: 'problem', role: 'alert' }, p));
    if (view.decisions === 'unavailable' || !canDecide)
      out.push(
        el(
          'p',
          { class: 'note' },
          'Assessor decisions are not read or recorded here; record them with reflect-lint assess on the command line.',
        ),
      );
    return out;
  }

  function render(serial, view, by, scope, canDecide) {
    drawn = serial;
    const units = view.portfolio.units;
    root.replaceChildren(
      toolbar(by, scope),
      legend(),
      ...notes(view, canDecide),
      ...(units.length
        ? units.map((u) => unitSection(u, by, canDecide))
        : [
            el(
              'p',
              { class: 'note' },
              'No reflective accounts found here. Accounts name their unit in front matter (unit: …) or sit in folders matching reflectLint.files.',
            ),
          ]),
    );
    applyFilter();
    const rows = units.reduce((n, u) => n + u.rows.length, 0);
    vscode.postMessage({ type: 'rendered', serial, rows, units: units.length, by });
  }

  // Arrow keys move between the grid's cells, Home and End to a row's ends; Tab still goes link to link.
  function moveInGrid(event) {
    const cell = /** @type {HTMLElement | null} */ (
      event.target instanceof Element ? event.target.closest('td, th') : null
    );
    const tr = cell && cell.parentElement;
    const table = tr && tr.closest('table');
    if (!cell || !tr || !table) return;
    const rows = [...table.querySelectorAll('tr')].filter((r) => !(/** @type {HTMLElement} */ (r).hidden));
    let r = rows.indexOf(/** @type {HTMLTableRowElement} */ (tr));
    let c = [...tr.children].indexOf(cell);
    switch (event.key) {
      case 'ArrowRight':
        c++;
        break;
      case 'ArrowLeft':
        c--;
        break;
      case 'ArrowDown':
        r++;
        break;
      case 'ArrowUp':
        r--;
        break;
      case 'Home':
        c = 0;
        break;
      case 'End':
        c = tr.children.length - 1;
        break;
      default:
        return;
    }
    const target = rows[r] && /** @type {HTMLElement | undefined} */ (rows[r].children[c]);
    if (!target) return;
    event.preventDefault();
    const focusable = /** @type {HTMLElement | null} */ (target.querySelector('a, button'));
    if (focusable) focusable.focus();
    else {
      target.tabIndex = -1;
      target.focus();
    }
  }

  /** The form for a decision: a modal dialog (Escape closes it, focus stays inside it), kept outside the redrawn grid. */
  const dialog = el(
    'dialog',
    { id: 'decide', 'aria-labelledby': 'decide-title' },
    el(
      'form',
      { method: 'dialog' },
      el('h2', { id: 'decide-title' }, 'Your decision'),
      el('p', { id: 'decide-what', class: 'note' }),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Decision'),
        Object.entries(DECISION_WORDS).map(([value, words]) =>
          el(
            'label',
            { class: 'choice' },
            el('input', { type: 'radio', name: 'decision', value, required: true }),
            ` ${words}`,
          ),
        ),
      ),
      el('label', { for: 'decide-comment' }, 'Comment for the record'),
      el('textarea', { id: 'decide-comment', name: 'comment', rows: '3' }),
      el(
        'div',
        { class: 'dialog-buttons' },
        el('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save decision'),
        el('button', { type: 'submit', value: 'cancel', formnovalidate: true }, 'Cancel'),
      ),
    ),
  );
  document.body.append(dialog);
  /** @type {Record<string, string>} */
  let deciding = {};
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'save') return;
    const form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
    const data = new FormData(form);
    vscode.postMessage({
      type: 'decide',
      path: deciding.path,
      learner: deciding.learner,
      unit: deciding.unit,
      criterion: deciding.criterion,
      decision: String(data.get('decision')),
      comment: String(data.get('comment') || ''),
    });
  });

  function openDecision(data) {
    deciding = { ...data };
    const form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
    form.reset();
    for (const input of form.querySelectorAll('input[name="decision"]'))
      /** @type {HTMLInputElement} */ (input).checked = input.getAttribute('value') === data.decision;
    /** @type {HTMLTextAreaElement} */ (form.querySelector('textarea')).value = data.comment || '';
    /** @type {HTMLElement} */ (dialog.querySelector('#decide-what')).textContent =
      `AC ${data.criterion} for ${data.learner}`;
    dialog.returnValue = '';
    dialog.showModal();
  }

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('a, button') : null;
    if (!target) return;
    const data = /** @type {HTMLElement} */ (target).dataset;
    if (target.classList.contains('place')) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', path: data.path, line: Number(data.line) });
    } else if (target.classList.contains('criterion')) {
      // The criterion's text, on a page of its own beside the panel.
      event.preventDefault();
      if (data.unit) vscode.postMessage({ type: 'criterion', unit: data.unit, criterion: data.criterion });
    } else if (data.by) {
      vscode.postMessage({ type: 'by', by: data.by });
    } else if (data.export) {
      vscode.postMessage({ type: 'export', format: data.export });
    } else if (data.feedback) {
      vscode.postMessage({ type: 'feedback' });
    } else if (target.classList.contains('decide')) {
      openDecision(data);
    }
  });
  root.addEventListener('keydown', moveInGrid);
  root.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.id !== 'filter') return;
    state.filter = event.target.value;
    vscode.setState(state);
    applyFilter();
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'render' && m.serial > drawn) {
      const focused = document.activeElement && document.activeElement.id;
      render(m.serial, m.view, m.by, m.scope, m.canDecide);
      // A refresh keeps the assessor's place in the filter box.
      if (focused === 'filter') document.getElementById('filter')?.focus();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
