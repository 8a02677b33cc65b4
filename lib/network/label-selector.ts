/** A Kubernetes label selector as plain data. */
export interface PlainLabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] }>;
}

/**
 * True when the labels satisfy the selector, as the API server decides it for NetworkPolicy: an empty
 * selector (`{}`) selects everything; an unknown operator selects nothing.
 */
export function selectorMatches(selector: PlainLabelSelector, labels: Record<string, string>): boolean {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(labels, key);
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v)
    && (selector.matchExpressions ?? []).every((e) => {
      switch (e.operator) {
        case 'In': return has(e.key) && (e.values ?? []).includes(labels[e.key]);
        case 'NotIn': return !has(e.key) || !(e.values ?? []).includes(labels[e.key]);
        case 'Exists': return has(e.key);
        case 'DoesNotExist': return !has(e.key);
        default: return false;
      }
    });
}
