/**
 * Environment variable names that carry credentials by convention (MYSQL_ROOT_PASSWORD, DB_PASS,
 * DB_PASSWD, API_TOKEN, STRIPE_KEY, …). PASSWORD, PASSWD, PASSPHRASE, SECRET, TOKEN, SALT and CREDENTIAL
 * count anywhere in the name; the short words KEY, PASS and PWD only as a whole word, so `KEYCLOAK_URL`,
 * `KEYS_DIR`, `BYPASS_CACHE` and `PWD` (the shell's working directory) are not credentials, but
 * `STRIPE_KEY`, `KEY`, `ACCESS_KEY_ID`, `DB_PASS`, `PASS` and `DB_PWD` are. APIKEY and PRIVATEKEY are
 * KEY run together with its word.
 */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|SALT|CREDENTIAL|(^|_)(KEY|PASS)(_|$)|(^|_)(API|PRIVATE)KEY(_|$)|_PWD(_|$)|^PWD_)/i;

/** True when an environment variable of this name holds a credential and must come from a Secret. */
export function isCredentialName(name: string): boolean {
  return SECRET_NAME.test(name);
}
