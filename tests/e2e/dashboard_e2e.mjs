// End-to-end test of the dashboard as a person uses it (issue 7, section 3): playwright-core drives Debian's
// chromium, headless, against `hillcoach serve` on a free loopback port. Steps: open the dashboard, import a
// file by dropping it on the page, another through the file picker, see both in the list, open one, see its
// elevation profile, open the climbs view (its rows are /api/climbs), open the plan view; a file whose name is
// markup must show as text and run nothing.
// Screenshots (phone-sized) go to the artefact folder.
//
// usage: node dashboard_e2e.mjs HILLCOACH TESTS_DATA_DIR ARTEFACT_DIR
// Exit 0 pass, 1 fail, 77 skipped (playwright-core or chromium missing, outside CI).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [hillcoach, data, artefacts] = process.argv.slice(2);
const chromiumPath = process.env.HILLCOACH_CHROMIUM || '/usr/bin/chromium';
const inCi = process.env.CI === 'true';

function skip(reason) {
  if (inCi) {
    console.error(`FAIL: ${reason} (CI=true requires the browser test)`);
    process.exit(1);
  }
  console.log(`SKIP: ${reason}`);
  process.exit(77);
}

let chromium;
try {
  // Resolved from the repository's node_modules (scripts/install-node-deps), or HILLCOACH_NODE_ROOT's.
  const root = process.env.HILLCOACH_NODE_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const require = createRequire(path.join(root, 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch (err) {
  skip('playwright-core is not installed: run scripts/install-node-deps');
}
if (!existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath}: run scripts/install-deps`);
mkdirSync(artefacts, { recursive: true });

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

// Start the server on a free port over a fresh store (never the user's default database: uploads are
// imported into it) and read its URL from --json.
const db = path.join(artefacts, 'dashboard-e2e.db');
for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}.uploads`, `${db}.plan.json`]) rmSync(f, { recursive: true, force: true });
// A four-week plan saved for that store, for the plan view.
const planned = spawnSync(hillcoach, ['plan', '--db', db, '--start', '2026-05-04', '--weeks', '4', '--today', '2026-05-04',
                                      '--json'], { encoding: 'utf8' });
if (planned.status !== 0) throw new Error(`hillcoach plan --db failed: ${planned.stderr}`);
const plannedWeeks = JSON.parse(planned.stdout).weeks;
const server = spawn(hillcoach, ['serve', '--db', db, '--port', '0', '--json'],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const line = out.split('\n')[0];
    if (out.includes('\n')) resolve(JSON.parse(line).url);
  });
  server.on('exit', (code) => reject(new Error(`hillcoach serve exited with ${code}`)));
  setTimeout(() => reject(new Error('hillcoach serve did not start in 60 s')), 60000);
});

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
                                        args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('dialog', async (dialog) => { problems.push(`a dialog opened: ${dialog.message()}`); await dialog.dismiss(); });
  page.on('request', (req) => {
    if (!req.url().startsWith(url) && !req.url().startsWith('data:')) problems.push(`request elsewhere: ${req.url()}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`); });

  await page.goto(url);
  await page.waitForSelector('#activity-list p');
  check((await page.textContent('#activity-list')).includes('No activities yet'), 'empty list says so');
  await page.screenshot({ path: path.join(artefacts, '1-empty.png'), fullPage: true });

  // Drop a file on the page, as a person drags it from their file manager.
  const bytes = readFileSync(path.join(data, 'analysis/hilly-run.fit')).toString('base64');
  await page.evaluate(async ({ b64, name }) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([raw], name, { type: 'application/octet-stream' }));
    const drop = document.getElementById('drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { b64: bytes, name: 'hilly-run.fit' });
  await page.waitForSelector('#activity-list tr[data-id="1"]');
  check((await page.textContent('#upload-status')).includes('Imported hilly-run.fit'), 'upload status');

  // And one through the file picker.
  await page.setInputFiles('#file-input', path.join(data, 'analysis/hill-repeats.fit'));
  await page.waitForSelector('#activity-list tr[data-id="2"]');
  const rows = await page.$$eval('#activity-list tbody tr', (trs) => trs.map((tr) => tr.textContent));
  check(rows.length === 2, `two activities listed, got ${rows.length}`);
  check(rows.some((r) => r.includes('hilly-run.fit') && r.includes('hilly run')), `hilly run row: ${rows}`);
  check(rows.some((r) => r.includes('hill repeats')), `hill repeats row: ${rows}`);
  await page.screenshot({ path: path.join(artefacts, '2-list.png'), fullPage: true });

  // Filter, then open the hilly run.
  await page.selectOption('select[name=session]', 'hill_repeats');
  await page.click('#filters button');
  await page.waitForFunction(() => document.querySelectorAll('#activity-list tbody tr').length === 1);
  await page.selectOption('select[name=session]', '');
  await page.click('#filters button');
  await page.waitForFunction(() => document.querySelectorAll('#activity-list tbody tr').length === 2);
  await page.click('#activity-list tr[data-id="1"] a');
  await page.waitForSelector('#chart-muscle_load svg');  // the charts load in order: the last one is there
  const chart = await page.$eval('#chart-elevation svg', (svg) => ({
    width: svg.getBoundingClientRect().width,
    spans: svg.querySelectorAll('rect[data-span^="C"]').length,
    bands: svg.querySelectorAll('polygon[data-series^="grade-band-"]').length,
  }));
  check(chart.spans === 1, `one climb marked on the profile, got ${chart.spans}`);
  check(chart.bands >= 2, `profile coloured by grade, ${chart.bands} pieces`);
  check(chart.width > 300 && chart.width <= 390, `profile fits the phone's width: ${chart.width}px`);
  const summary = await page.textContent('#summary');
  check(/distance\s*3\.\d\d km/.test(summary), `summary distance: ${summary.slice(0, 200)}`);
  for (const id of ['outline', 'pace', 'heart_rate', 'grades', 'muscle_load']) {
    check(await page.$(`#chart-${id} svg`), `chart ${id} shown`);
  }
  await page.screenshot({ path: path.join(artefacts, '3-activity.png'), fullPage: true });

  // A file whose name is markup: shown as text, runs nothing.
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  let gpx = '<?xml version="1.0"?><gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">' +
            `<trk><name>${hostile.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</name><trkseg>`;
  for (let i = 0; i < 60; i++) {
    const t = new Date(Date.UTC(2024, 4, 1, 6, 0, i * 10)).toISOString();
    gpx += `<trkpt lat="${(46.1 + i * 0.0003).toFixed(6)}" lon="7.1"><ele>${500 + i}</ele><time>${t}</time></trkpt>`;
  }
  gpx += '</trkseg></trk></gpx>';
  await page.goto(url + '#/');
  await page.setInputFiles('#file-input', { name: 'evil.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) });
  await page.waitForSelector('#activity-list tr[data-id="3"]');
  const shown = await page.textContent('#activity-list tr[data-id="3"] a');
  check(shown === hostile, `hostile name shown as text: ${shown}`);
  check((await page.$$('#activity-list img')).length === 0, 'no element made from the name');

  // The climbs view: one row per place of /api/climbs (the shape `hillcoach climbs --json` prints), in its
  // order, each linking the fastest run by its name (an unnamed FIT file by its file name).
  const served = await (await fetch(url + 'api/climbs')).json();
  check(served.climbs.length >= 1, 'the hilly run has a climb');
  check(served.climbs.every((c) => Object.keys(c.start).join() === 'lat,lon' && Object.keys(c.top).join() === 'lat,lon'),
        `climb positions are {lat, lon}: ${JSON.stringify(served.climbs.map((c) => c.start))}`);
  await page.goto(url + '#/climbs');
  await page.waitForSelector('#climbs tbody tr');
  const climbRows = await page.$$eval('#climbs tbody tr', (trs) => trs.map((tr) => ({
    id: tr.cells[0].textContent, on: tr.cells[6].textContent })));
  check(climbRows.length === served.climbs.length, `${climbRows.length} climb rows for ${served.climbs.length} places`);
  check(climbRows.every((r, i) => r.id === String(served.climbs[i].id) && r.on === served.climbs[i].best.activity_name),
        `climb rows ${JSON.stringify(climbRows)} are not /api/climbs in order`);
  check(climbRows.some((r) => r.on === 'hilly-run.fit'), `the hilly run's climb links it by name: ${JSON.stringify(climbRows)}`);
  await page.screenshot({ path: path.join(artefacts, '4-climbs.png'), fullPage: true });

  // The plan view.
  await page.goto(url + '#/plan');
  await page.waitForSelector('#plan h2');
  check((await page.textContent('#plan h2')) === 'Plan', 'plan view opens');
  await page.waitForSelector('#plan .plan-week');
  const weeksShown = (await page.$$('#plan .plan-week')).length;
  check(weeksShown === plannedWeeks.length, `plan view shows ${weeksShown} of ${plannedWeeks.length} weeks`);
  const firstSession = plannedWeeks[0].sessions.find((s) => s.kind !== 'rest');
  const planText = await page.textContent('#plan');
  check(planText.includes(firstSession.title) && planText.includes(firstSession.why),
        `plan view lacks the first session "${firstSession.title}" and why`);
  await page.screenshot({ path: path.join(artefacts, '5-plan.png'), fullPage: true });

  check(problems.length === 0, `browser problems: ${problems.join('; ')}`);
} catch (err) {
  failures.push(`${err.message}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

for (const f of failures) console.log('FAIL:', f);
console.log(`dashboard_e2e: ${failures.length} failure(s); screenshots in ${artefacts}`);
process.exit(failures.length ? 1 : 0);
