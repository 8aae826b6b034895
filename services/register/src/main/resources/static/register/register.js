/*
 * Dashboard of the national vermissingen register. Reads the API with the bearer token the all-in-one's sign-in
 * stores in sessionStorage ('access_token'); charts are inline SVG drawn here, each with a table alternative.
 */
(function () {
  'use strict';

  var API = '/api/register';
  var SVG = 'http://www.w3.org/2000/svg';
  var WITHHELD = '<5';

  var TEXT = {
    nl: {
      skip: 'Naar de inhoud', title: 'Nationaal vermissingenregister',
      subtitle: 'Gepseudonimiseerde cijfers over jongeren die vermist raken uit de jeugdhulp. Nooit een identiteit.',
      filters: 'Periode', from: 'Van maand', to: 'Tot en met maand', refresh: 'Vernieuwen', csv: 'CSV downloaden',
      trend: 'Episodes per maand', trendCaption: 'Aantal vermissingsepisodes per maand van t0.',
      durations: 'Duur van vermissingen', durationCaption: 'Mediane duur en 90e percentiel in uren, per maand.',
      inTime: 'Terugkeergesprekken op tijd, per regio',
      inTimeCaption: 'Aandeel terugkeergesprekken dat op tijd is gehouden, per regio.',
      definitions: 'Definities', showTable: 'Toon als tabel', month: 'Maand', region: 'Regio',
      episodes: 'Episodes', median: 'Mediaan (uur)', p90: '90e percentiel (uur)', share: 'Op tijd (%)',
      signIn: 'U bent niet aangemeld. Meld u aan via de startpagina en open dit dashboard opnieuw.',
      forbidden: 'Geen toegang: dit dashboard is voor nationale afnemers van het register en auditors.',
      error: 'De cijfers konden niet worden geladen: ', loading: 'Cijfers laden…', loaded: 'Cijfers geladen.',
      none: 'Geen episodes in deze periode.',
      suppressed: 'Aantallen van 1 tot en met 4, en cijfers die daarop berusten, worden niet getoond ("<5").',
      full: 'U ziet alle cijfers zonder onderdrukking (auditor).',
      chartTrend: 'Staafdiagram: episodes per maand', chartDuration: 'Staafdiagram: duur per maand in uren',
      chartInTime: 'Staafdiagram: aandeel op tijd gehouden terugkeergesprekken per regio',
      language: 'English'
    },
    en: {
      skip: 'Skip to content', title: 'National missing-persons register',
      subtitle: 'Pseudonymised figures on youths going missing from youth care. Never an identity.',
      filters: 'Period', from: 'From month', to: 'Up to and including month', refresh: 'Refresh',
      csv: 'Download CSV', trend: 'Episodes per month', trendCaption: 'Number of missing episodes per month of t0.',
      durations: 'Duration of episodes', durationCaption: 'Median duration and 90th percentile in hours, per month.',
      inTime: 'Return conversations held in time, per region',
      inTimeCaption: 'Share of return conversations held in time, per region.',
      definitions: 'Definitions', showTable: 'Show as table', month: 'Month', region: 'Region',
      episodes: 'Episodes', median: 'Median (hours)', p90: '90th percentile (hours)', share: 'In time (%)',
      signIn: 'You are not signed in. Sign in on the start page and open this dashboard again.',
      forbidden: 'No access: this dashboard is for national consumers of the register and auditors.',
      error: 'The figures could not be loaded: ', loading: 'Loading figures…', loaded: 'Figures loaded.',
      none: 'No episodes in this period.',
      suppressed: 'Counts from 1 to 4, and figures resting on them, are withheld ("<5").',
      full: 'You see all figures without suppression (auditor).',
      chartTrend: 'Bar chart: episodes per month', chartDuration: 'Bar chart: duration per month in hours',
      chartInTime: 'Bar chart: share of return conversations held in time per region',
      language: 'Nederlands'
    }
  };

  var lang = sessionStorage.getItem('register_lang') === 'en' ? 'en' : 'nl';
  var last = null;

  function t(key) { return TEXT[lang][key]; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function message(text) { document.getElementById('message').textContent = text || ''; }

  function token() { return sessionStorage.getItem('access_token'); }

  function query() {
    var params = new URLSearchParams();
    var from = document.getElementById('from').value;
    var to = document.getElementById('to').value;
    if (from) { params.set('from', from); }
    if (to) { params.set('to', to); }
    return params;
  }

  function call(path, params) {
    return fetch(API + path + (params ? '?' + params.toString() : ''), {
      headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' }
    }).then(function (response) {
      if (response.status === 401) { throw new Error(t('signIn')); }
      if (response.status === 403) { throw new Error(t('forbidden')); }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(t('error') + (problem.detail || response.status));
        });
      }
      return response;
    });
  }

  function withheld(row, field) { return row.suppressed && row.suppressed.indexOf(field) >= 0; }

  function show(row, field, format) {
    if (withheld(row, field)) { return WITHHELD; }
    var v = row[field];
    if (v === null || v === undefined) { return '–'; }
    return format ? format(v) : String(v);
  }

  function hours(minutes) { return (minutes / 60).toFixed(1); }
  function percent(share) { return (share * 100).toFixed(1); }

  /** A bar chart: series = [{field, label, color, scale}], categories from rows[key]. */
  function barChart(container, title, rows, key, series, max) {
    container.textContent = '';
    var width = 720, height = 300, left = 50, bottom = 40, top = 20;
    var plotW = width - left - 10, plotH = height - top - bottom;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': title });
    root.appendChild(svg('title', {}, title));
    if (!max) {
      max = 1;
      rows.forEach(function (r) {
        series.forEach(function (s) {
          var v = r[s.field];
          if (typeof v === 'number' && !withheld(r, s.field)) { max = Math.max(max, s.scale ? s.scale(v) : v); }
        });
      });
    }
    root.appendChild(svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#767676' }));
    for (var i = 0; i <= 4; i++) {
      var y = top + plotH - plotH * i / 4;
      root.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, (max * i / 4).toFixed(max < 10 ? 1 : 0)));
      root.appendChild(svg('line', { x1: left, y1: y, x2: left + plotW, y2: y, stroke: '#e0e0e0' }));
    }
    var slot = rows.length ? plotW / rows.length : plotW;
    var barW = Math.max(4, (slot * 0.8) / series.length);
    rows.forEach(function (r, index) {
      var x0 = left + index * slot + slot * 0.1;
      series.forEach(function (s, j) {
        var x = x0 + j * barW;
        if (withheld(r, s.field)) {
          root.appendChild(svg('text', { x: x + barW / 2, y: top + plotH - 4, 'text-anchor': 'middle' }, WITHHELD));
          return;
        }
        var v = r[s.field];
        if (typeof v !== 'number') { return; }
        var scaled = s.scale ? s.scale(v) : v;
        var h = plotH * scaled / max;
        var bar = svg('rect', { x: x, y: top + plotH - h, width: barW - 2, height: Math.max(h, 0), fill: s.color });
        bar.appendChild(svg('title', {}, r.group[key] + ' – ' + s.label + ': ' + scaled.toFixed(1)));
        root.appendChild(bar);
      });
      root.appendChild(svg('text', { x: x0 + slot * 0.4, y: top + plotH + 16, 'text-anchor': 'middle' }, r.group[key]));
    });
    container.appendChild(root);
    if (series.length > 1) {
      var legend = el('p', { class: 'legend' });
      series.forEach(function (s) {
        var item = el('span');
        item.appendChild(el('span', { class: 'swatch', style: 'background:' + s.color, 'aria-hidden': 'true' }));
        item.appendChild(document.createTextNode(s.label));
        legend.appendChild(item);
      });
      container.appendChild(legend);
    }
  }

  function table(container, caption, rows, key, keyLabel, columns) {
    container.textContent = '';
    var tbl = el('table');
    tbl.appendChild(el('caption', {}, caption));
    var head = el('tr');
    head.appendChild(el('th', { scope: 'col' }, keyLabel));
    columns.forEach(function (c) { head.appendChild(el('th', { scope: 'col' }, c.label)); });
    var thead = el('thead');
    thead.appendChild(head);
    tbl.appendChild(thead);
    var body = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, r.group[key]));
      columns.forEach(function (c) { tr.appendChild(el('td', {}, show(r, c.field, c.format))); });
      body.appendChild(tr);
    });
    tbl.appendChild(body);
    container.appendChild(tbl);
  }

  function render() {
    if (!last) { return; }
    var months = last.months.rows, regions = last.regions.rows;
    document.getElementById('suppression').textContent = last.months.suppressionApplied ? t('suppressed') : t('full');
    if (!months.length) { message(t('none')); }
    barChart(document.getElementById('trend-chart'), t('chartTrend'), months, 'month',
      [{ field: 'episodes', label: t('episodes'), color: '#1f4e79' }]);
    table(document.getElementById('trend-table'), t('trend'), months, 'month', t('month'),
      [{ field: 'episodes', label: t('episodes') }]);
    var toHours = function (v) { return v / 60; };
    barChart(document.getElementById('duration-chart'), t('chartDuration'), months, 'month', [
      { field: 'durationMedianMinutes', label: t('median'), color: '#1f4e79', scale: toHours },
      { field: 'durationP90Minutes', label: t('p90'), color: '#b35900', scale: toHours }]);
    table(document.getElementById('duration-table'), t('durations'), months, 'month', t('month'), [
      { field: 'durationMedianMinutes', label: t('median'), format: hours },
      { field: 'durationP90Minutes', label: t('p90'), format: hours }]);
    barChart(document.getElementById('intime-chart'), t('chartInTime'), regions, 'region',
      [{ field: 'returnConversationInTimeShare', label: t('share'), color: '#1f4e79',
        scale: function (v) { return v * 100; } }], 100);
    table(document.getElementById('intime-table'), t('inTime'), regions, 'region', t('region'),
      [{ field: 'returnConversationInTimeShare', label: t('share'), format: percent }]);
    var dl = document.getElementById('definitions');
    dl.textContent = '';
    last.months.definitions.forEach(function (d) {
      dl.appendChild(el('dt', {}, d.field));
      dl.appendChild(el('dd', {}, d[lang]));
    });
  }

  function load() {
    if (!token()) { message(t('signIn')); return; }
    message(t('loading'));
    var months = query(); months.set('groupBy', 'month');
    var regions = query(); regions.set('groupBy', 'region');
    Promise.all([
      call('/statistics', months).then(function (r) { return r.json(); }),
      call('/statistics', regions).then(function (r) { return r.json(); })
    ]).then(function (results) {
      last = { months: results[0], regions: results[1] };
      message(t('loaded'));
      render();
    }).catch(function (e) { message(e.message); });
  }

  function downloadCsv() {
    if (!token()) { message(t('signIn')); return; }
    var params = query(); params.set('groupBy', 'month,region,institutionType');
    call('/statistics.csv', params).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = el('a', { href: URL.createObjectURL(blob), download: 'register-statistics.csv' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    }).catch(function (e) { message(e.message); });
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.dataset.i18n); });
    var button = document.getElementById('language');
    button.textContent = t('language');
    button.setAttribute('lang', lang === 'nl' ? 'en' : 'nl');
    button.setAttribute('aria-pressed', lang === 'en' ? 'true' : 'false');
    document.title = t('title');
    render();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    document.getElementById('csv').addEventListener('click', downloadCsv);
    document.getElementById('language').addEventListener('click', function () {
      lang = lang === 'nl' ? 'en' : 'nl';
      sessionStorage.setItem('register_lang', lang);
      applyLanguage();
    });
    applyLanguage();
    load();
  });
}());
