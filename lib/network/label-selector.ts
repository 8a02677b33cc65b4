// The public name of the label selector type; the grammar lives in lib/grammar/label-selector.ts.
export type { LabelSelector as PlainLabelSelector } from '../grammar/label-selector';
