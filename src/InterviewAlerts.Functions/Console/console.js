// Operator console: finds requests, shows one request's history, replays or discards dead letters.
// Every value from the API is written with textContent, never parsed as HTML.
'use strict';

(() => {
  const api = '/api/ops/';
  const keyName = 'interview-alerts.ops-key';
  const inFlight = new Set(['received', 'sending', 'retrying']);
  const refreshEveryMs = 2000;
  const cannotReplay = 'A discarded dead letter cannot be replayed.';

  // The admin key arrives once as ?code=; keep it for this tab only and take it out of the address bar and history.
  const address = new URL(window.location.href);
  if (address.searchParams.has('code')) {
    sessionStorage.setItem(keyName, address.searchParams.get('code'));
    address.searchParams.delete('code');
    history.replaceState(null, '', address.pathname + address.search + address.hash);
  }

  const $ = (id) => document.getElementById(id);
  let openId = null;
  let refreshTimer = null;
  let detailLoads = 0; // only the latest load of the open request renders and schedules the next refresh

  class ApiError extends Error {}

  async function call(path, init = {}) {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    const key = sessionStorage.getItem(keyName);
    if (key) headers.set('x-functions-key', key);
    let response;
    try {
      response = await fetch(api + path, { ...init, headers, cache: 'no-store', credentials: 'same-origin' });
    } catch {
      throw new ApiError('The adapter could not be reached.');
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (response.ok) return body;
    if (response.status === 401) throw new ApiError('Not authorized: open the console with ?code=<admin key> again.');
    const details = body && Array.isArray(body.errors)
      ? body.errors.map((e) => `${e.field}: ${e.message}`).join(' ')
      : '';
    throw new ApiError(`${(body && body.title) || 'HTTP ' + response.status}. ${details}`.trim());
  }

  function post(path, payload) {
    return call(path, { method: 'POST', body: JSON.stringify(payload), headers: { 'Content-Type': 'application/json' } });
  }

  // ---------- small rendering helpers ----------

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function time(value) {
    if (!value) return '—';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
  }

  function orDash(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function stateBadge(state) {
    return el('span', state, 'badge state-' + state);
  }

  // A table row whose cells carry their column name, shown as a label when the table is stacked into cards.
  function row(table, cells) {
    const labels = [...table.tHead.rows[0].cells].map((th) => th.textContent);
    const tr = document.createElement('tr');
    cells.forEach((content, index) => {
      const td = document.createElement('td');
      td.dataset.label = labels[index];
      if (content instanceof Node) td.append(content); else td.textContent = orDash(content);
      tr.append(td);
    });
    return tr;
  }

  function openButton(trackingId) {
    const button = el('button', trackingId, 'link mono');
    button.type = 'button';
    button.setAttribute('aria-label', 'Open request ' + trackingId);
    button.addEventListener('click', () => openRequest(trackingId));
    return button;
  }

  function notify(message, kind = 'info') {
    const notice = $('notice');
    notice.textContent = message;
    notice.className = 'notice ' + kind;
    notice.hidden = false;
  }

  function fail(error) {
    notify(error instanceof ApiError ? error.message : 'Unexpected error: ' + error, 'error');
  }

  function dateParameter(value) {
    return value ? new Date(value).toISOString() : '';
  }

  // ---------- sections ----------

  function show(view) {
    const requests = view === 'requests';
    $('requests-view').hidden = !requests;
    $('detail-view').hidden = !requests || openId === null;
    $('dead-letters-view').hidden = requests;
    $('tab-requests').setAttribute('aria-pressed', String(requests));
    $('tab-dead-letters').setAttribute('aria-pressed', String(!requests));
    if (!requests) loadDeadLetters();
  }

  // ---------- find requests ----------

  async function search(event) {
    if (event) event.preventDefault();
    const form = new FormData($('search-form'));
    const query = new URLSearchParams();
    for (const name of ['trackingId', 'transactId', 'exId', 'caller', 'state', 'limit']) {
      const value = String(form.get(name) || '').trim();
      if (value) query.set(name, value);
    }
    for (const name of ['from', 'to']) {
      const value = dateParameter(String(form.get(name) || ''));
      if (value) query.set(name, value);
    }
    $('search-summary').textContent = 'Searching…';
    try {
      const answer = await call('requests?' + query.toString());
      renderResults(answer);
    } catch (error) {
      $('search-summary').textContent = '';
      fail(error);
    }
  }

  function renderResults(answer) {
    const table = $('results');
    const body = table.tBodies[0];
    body.replaceChildren(...answer.items.map((item) => row(table, [
      openButton(item.trackingId),
      stateBadge(item.state),
      item.caller,
      item.manifest,
      item.transactId,
      time(item.receivedAt),
      item.attempts,
      item.lastHttpStatus,
      item.reasonCode || (item.reasonCodes || []).join(', '),
    ])));
    table.hidden = answer.items.length === 0;
    $('search-summary').textContent = answer.items.length === 0
      ? 'No request matches (the time range defaults to the last 7 days).'
      : plural(answer.items.length, 'request') + ' found' + (answer.truncated ? ', more exist: narrow the filters or raise the limit.' : '.');
  }

  // ---------- one request ----------

  async function openRequest(trackingId) {
    openId = trackingId;
    clearTimeout(refreshTimer);
    const load = ++detailLoads;
    try {
      const detail = await call('requests/' + encodeURIComponent(trackingId));
      if (load !== detailLoads) return;
      renderDetail(detail);
      $('detail-view').hidden = false;
      $('detail-view').scrollIntoView({ block: 'start' });
      // Follow a request that is still on its way until it ends.
      if (inFlight.has(detail.state)) refreshTimer = setTimeout(() => openRequest(trackingId), refreshEveryMs);
    } catch (error) {
      if (load === detailLoads) fail(error);
    }
  }

  function fact(list, term, value) {
    list.append(el('dt', term));
    const dd = el('dd');
    if (value instanceof Node) dd.append(value); else dd.textContent = orDash(value);
    list.append(dd);
  }

  function renderDetail(detail) {
    $('detail-id').textContent = detail.trackingId;
    const facts = $('detail-facts');
    facts.replaceChildren();
    fact(facts, 'State', stateBadge(detail.state));
    fact(facts, 'Caller', detail.caller);
    fact(facts, 'Shape', detail.shape);
    fact(facts, 'Manifest', detail.manifest);
    fact(facts, 'TransactId', detail.transactId);
    fact(facts, 'PacketId', detail.packetId);
    fact(facts, 'Received', time(detail.receivedAt));
    fact(facts, 'Updated', time(detail.updatedAt));
    fact(facts, 'Delivered', time(detail.deliveredAt));
    fact(facts, 'Attempts', detail.attempts);
    fact(facts, 'Replays', detail.replays);
    fact(facts, 'Last HTTP status', detail.lastHttpStatus);
    if (detail.answeredStatus) fact(facts, 'Answered at ingest', detail.answeredStatus);
    if (detail.discardedAt) fact(facts, 'Discarded', time(detail.discardedAt));
    if (detail.reasonCodes && detail.reasonCodes.length) fact(facts, 'Refusal reasons', detail.reasonCodes.join(', '));

    const letter = detail.deadLetter;
    $('detail-dead-letter').hidden = !letter;
    if (letter) {
      $('dead-letter-code').textContent = letter.reasonCode;
      $('dead-letter-at').textContent = time(letter.deadLetteredAt);
      $('dead-letter-reason').textContent = letter.reason;
      $('detail-replay').disabled = !letter.replayable;
      $('dead-letter-not-replayable').hidden = !!letter.replayable;
    }

    const problems = detail.problems || [];
    $('detail-problems').hidden = problems.length === 0;
    const problemsTable = $('problems-table');
    problemsTable.tBodies[0].replaceChildren(...problems.map((p) => row(problemsTable, [p.field, p.code, p.message])));

    const history = detail.history || [];
    const historyTable = $('history-table');
    historyTable.hidden = history.length === 0;
    $('history-empty').hidden = history.length !== 0;
    $('history-empty').textContent = detail.state === 'refused' ? 'Refused at ingest: never sent to Paradox.' : 'No delivery attempt yet.';
    historyTable.tBodies[0].replaceChildren(...history.map((h) => row(historyTable, [
      h.attempt, time(h.at), h.outcome, h.httpStatus, h.detail,
    ])));
  }

  function closeRequest() {
    openId = null;
    detailLoads++;
    clearTimeout(refreshTimer);
    $('detail-view').hidden = true;
  }

  // ---------- dead letters ----------

  async function loadDeadLetters(event) {
    if (event) event.preventDefault();
    const query = new URLSearchParams();
    for (const name of ['caller', 'reasonCode']) {
      const value = String(new FormData($('dead-letter-form')).get(name) || '').trim();
      if (value) query.set(name, value);
    }
    $('dead-letter-summary').textContent = 'Loading…';
    try {
      renderGroups(await call('dead-letters?' + query.toString()));
    } catch (error) {
      $('dead-letter-summary').textContent = '';
      fail(error);
    }
  }

  function renderGroups(answer) {
    const template = $('group-template');
    const groups = answer.groups.map((group) => {
      const section = template.content.firstElementChild.cloneNode(true);
      section.dataset.reasonCode = group.reasonCode;
      section.querySelector('.group-code').textContent = group.reasonCode;
      section.querySelector('.group-count').textContent = String(group.count);
      section.querySelector('.group-span').textContent = `oldest ${time(group.oldest)} · newest ${time(group.newest)}`
        + (group.count > group.items.length ? ` · showing ${group.items.length}` : '');
      const replay = section.querySelector('.group-replay');
      replay.textContent = `Replay all ${group.count}`;
      replay.setAttribute('aria-label', `Replay all ${plural(group.count, 'dead letter')} of ${group.reasonCode}`);
      replay.addEventListener('click', () => act('replay', { reasonCode: group.reasonCode }, `Replay all ${plural(group.count, 'dead letter')} of ${group.reasonCode}?`));
      const discard = section.querySelector('.group-discard');
      discard.textContent = `Discard all ${group.count}`;
      discard.setAttribute('aria-label', `Discard all ${plural(group.count, 'dead letter')} of ${group.reasonCode}`);
      discard.addEventListener('click', () => act('discard', { reasonCode: group.reasonCode }, `Discard all ${plural(group.count, 'dead letter')} of ${group.reasonCode}? ${cannotReplay}`));
      const table = section.querySelector('table');
      table.caption.textContent = 'Dead letters of ' + group.reasonCode;
      table.tBodies[0].replaceChildren(...group.items.map((item) => {
        const select = el('input');
        select.type = 'checkbox';
        select.className = 'select';
        select.value = item.trackingId;
        select.setAttribute('aria-label', 'Select ' + item.trackingId);
        select.addEventListener('change', updateSelection);
        return row(table, [select, openButtonFromDeadLetters(item.trackingId), stateBadge(item.state), item.caller,
          item.transactId, time(item.receivedAt), item.lastHttpStatus]);
      }));
      return section;
    });
    $('dead-letter-groups').replaceChildren(...groups);
    const total = answer.groups.reduce((sum, g) => sum + g.count, 0);
    $('dead-letter-summary').textContent = total === 0
      ? 'No dead letter is held.'
      : `${plural(total, 'dead letter')} in ${plural(answer.groups.length, 'reason')}.`;
    updateSelection();
  }

  function openButtonFromDeadLetters(trackingId) {
    const button = openButton(trackingId);
    button.addEventListener('click', () => show('requests'));
    return button;
  }

  function selectedIds() {
    return [...document.querySelectorAll('#dead-letter-groups input.select:checked')].map((box) => box.value);
  }

  function updateSelection() {
    const count = selectedIds().length;
    $('selection-actions').hidden = count === 0;
    $('replay-selected').textContent = `Replay ${count} selected`;
    $('discard-selected').textContent = `Discard ${count} selected`;
  }

  // Replays or discards, with the caller filter of the dead-letter view applied to "all of one reason".
  async function act(action, target, question) {
    if (question && !window.confirm(question)) return;
    const payload = { ...target };
    const caller = $('dead-letter-caller').value.trim();
    if (payload.reasonCode && caller) payload.caller = caller;
    try {
      const answer = await post('dead-letters/' + action, payload);
      notify(action === 'replay'
        ? `Replayed ${answer.replayed.length}; already delivered ${answer.alreadyDelivered.length}; not found ${answer.notFound.length}.`
        : `Discarded ${answer.discarded.length}; not found ${answer.notFound.length}.`, 'ok');
      if (!$('dead-letters-view').hidden) await loadDeadLetters();
      if (openId) await openRequest(openId);
    } catch (error) {
      fail(error);
    }
  }

  // ---------- wiring ----------

  $('tab-requests').addEventListener('click', () => show('requests'));
  $('tab-dead-letters').addEventListener('click', () => show('dead-letters'));
  $('search-form').addEventListener('submit', search);
  $('dead-letter-form').addEventListener('submit', loadDeadLetters);
  $('detail-refresh').addEventListener('click', () => openId && openRequest(openId));
  $('detail-close').addEventListener('click', closeRequest);
  $('detail-replay').addEventListener('click', () => act('replay', { trackingIds: [openId] }));
  $('detail-discard').addEventListener('click', () => act('discard', { trackingIds: [openId] }, `Discard the dead letter of ${openId}? ${cannotReplay}`));
  $('replay-selected').addEventListener('click', () => act('replay', { trackingIds: selectedIds() }));
  $('discard-selected').addEventListener('click', () => act('discard', { trackingIds: selectedIds() }, `Discard ${plural(selectedIds().length, 'dead letter')}? ${cannotReplay}`));
  document.body.dataset.ready = 'true';
})();
