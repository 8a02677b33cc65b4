import * as fs from 'fs';
import * as path from 'path';
import { COLOURS, recordedPanels, renderTimelines, TIMELINE_DATA, TIMELINE_PICTURE } from '../../scripts/rollout-timeline';

const ROOT = path.join(__dirname, '..', '..');
const data = JSON.parse(fs.readFileSync(path.join(ROOT, TIMELINE_DATA), 'utf8'));

test('the committed picture is the one the recorded data draws', () => {
  const drawn = renderTimelines(recordedPanels(data));
  // When this fails: node -r ./lib/cli/register-ts.js scripts/rollout-timeline.ts, and commit the SVG.
  expect(fs.readFileSync(path.join(ROOT, TIMELINE_PICTURE), 'utf8')).toBe(drawn);
});

test('the picture sets the defaults beside a broken variant, from a recorded rollout', () => {
  const [defaults, broken] = recordedPanels(data);
  expect(defaults.title).toMatch(/defaults/);
  expect(defaults.errors).toBe(0);
  expect(broken.errors).toBeGreaterThan(0);
  for (const panel of [defaults, broken]) {
    expect(panel.load.reduce((sum, s) => sum + s.ok + s.errors, 0)).toBe(panel.requests);
    expect(panel.pods.filter((p) => p.terminating !== undefined).length).toBeGreaterThanOrEqual(3);
  }
});

test('errors are drawn in their own colour, and only where there were errors', () => {
  const panel = (errors: number[]) => ({
    title: 't', requests: errors.length * 100, errors: errors.reduce((a, b) => a + b, 0), seconds: errors.length, change: { start: 1, end: 2 },
    load: errors.map((e, second) => ({ second, ok: 100 - e, errors: e })),
    pods: [{ name: 'a', version: 'v1', node: 'node1', created: 0, ready: 0.5, terminating: 1, unrouted: 1.2, gone: 2 }],
  });
  const errorBars = (svg: string) => svg.split(`fill="${COLOURS.error}"`).length - 1;
  // One error bar per second with errors, plus the legend's swatch.
  expect(errorBars(renderTimelines([panel([0, 0, 0])]))).toBe(1);
  expect(errorBars(renderTimelines([panel([0, 3, 1])]))).toBe(3);

  expect(Object.values(COLOURS).filter((c) => c === COLOURS.error)).toHaveLength(1);
});
