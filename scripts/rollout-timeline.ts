/**
 * The rollout timeline picture: requests and errors per second, and each pod's life (created, Ready,
 * Terminating, out of the EndpointSlice, gone), for scenarios side by side, as one SVG with no
 * dependencies. `npm run rollout-lab` draws it after a run; run alone, this script redraws
 * docs/rollout-timeline.svg from the recorded docs/rollout-timeline.json.
 */
import * as fs from 'fs';
import * as path from 'path';

export const TIMELINE_DATA = 'docs/rollout-timeline.json';
export const TIMELINE_PICTURE = 'docs/rollout-timeline.svg';

/** Drawing colours: errors have theirs alone, so that a screenshot can tell where errors were drawn. */
export const COLOURS = {
  ok: '#4e79a7',
  error: '#e4002b',
  change: '#f1ede4',
  starting: '#c9d7e6',
  serving: '#59a14f',
  terminatingRouted: '#f28e2b',
  draining: '#b0b0b0',
  text: '#222222',
  grid: '#dddddd',
} as const;

/** One scenario's recorded timeline (test/cluster/rollout-recorder.ts `Timeline`, with fortio's totals). */
export interface TimelinePanel {
  readonly title: string;
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly change: { readonly start: number; readonly end: number };
  readonly load: readonly { readonly second: number; readonly ok: number; readonly errors: number }[];
  readonly pods: readonly {
    readonly name: string; readonly version: string; readonly node: string; readonly created: number;
    readonly ready?: number; readonly terminating?: number; readonly unrouted?: number; readonly gone?: number;
  }[];
}

/** The layout, shared with the screenshot test: panels side by side, the legend below them. */
export const LAYOUT = { panelWidth: 600, legendHeight: 56, margin: { left: 52, right: 16, top: 52 }, chartHeight: 170, laneHeight: 14, lanesTop: 40 } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n1 = (x: number) => Number(x.toFixed(1));

function panelHeight(p: TimelinePanel): number {
  return LAYOUT.margin.top + LAYOUT.chartHeight + LAYOUT.lanesTop + p.pods.length * LAYOUT.laneHeight + 36;
}

function drawPanel(p: TimelinePanel, x0: number, seconds: number, peak: number): string {
  const { margin, chartHeight, laneHeight, lanesTop } = LAYOUT;
  const width = LAYOUT.panelWidth - margin.left - margin.right;
  const x = (t: number) => n1(x0 + margin.left + (Math.min(Math.max(t, 0), seconds) / seconds) * width);
  const y = (v: number) => n1(margin.top + chartHeight - (v / peak) * chartHeight);
  const out: string[] = [];
  const errorsText = `${p.errors.toLocaleString('en-US')} error${p.errors === 1 ? '' : 's'}`;
  out.push(`<text x="${x0 + margin.left}" y="20" font-size="15" font-weight="bold">${esc(p.title)}</text>`);
  const subtitle = `${p.requests.toLocaleString('en-US')} requests, ${errorsText}; change ${n1(p.change.end - p.change.start)} s (shaded)`;
  out.push(`<text x="${x0 + margin.left}" y="38" font-size="13">${subtitle}</text>`);
  out.push(`<rect x="${x(p.change.start)}" y="${margin.top}" width="${n1(x(p.change.end) - x(p.change.start))}" height="${chartHeight}" fill="${COLOURS.change}"/>`);
  const step = peak > 400 ? 200 : peak > 100 ? 50 : 10;
  for (let v = 0; v <= peak; v += step) {
    out.push(`<line x1="${x(0)}" x2="${x(seconds)}" y1="${y(v)}" y2="${y(v)}" stroke="${COLOURS.grid}"/>`);
    out.push(`<text x="${x0 + margin.left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${v}</text>`);
  }
  for (let t = 0; t <= seconds; t += 10) out.push(`<text x="${x(t)}" y="${margin.top + chartHeight + 14}" font-size="11" text-anchor="middle">${t} s</text>`);
  // Requests per second that succeeded, as a line; errors per second, as bars (at least 2 px tall when there are any).
  const last = Math.floor(seconds);
  const points = p.load.filter((b) => b.second < last).map((b) => `${x(b.second + 0.5)},${y(b.ok)}`).join(' ');
  out.push(`<polyline points="${points}" fill="none" stroke="${COLOURS.ok}" stroke-width="2"/>`);
  for (const b of p.load) {
    if (b.errors === 0) continue;
    const top = Math.min(y(b.errors), margin.top + chartHeight - 3);
    const barWidth = Math.max(2, n1(x(b.second + 1) - x(b.second) - 1));
    out.push(`<rect x="${x(b.second)}" y="${top}" width="${barWidth}" height="${n1(margin.top + chartHeight - top)}" fill="${COLOURS.error}"/>`);
  }
  // One lane per pod: starting, serving, Terminating but still routed, out of the endpoints until gone.
  const lanes = margin.top + chartHeight + lanesTop;
  out.push(`<text x="${x0 + margin.left}" y="${lanes - 10}" font-size="12">pods (version, node), by creation</text>`);
  p.pods.forEach((pod, i) => {
    const top = lanes + i * laneHeight;
    const end = p.seconds;
    const seg = (from: number | undefined, to: number | undefined, fill: string) => {
      if (from === undefined) return;
      const a = x(from);
      const b = x(to ?? end);
      if (b > a) out.push(`<rect x="${a}" y="${top}" width="${n1(b - a)}" height="${laneHeight - 3}" fill="${fill}"/>`);
    };
    const stop = pod.terminating ?? pod.gone;
    seg(pod.created, pod.ready ?? stop, COLOURS.starting);
    seg(pod.ready, stop, COLOURS.serving);
    seg(pod.terminating, pod.unrouted ?? pod.gone, COLOURS.terminatingRouted);
    seg(pod.unrouted ?? pod.terminating, pod.gone, COLOURS.draining);
    out.push(`<text x="${x0 + margin.left - 6}" y="${top + laneHeight - 4}" font-size="10" text-anchor="end">${esc(`${pod.version} ${pod.node}`)}</text>`);
  });
  return out.join('\n');
}

