// The field-path grammar lives in lib/grammar/field-path.ts; these names are kept for lib/core/synth-check.ts.
export { fieldPathSteps as fieldSteps, valueAtPath as fieldValue } from '../grammar/field-path';
