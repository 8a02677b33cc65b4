/**
 * What happened during one scenario, second by second: fortio's per-request access log bucketed into
 * requests and errors per second, and each pod's life (created, Ready, Terminating, out of the
 * EndpointSlice, gone) sampled from the API server every 200 ms. The timeline picture is drawn from it.
 */
import * as fs from 'fs';
import { api } from './kube';

/** One pod's life, in seconds since the load started (absent: not seen during the run). */
export interface PodLife {
  readonly name: string;
  readonly version: string;
  readonly node: string;
  /** First seen (already present when the load started: 0). */
  readonly created: number;
  readonly ready?: number;
  readonly terminating?: number;
  /** The EndpointSlice stopped listing it as ready. */
  readonly unrouted?: number;
  readonly gone?: number;
}

/** Requests fortio started in one second of the run (its access log's timestamp), by outcome. */
export interface SecondOfLoad {
  readonly second: number;
  readonly ok: number;
  readonly errors: number;
}

export interface Timeline {
  readonly seconds: number;
  /** When the change (rollout, drain, ...) started and ended, in seconds since the load started. */
  readonly change: { readonly start: number; readonly end: number };
  readonly load: readonly SecondOfLoad[];
  /** fortio's details of the failed requests (its access log's `details`), with their counts. */
  readonly errorDetails: Readonly<Record<string, number>>;
  readonly pods: readonly PodLife[];
  /** Most pods that existed at once (Terminating ones included: they still hold their resources). */
  readonly peakPods: number;
  /** Most pods that existed at once and were not Terminating: what the Deployment controller counts against maxSurge. */
  readonly peakLivePods: number;
  /** Fewest pods the EndpointSlice listed as ready while the change ran. */
  readonly minReadyPods: number;
  /** Most pods Terminating at once. */
  readonly peakTerminating: number;
}

interface Track {
  name: string; version: string; node: string; created: number;
  ready?: number; terminating?: number; unrouted?: number; gone?: number;
  ip?: string;
}

/** Samples the namespace's pods and EndpointSlices until stopped. */
export class PodRecorder {
  private readonly tracks = new Map<string, Track>();
  private peakPods = 0;
  private peakTerminating = 0;
  private peakLivePods = 0;
  private readonly readySamples: { t: number; ready: number }[] = [];
  private running = true;
  private readonly loop: Promise<void>;
  private changeWindow = { start: NaN, end: NaN };

  constructor(private readonly namespace: string, private readonly selector: string, private readonly t0: number) {
    this.loop = this.sample();
  }

  markChange(start: number, end: number): void {
    this.changeWindow = { start: (start - this.t0) / 1000, end: (end - this.t0) / 1000 };
  }

  private async sample(): Promise<void> {
    const q = `labelSelector=${encodeURIComponent(this.selector)}`;
    while (this.running) {
      try {
        const [pods, slices] = await Promise.all([
          api('GET', `/api/v1/namespaces/${this.namespace}/pods?${q}`),
          api('GET', `/apis/discovery.k8s.io/v1/namespaces/${this.namespace}/endpointslices`),
        ]);
        this.note(Math.max(0, (Date.now() - this.t0) / 1000), pods.body.items ?? [], slices.body.items ?? []);
      } catch {
        // A slow or refused API call (the control plane is busy during a drain) loses one sample, not the run.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private note(now: number, pods: any[], slices: any[]): void {
    const readyIps = new Set<string>();
    for (const s of slices) {
      for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const a of e.addresses) readyIps.add(a);
    }
    const present = new Set<string>();
    let terminating = 0;
    for (const p of pods) {
      const name: string = p.metadata.name;
      present.add(name);
      const image: string = p.spec.containers[0].image;
      const t: Track = this.tracks.get(name) ?? { name, version: image.slice(image.lastIndexOf(':') + 1), node: p.spec.nodeName ?? '', created: now };
      this.tracks.set(name, t);
      t.node = p.spec.nodeName ?? t.node;
      t.ip = p.status?.podIP ?? t.ip;
      const isReady = (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      if (isReady && t.ready === undefined) t.ready = now;
      if (p.metadata.deletionTimestamp && t.terminating === undefined) t.terminating = now;
      if (t.terminating !== undefined) terminating++;
      if (t.terminating !== undefined && t.unrouted === undefined && !(t.ip && readyIps.has(t.ip))) t.unrouted = now;
    }
    for (const t of this.tracks.values()) {
      if (!present.has(t.name) && t.gone === undefined) {
        t.gone = now;
        t.unrouted ??= now;
      }
    }
    this.peakPods = Math.max(this.peakPods, present.size);
    this.peakTerminating = Math.max(this.peakTerminating, terminating);
    this.peakLivePods = Math.max(this.peakLivePods, present.size - terminating);
    this.readySamples.push({ t: now, ready: readyIps.size });
  }

  /**
   * Stops sampling; returns the pods' lives and the extremes, with the load from fortio's access log
   * (none when the run failed).
   */
  async stop(accessLog: string | undefined, seconds: number): Promise<Timeline> {
    this.running = false;
    await this.loop;
    const { start, end } = this.changeWindow;
    const during = this.readySamples.filter((s) => s.t >= start && s.t <= end + 1).map((s) => s.ready);
    const pods = [...this.tracks.values()].sort((a, b) => a.created - b.created || a.name.localeCompare(b.name))
      .map(({ ip: _ip, ...life }) => life);
    return {
      seconds, change: { start, end }, ...(accessLog ? loadPerSecond(accessLog, this.t0, seconds) : { load: [], errorDetails: {} }), pods,
      peakPods: this.peakPods, peakLivePods: this.peakLivePods, minReadyPods: during.length > 0 ? Math.min(...during) : 0, peakTerminating: this.peakTerminating,
    };
  }
}

/** fortio's JSON access log (one line per request: timestamp in ns, ok, details) as requests per second. */
export function loadPerSecond(accessLog: string, t0: number, seconds: number): { load: SecondOfLoad[]; errorDetails: Record<string, number> } {
  const load = Array.from({ length: Math.ceil(seconds) + 1 }, (_, second) => ({ second, ok: 0, errors: 0 }));
  const errorDetails: Record<string, number> = {};
  for (const line of fs.readFileSync(accessLog, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line);
    const second = Math.floor((entry.timestamp / 1e6 - t0) / 1000);
    const bucket = load[Math.min(Math.max(second, 0), load.length - 1)];
    if (entry.ok) {
      bucket.ok++;
    } else {
      bucket.errors++;
      const detail = String(entry.details ?? '');
      errorDetails[detail] = (errorDetails[detail] ?? 0) + 1;
    }
  }
  return { load, errorDetails };
}
