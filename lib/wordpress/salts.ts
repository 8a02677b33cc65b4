import { EnvValue } from '../deployment/container';

/**
 * The eight authentication keys and salts that wp-config-docker.php reads from the environment. Every pod
 * must share them, or a login cookie made by one pod is rejected by the next.
 */
export const WORDPRESS_SALT_VARIABLES = [
  'WORDPRESS_AUTH_KEY', 'WORDPRESS_SECURE_AUTH_KEY', 'WORDPRESS_LOGGED_IN_KEY', 'WORDPRESS_NONCE_KEY',
  'WORDPRESS_AUTH_SALT', 'WORDPRESS_SECURE_AUTH_SALT', 'WORDPRESS_LOGGED_IN_SALT', 'WORDPRESS_NONCE_SALT',
] as const;

/** The salt variables from the Secret `secretName`, whose keys are the variable names. */
export function saltEnv(secretName: string): Record<string, EnvValue> {
  return Object.fromEntries(WORDPRESS_SALT_VARIABLES.map((v) => [v, { secretKeyRef: { name: secretName, key: v } }]));
}

/** The shell one-liner that creates the Secret, for the README and error messages. */
export function saltSecretCommand(namespace: string, secretName: string): string {
  const literals = `for v in ${WORDPRESS_SALT_VARIABLES.join(' ')}; do printf -- '--from-literal=%s=%s ' "$v" "$(head -c 48 /dev/urandom | base64 -w0)"; done`;
  return `kubectl -n ${namespace} create secret generic ${secretName} $(${literals})`;
}
