// The floor of the render benchmark: fetch orders-N.json (?n=N) once (saved by
// bench/app-bench.mjs from the simulator, exactly as the app receives it),
// sort by expiry like the app's default, and write every row with one
// template string and one insertAdjacentHTML. Same cells, classes and
// buttons as the app's row (src/screen/orders/row.rs, actions.rs), texts
// escaped, dates through Intl.DateTimeFormat as the app does.
'use strict';

const STATES = { 0: ['not-active', 'Not active'], 1: ['active', 'Active'], 2: ['activating', 'Activating'], '-1': ['not-in-system', 'Not in system'] };
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
const fmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

function left(until, now) {
  const s = until - now;
  if (until <= 0) return '';
  if (s <= 0) return 'expired';
  const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
  if (d > 0) return `${d} d ${h} h left`;
  if (h > 0) return `${h} h ${m} min left`;
  return `${Math.max(m, 1)} min left`;
}

function row(o, now) {
  const [cls, text] = STATES[o.state] ?? ['unknown', `Unknown (${o.state})`];
  const cc = String(o.ccode ?? '').trim();
  const number = cc ? `${cc.startsWith('+') ? '' : '+'}${cc} ${o.pnumber}` : String(o.pnumber);
  const until = Number(o.until);
  const service = String(o.sname ?? '').trim() ? o.sname : o.scode;
  const provider = String(o.provider ?? '').trim();
  const activate = o.state === 0 ? '<button type="button" class="primary">Activate</button><button type="button" class="help">?</button>' : '';
  return `<tbody class="order${o.hasnewsms ? ' has-new-sms' : ''}" data-order-id="${o.id}">
<tr class="order-row" data-order-id="${o.id}">
<td class="state-cell"><span class="state ${cls}">${esc(text)}</span></td>
<td class="number"><span class="pnumber">${esc(number)}</span>${provider ? `<small class="provider muted"> (${esc(provider)})</small>` : ''} <button type="button" class="copy" aria-label="Copy ${esc(number)}">Copy</button></td>
<td class="service">${esc(service)}</td>
<td class="until"><time datetime="${new Date(until * 1000).toISOString()}">${esc(fmt.format(until * 1000))}</time><small class="countdown">${left(until, now)}</small></td>
<td class="sms-cell"><button type="button" class="sms-toggle${o.hasnewsms ? ' has-new' : ''}" aria-expanded="false" aria-controls="sms-${o.id}">SMS</button></td>
<td class="actions"><div class="row-actions">${activate}<button type="button">Prolong</button><button type="button" class="help">?</button><button type="button">Add service</button><button type="button" class="danger">Delete</button></div><small class="prolong-why muted"></small></td>
</tr></tbody>`;
}

const n = new URLSearchParams(location.search).get('n') ?? '1000';
fetch(`orders-${n}.json`)
  .then((r) => r.json())
  .then((answer) => {
    const orders = (answer.data ?? []).slice().sort((a, b) => a.until - b.until || a.id - b.id);
    const now = Date.now() / 1000;
    document.querySelector('table.orders-table')
      .insertAdjacentHTML('beforeend', orders.map((o) => row(o, now)).join(''));
  });
