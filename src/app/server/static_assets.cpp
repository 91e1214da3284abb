#include "app/server/static_assets.hpp"

#include <array>
#include <string>

#include "hillcoach/report/html_page.hpp"

namespace hillcoach::app::server {
namespace {

// The page is a shell; app.js fills it from the API. Views: #/ (activities), #/activity/ID, #/plan.
constexpr std::string_view k_index = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>hillcoach</title>
<link rel="icon" href="data:,"/>
<link rel="stylesheet" href="/report.css"/>
<link rel="stylesheet" href="/dashboard.css"/>
<script src="/app.js" defer></script>
</head>
<body>
<main>
<header><h1><a href="#/">hillcoach</a></h1>
<nav><a href="#/" id="nav-activities">Activities</a> <a href="#/weeks" id="nav-weeks">Weeks</a>
<a href="#/climbs" id="nav-climbs">Climbs</a> <a href="#/plan" id="nav-plan">Plan</a></nav></header>
<section id="drop" class="drop" tabindex="0">
<p>Drop GPX, TCX or FIT files here to import them, or <label class="pick">choose files
<input type="file" id="file-input" multiple accept=".gpx,.tcx,.fit,.gz"/></label>.</p>
<p id="upload-status" role="status" aria-live="polite"></p>
</section>
<div id="view"></div>
</main>
</body>
</html>
)";

constexpr std::string_view k_dashboard_css = R"(
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px; }
header h1 a { color: inherit; text-decoration: none; }
nav a { margin-left: 12px; color: var(--accent); }
.drop { border: 2px dashed var(--line); text-align: center; }
.drop.over { border-color: var(--accent); background: #fff6f3; }
.pick { color: var(--accent); text-decoration: underline; cursor: pointer; }
.pick input { display: none; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
.filters input, .filters select { font: inherit; padding: 4px 6px; }
td a { color: var(--accent); }
.error { color: #8a2a14; }
.plan-week.deload h3::after { content: " \2193"; }
.plan-week tr.why td { color: #555; font-size: 0.9em; padding-bottom: 10px; white-space: normal; }
)";

// Every text that came from a file is set with textContent (never as markup); charts are SVG the server made
// with every text escaped (report::html_escape).
constexpr std::string_view k_app_js = R"JS('use strict';
const view = () => document.getElementById('view');
let units = 'metric';
let features = {};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({ error: { status: res.status, message: res.statusText } }));
  if (!res.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + res.status);
  return body;
}

function distance(m) {
  if (m == null) return '-';
  return units === 'imperial' ? (m / 1609.344).toFixed(2) + ' mi' : (m / 1000).toFixed(2) + ' km';
}
function height(m) {
  if (m == null) return '-';
  return units === 'imperial' ? Math.round(m / 0.3048) + ' ft' : Math.round(m) + ' m';
}
function clock(s) {
  if (s == null) return '-';
  s = Math.round(s);
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? h + ':' + two(m) + ':' + two(sec) : m + ':' + two(sec);
}
function showError(where, err) {
  where.replaceChildren(el('p', { class: 'error' }, err.message));
}

async function showList() {
  const form = el('form', { class: 'filters', id: 'filters' },
    el('input', { name: 'q', placeholder: 'name contains', 'aria-label': 'name contains' }),
    el('select', { name: 'session', 'aria-label': 'session type' },
      el('option', { value: '' }, 'any session'),
      ...['flat_easy_run', 'hilly_run', 'hill_repeats', 'hill_sprints', 'downhill_focused', 'long_run',
          'trail_or_mountain_run', 'hike_or_walk'].map((s) => el('option', { value: s }, s.replaceAll('_', ' ')))),
    el('input', { name: 'min_ascent_m', type: 'number', min: '0', placeholder: 'min ascent (m)',
                  'aria-label': 'minimum ascent in metres' }),
    el('button', { type: 'submit' }, 'Filter'));
  const table = el('div', { id: 'activity-list' });
  view().replaceChildren(el('section', {}, el('h2', {}, 'Activities'), form, table));
  const load = async () => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v !== '') params.set(k, v);
    try {
      const { activities } = await api('/api/activities?' + params);
      if (activities.length === 0) {
        table.replaceChildren(el('p', {}, 'No activities yet: drop a file above.'));
        return;
      }
      const rows = activities.map((a) => el('tr', { 'data-id': a.id },
        el('td', {}, el('a', { href: '#/activity/' + a.id }, a.title)),
        el('td', {}, a.start ? a.start.slice(0, 10) : '-'),
        el('td', { class: 'num' }, distance(a.distance_m)),
        el('td', { class: 'num' }, '+' + height(a.ascent_m)),
        el('td', { class: 'num' }, clock(a.moving_s)),
        el('td', {}, a.session_label)));
      table.replaceChildren(el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ...['name', 'date', 'distance', 'ascent', 'moving', 'session']
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, ...rows))));
    } catch (err) { showError(table, err); }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
}

