/** Prefix of the annotations the audit reads. */
export const AUDIT_PREFIX = 'zero-downtime.audit';

/**
 * The annotation that suppresses one rule on the object that carries it; its value is the reason,
 * which is required (as with kube-score's and Polaris's exemptions, but with the why kept in Git).
 */
export function ignoreAnnotation(ruleId: string): string {
  return `${AUDIT_PREFIX}/ignore.${ruleId}`;
}

/** Declares the QoS class a workload's pods must have; the audit fails when the resources say otherwise. */
export const QOS_CLASS_ANNOTATION = `${AUDIT_PREFIX}/qos-class`;

/**
 * Says whether a workload takes traffic (`"true"` or `"false"`), overriding the audit's reading: a
 * workload is served when one of its containers declares a port.
 */
export const SERVED_ANNOTATION = `${AUDIT_PREFIX}/served`;