/** The SVG of the panels side by side, on one time axis and one requests-per-second scale. */
export function renderTimelines(panels: readonly TimelinePanel[]): string {
  const seconds = Math.ceil(Math.max(...panels.map((p) => p.seconds)) / 10) * 10;
  const peak = Math.max(100, ...panels.flatMap((p) => p.load.map((b) => b.ok + b.errors)));
  const scale = Math.ceil(peak / 100) * 100;
  const height = Math.max(...panels.map(panelHeight));
  const width = LAYOUT.panelWidth * panels.length;
  const total = height + LAYOUT.legendHeight;
  const legend: [string, string][] = [
    [COLOURS.ok, 'requests/s that succeeded'], [COLOURS.error, 'failed requests/s'], [COLOURS.starting, 'pod created, not Ready'],
    [COLOURS.serving, 'Ready'], [COLOURS.terminatingRouted, 'Terminating, still in the endpoints'], [COLOURS.draining, 'out of the endpoints, until gone'],
  ];
  const legendItems = legend.map(([fill, label], i) => {
    const lx = 16 + (i % 3) * 300;
    const ly = height + 14 + Math.floor(i / 3) * 20;
    return `<rect x="${lx}" y="${ly}" width="14" height="12" fill="${fill}"/><text x="${lx + 20}" y="${ly + 10}" font-size="12">${label}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="sans-serif" fill="${COLOURS.text}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...panels.map((p, i) => drawPanel(p, i * LAYOUT.panelWidth, seconds, scale)),
    ...legendItems,
    '</svg>',
    '',
  ].join('\n');
}

/** The panels the recorded data names for the picture. */
export function recordedPanels(data: { picture: readonly string[]; timelines: Record<string, Omit<TimelinePanel, 'title'>> }): TimelinePanel[] {
  return data.picture.map((title) => ({ title, ...data.timelines[title] }));
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const data = JSON.parse(fs.readFileSync(path.join(root, TIMELINE_DATA), 'utf8'));
  fs.writeFileSync(path.join(root, TIMELINE_PICTURE), renderTimelines(recordedPanels(data)));
  process.stdout.write(`${TIMELINE_PICTURE}: drawn from ${TIMELINE_DATA}\n`);
}
