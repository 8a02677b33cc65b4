/**
 * Environment variable names that carry credentials by convention (MYSQL_ROOT_PASSWORD, API_TOKEN,
 * STRIPE_KEY, …): any word KEY, so `KEYCLOAK_URL` and `KEYS_DIR` are not credentials but `STRIPE_KEY`,
 * `KEY` and `ACCESS_KEY_ID` are.
 */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|(^|_)KEY(_|$)|API_?KEY|PRIVATE_?KEY|SALT|CREDENTIAL|_PWD$|^PWD_)/i;

/** True when an environment variable of this name holds a credential and must come from a Secret. */
export function isCredentialName(name: string): boolean {
  return SECRET_NAME.test(name);
}
