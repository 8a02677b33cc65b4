/** Environment variable names that carry credentials by convention (MYSQL_ROOT_PASSWORD, API_TOKEN, …). */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|AUTH_KEY|NONCE_KEY|LOGGED_IN_KEY|SALT|CREDENTIAL|_PWD$|^PWD_)/i;

/** True when an environment variable of this name holds a credential and must come from a Secret. */
export function isCredentialName(name: string): boolean {
  return SECRET_NAME.test(name);
}