async function showActivity(id) {
  const box = el('div', { id: 'activity' });
  view().replaceChildren(box);
  try {
    const a = await api('/api/activities/' + id + '?units=' + units);
    const summary = el('table', { class: 'kv' },
      ...a.summary.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))));
    box.append(el('section', { id: 'summary' }, el('h2', {}, a.title),
      el('div', { class: 'table-wrap' }, summary),
      el('p', {}, el('a', { href: '/api/activities/' + a.id + '/report?units=' + units, target: '_blank',
                            rel: 'noopener' }, 'Open the full report'))));
    for (const c of a.charts) {
      const figure = el('figure', { id: 'chart-' + c.id });
      box.append(el('section', {}, el('h2', {}, c.title), figure));
      const res = await fetch('/api/activities/' + a.id + '/charts/' + c.id + '.svg?units=' + units);
      const svg = new DOMParser().parseFromString(await res.text(), 'image/svg+xml').documentElement;
      figure.append(document.importNode(svg, true), el('figcaption', {}, c.caption));
    }
    for (const w of a.warnings) box.append(el('p', { class: 'error' }, w));
  } catch (err) { showError(box, err); }
}

async function svgInto(figure, url) {
  const res = await fetch(url);
  if (!res.ok) return false;
  const svg = new DOMParser().parseFromString(await res.text(), 'image/svg+xml').documentElement;
  figure.prepend(document.importNode(svg, true));
  return true;
}

async function showWeeks() {
  const box = el('div', { id: 'weeks' });
  view().replaceChildren(box);
  try {
    const [{ weeks, time_zone }, { findings }] = await Promise.all([api('/api/weeks'), api('/api/check')]);
    const warnings = el('section', { id: 'warnings' }, el('h2', {}, 'Warnings'));
    if (findings.length === 0) warnings.append(el('p', {}, 'Nothing to warn about.'));
    for (const f of findings.slice(-20).reverse()) {
      warnings.append(el('p', { class: f.severity === 'info' ? '' : 'error' },
        el('span', { class: 'badge' }, f.severity), ' ', f.week_start + ': ' + f.message));
    }
    box.append(warnings);
    if (weeks.length === 0) {
      box.append(el('p', {}, 'No weeks yet: drop a file above.'));
      return;
    }
    const charts = [['ascent', 'Ascent and descent per week'], ['load', 'Load per week'],
                    ['ratio-stress', 'Stress ratio (safe band 0.8-1.3)'],
                    ['ratio-eccentric', 'Eccentric load ratio (safe band 0.8-1.3)']];
    for (const [id, title] of charts) {
      const figure = el('figure', { id: 'weeks-' + id });
      const section = el('section', {}, el('h2', {}, title), figure);
      if (await svgInto(figure, '/api/weeks/charts/' + id + '.svg?units=' + units)) box.append(section);
    }
    const rows = weeks.slice().reverse().map((w) => el('tr', {},
      el('td', {}, w.start), el('td', { class: 'num' }, w.activities), el('td', { class: 'num' }, distance(w.distance_m)),
      el('td', { class: 'num' }, '+' + height(w.ascent_m)), el('td', { class: 'num' }, '-' + height(w.descent_m)),
      el('td', { class: 'num' }, Math.round(w.stress)), el('td', { class: 'num' }, w.acwr == null ? '-' : w.acwr.toFixed(2))));
    box.append(el('section', {}, el('h2', {}, 'Weeks (' + time_zone + ')'), el('div', { class: 'table-wrap' },
      el('table', {}, el('thead', {}, el('tr', {}, ...['week', 'runs', 'distance', 'ascent', 'descent', 'stress', 'ratio']
        .map((h) => el('th', {}, h)))), el('tbody', {}, ...rows)))));
  } catch (err) { showError(box, err); }
}

