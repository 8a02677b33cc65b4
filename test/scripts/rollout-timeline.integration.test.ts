/**
 * The rollout timeline picture as a browser shows it: headless Chromium screenshots the SVG that the
 * recorded data draws, and the PNG must show the picture (many colours, the right size), with the
 * errors' colour in the broken variant's panel and not in the defaults' panel.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COLOURS, LAYOUT, recordedPanels, renderTimelines, TIMELINE_DATA } from '../../scripts/rollout-timeline';
import { canRun } from '../requires';
import { countColour, decodePng, distinctColours } from './png';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const runnable = canRun('test/scripts/rollout-timeline', [{ name: 'chromium', apt: 'chromium' }]);
const maybe = runnable ? test : test.skip;

maybe('headless Chromium draws the timeline: errors in the broken panel only', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-'));
  const svg = renderTimelines(recordedPanels(JSON.parse(fs.readFileSync(path.join(ROOT, TIMELINE_DATA), 'utf8'))));
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  fs.writeFileSync(path.join(tmp, 'timeline.svg'), svg);
  const png = path.join(tmp, 'timeline.png');
  const run = spawnSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${path.join(tmp, 'profile')}`,
    `--window-size=${width},${height}`, `--screenshot=${png}`, `file://${path.join(tmp, 'timeline.svg')}`,
  ], { encoding: 'utf8', timeout: 50_000 });
  expect({ status: run.status, exists: fs.existsSync(png) }).toEqual({ status: 0, exists: true });
  const image = decodePng(fs.readFileSync(png));
  fs.rmSync(tmp, { recursive: true, force: true });
  expect([image.width, image.height]).toEqual([width, height]);
  expect(distinctColours(image)).toBeGreaterThan(50);
  const panels = { y0: 0, y1: height - LAYOUT.legendHeight };
  const defaults = countColour(image, COLOURS.error, { ...panels, x0: 0, x1: LAYOUT.panelWidth });
  const broken = countColour(image, COLOURS.error, { ...panels, x0: LAYOUT.panelWidth, x1: 2 * LAYOUT.panelWidth });
  expect(defaults).toBe(0);
  expect(broken).toBeGreaterThan(10);
  // The other marks are there too: the requests line and the Ready pods in both panels.
  for (const x0 of [0, LAYOUT.panelWidth]) {
    expect(countColour(image, COLOURS.serving, { ...panels, x0, x1: x0 + LAYOUT.panelWidth })).toBeGreaterThan(1000);
    expect(countColour(image, COLOURS.ok, { ...panels, x0, x1: x0 + LAYOUT.panelWidth }, 30)).toBeGreaterThan(100);
  }
});
