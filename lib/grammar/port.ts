// A port number, as the API server reads it (IsValidPortNum in k8s.io/apimachinery/pkg/util/validation).

/** The lowest port number Kubernetes accepts. */
export const MIN_PORT = 1;
/** The highest port number Kubernetes accepts. */
export const MAX_PORT = 65535;

/** Whether `value` is a port number Kubernetes accepts: a whole number from 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_PORT && (value as number) <= MAX_PORT;
}
