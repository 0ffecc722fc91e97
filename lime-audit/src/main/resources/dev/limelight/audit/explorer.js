// The audit report's image explorer: filters, sorting, paging and drill-down over the rows embedded in
// the page (the element #audit-data). Builds the DOM with textContent only: no row value is parsed as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('audit-data').textContent);
  const rows = data.rows;
  const PAGE = 60;
  const state = { label: '', predicted: '', outcome: '', tag: '', property: '', min: '', max: '', group: null,
    sort: 'confidence', descending: true, page: 0 };
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const fmt = (v) => (typeof v !== 'number' || Number.isInteger(v) ? String(v)
    : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

  function options(select, values, all) {
    select.appendChild(new Option(all, ''));
    values.forEach((v) => select.appendChild(new Option(v, v)));
  }
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort();
  options($('f-label'), data.classes, 'any label');
  options($('f-predicted'), data.classes, 'any prediction');
  options($('f-tag'), tags, 'any tag');
  options($('f-property'), data.properties, 'no property range');
  ['confidence', 'margin', 'loss'].concat(data.properties).forEach((k) => $('f-sort').appendChild(new Option(k, k)));

  function value(r, key) {
    return key in r.properties ? r.properties[key] : r[key];
  }

  function visible() {
    const min = state.min === '' ? -Infinity : Number(state.min);
    const max = state.max === '' ? Infinity : Number(state.max);
    const members = state.group ? new Set(state.group.members) : null;
    const out = [];
    rows.forEach((r, i) => {
      if (state.label && r.label !== state.label) return;
      if (state.predicted && r.predicted !== state.predicted) return;
      if (state.outcome === 'correct' && r.label !== r.predicted) return;
      if (state.outcome === 'mistake' && r.label === r.predicted) return;
      if (state.tag && !r.tags.includes(state.tag)) return;
      if (state.property) {
        const v = r.properties[state.property];
        if (!(v >= min && v <= max)) return;
      }
      if (members && !members.has(i)) return;
      out.push(i);
    });
    const sign = state.descending ? -1 : 1;
    out.sort((a, b) => sign * (value(rows[a], state.sort) - value(rows[b], state.sort)) || a - b);
    return out;
  }

  function render() {
    const shown = visible();
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    $('count').textContent = shown.length + ' of ' + rows.length + ' images';
    $('group').textContent = state.group ? 'only ' + state.group.name : '';
    $('clear-group').hidden = !state.group;
    $('page').textContent = 'page ' + (state.page + 1) + ' of ' + pages;
    const grid = $('grid');
    grid.replaceChildren();
    shown.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach((i) => {
      const r = rows[i];
      const figure = el('figure', null, r.label === r.predicted ? 'tile' : 'tile wrong');
      figure.dataset.index = i;
      const img = el('img');
      img.src = data.previews[i];
      img.alt = r.path;
      figure.appendChild(img);
      figure.appendChild(el('figcaption', r.label + ' \u2192 ' + r.predicted + ' ' + r.confidence.toFixed(2)
        + (data.overlays[i] ? ' \u2605' : '')));
      figure.addEventListener('click', () => detail(i));
      grid.appendChild(figure);
    });
  }

  function detail(i) {
    const r = rows[i];
    const box = $('detail');
    box.replaceChildren();
    box.dataset.index = i;
    box.appendChild(el('h3', r.path));
    const pictures = el('div');
    const original = el('img', null, 'large');
    original.src = data.previews[i];
    original.alt = 'image';
    const shown = el('figure');
    shown.appendChild(original);
    shown.appendChild(el('figcaption', 'the image'));
    pictures.appendChild(shown);
    const picture = (src, cls, caption) => {
      const figure = el('figure');
      const img = el('img', null, cls);
      img.src = src;
      img.alt = caption;
      figure.appendChild(img);
      figure.appendChild(el('figcaption', caption));
      pictures.appendChild(figure);
    };
    if (data.overlays[i]) picture(data.overlays[i], 'large explanation', 'why ' + r.predicted);
    if (data.trueOverlays[i]) picture(data.trueOverlays[i], 'large explanation-true', 'why ' + r.label + ' (the label)');
    box.appendChild(pictures);
    box.appendChild(el('p', 'label ' + r.label + ', predicted ' + r.predicted + ' (p = ' + r.confidence.toFixed(4)
      + ', margin ' + r.margin.toFixed(3) + ', loss ' + r.loss.toFixed(3) + ')'));
    box.appendChild(el('p', r.tags.length ? 'tags: ' + r.tags.join(', ') : 'no tags'));
    const ranked = r.probabilities.map((p, k) => [p, k]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    box.appendChild(el('p', 'top classes: ' + ranked.map(([p, k]) => data.classes[k] + ' ' + p.toFixed(3)).join(', ')));
    box.appendChild(el('p', 'properties: ' + data.properties.map((k) => k + ' ' + fmt(r.properties[k])).join(', ')));
    if (r.topCells) {
      box.appendChild(el('p', 'explanation of ' + r.predicted + ': '
        + r.topCells.map((c) => 'cell ' + c + ' ' + (r.cellWeights[c] >= 0 ? '+' : '') + r.cellWeights[c].toFixed(3))
          .join(', '), 'explained'));
    } else {
      box.appendChild(el('p', 'not explained (the audit explains a sample of the images)', 'muted'));
    }
    box.hidden = false;
  }

  function bind(id, key, parse) {
    $(id).addEventListener(id.startsWith('f-min') || id.startsWith('f-max') ? 'input' : 'change', (e) => {
      state[key] = parse ? parse(e.target.value) : e.target.value;
      state.page = 0;
      render();
    });
  }
  bind('f-label', 'label');
  bind('f-predicted', 'predicted');
  bind('f-outcome', 'outcome');
  bind('f-tag', 'tag');
  bind('f-property', 'property');
  bind('f-min', 'min');
  bind('f-max', 'max');
  bind('f-sort', 'sort');
  bind('f-order', 'descending', (v) => v === 'descending');
  $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); render(); });
  $('next').addEventListener('click', () => { state.page += 1; render(); });
  $('clear-group').addEventListener('click', () => { state.group = null; state.page = 0; render(); });
  function showGroup(name, members) {
    state.group = { name, members };
    state.page = 0;
    render();
    $('explorer').scrollIntoView();
  }
  document.querySelectorAll('[data-slice]').forEach((row) => row.addEventListener('click', () => {
    const s = data.slices[Number(row.dataset.slice)];
    showGroup('slice ' + s.description, s.members);
  }));
  document.querySelectorAll('[data-cluster]').forEach((row) => row.addEventListener('click', () => {
    const c = data.clusters[Number(row.dataset.cluster)];
    showGroup('cluster ' + c.id, c.members);
  }));
  document.querySelectorAll('[data-tag]').forEach((link) => link.addEventListener('click', () => {
    $('f-tag').value = link.dataset.tag;
    state.tag = link.dataset.tag;
    state.page = 0;
    render();
    $('explorer').scrollIntoView();
  }));
  render();
}());