async function showClimbs() {
  const box = el('section', { id: 'climbs' }, el('h2', {}, 'Climb library'));
  view().replaceChildren(box);
  try {
    const { climbs } = await api('/api/climbs');
    if (climbs.length === 0) { box.append(el('p', {}, 'No climbs yet.')); return; }
    const rows = climbs.map((c) => el('tr', {},
      el('td', { class: 'num' }, c.id), el('td', { class: 'num' }, distance(c.length_m)),
      el('td', { class: 'num' }, '+' + height(c.gain_m)), el('td', { class: 'num' }, (c.avg_grade * 100).toFixed(1) + '%'),
      el('td', { class: 'num' }, c.ascents), el('td', { class: 'num' }, c.best ? clock(c.best.time_s) : '-'),
      el('td', {}, c.best ? el('a', { href: '#/activity/' + c.best.activity },
        c.best.activity_name || 'activity ' + c.best.activity) : '-')));
    box.append(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {},
      ...['#', 'length', 'gain', 'grade', 'ascents', 'best', 'on'].map((h) => el('th', {}, h)))), el('tbody', {}, ...rows))));
  } catch (err) { showError(box, err); }
}

async function showPlan() {
  const box = el('section', { id: 'plan' }, el('h2', {}, 'Plan'));
  view().replaceChildren(box);
  if (!features.plan) {
    box.append(el('p', { id: 'no-plan' }, 'No plan yet. Make one with `hillcoach plan` and it shows here as a calendar.'));
    return;
  }
  try {
    // plan_json's document (docs/plan.md): one block per week, its running sessions and strength days in
    // date order, each with where to run it and why (every text set as text, never as markup).
    const plan = await api('/api/plan');
    plan.weeks.forEach((week, n) => {
      const head = 'Week ' + (n + 1) + ' of ' + plan.weeks.length + ', ' + week.start_date + ': ' + week.phase +
                   (week.deload ? ' (deload)' : '');
      // Each session is a row of numbers and, below it, a full-width row saying why (narrow screens too).
      const rows = week.sessions.filter((s) => s.kind !== 'rest').flatMap((s) => [
        el('tr', { class: 'session ' + s.kind },
          el('td', {}, s.date.slice(0, 10)),
          el('td', {}, s.title + (s.status ? ' [' + s.status + ']' : '')),
          el('td', {}, s.duration_s ? Math.round(s.duration_s / 60) + ' min' : '-'),
          el('td', {}, s.distance_m ? distance(s.distance_m) : '-'),
          el('td', {}, s.climb ? s.climb.name : '')),
        el('tr', { class: 'why' }, el('td', { colspan: '5' }, s.why))]);
      box.append(el('section', { class: 'plan-week' + (week.deload ? ' deload' : '') }, el('h3', {}, head),
        el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {},
          ...['day', 'session', 'time', 'distance', 'hill'].map((h) => el('th', {}, h)))),
          el('tbody', {}, ...rows)))));
    });
  } catch (err) {
    box.append(el('p', {}, 'No plan to show: ' + err.message));
  }
}

async function upload(files) {
  const status = document.getElementById('upload-status');
  for (const file of files) {
    status.textContent = 'Importing ' + file.name + '...';
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const r = await api('/api/import', { method: 'POST', body });
      status.textContent = 'Imported ' + file.name + ': ' +
        r.imported.map((a) => a.title + (a.new ? '' : ' (already here)')).join(', ');
    } catch (err) { status.textContent = file.name + ': ' + err.message; }
  }
  if (location.hash === '' || location.hash === '#/') showList(); else location.hash = '#/';
}

function route() {
  const m = location.hash.match(/^#\/activity\/(\d+)$/);
  if (m) return showActivity(m[1]);
  if (location.hash === '#/plan') return showPlan();
  if (location.hash === '#/weeks') return showWeeks();
  if (location.hash === '#/climbs') return showClimbs();
  return showList();
}

document.addEventListener('DOMContentLoaded', async () => {
  try {
    const status = await api('/api/status');
    units = status.units;
    features = status.features || {};
  } catch (err) { /* keep the defaults */ }
  const drop = document.getElementById('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); });
  document.getElementById('file-input').addEventListener('change', (e) => upload(e.target.files));
  window.addEventListener('hashchange', route);
  route();
});
)JS";

const std::string& report_css_text() {
    static const std::string css(report::report_css());
    return css;
}

}  // namespace

std::span<const StaticAsset> static_assets() {
    static const std::array<StaticAsset, 5> assets = {{
        {"/", "text/html; charset=utf-8", k_index},
        {"/index.html", "text/html; charset=utf-8", k_index},
        {"/app.js", "text/javascript; charset=utf-8", k_app_js},
        {"/dashboard.css", "text/css; charset=utf-8", k_dashboard_css},
        {"/report.css", "text/css; charset=utf-8", report_css_text()},
    }};
    return assets;
}

}  // namespace hillcoach::app::server
