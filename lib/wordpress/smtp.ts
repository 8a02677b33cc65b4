import { PropChecker } from '../core/configuration-error';
import { EnvValue } from '../deployment/container';
import { parseIp } from '../grammar/ip';
import { isPortNumber } from '../grammar/port';
import { CONFIG_MAP_KEY, DNS1123_SUBDOMAIN } from '../validation/names';

/** How WordPress talks to the SMTP relay. */
export enum SmtpEncryption {
  /** Plain SMTP, then STARTTLS (the submission port, 587). */
  STARTTLS = 'starttls',
  /** TLS from the first byte (SMTPS, port 465). */
  TLS = 'tls',
  /** No encryption: a relay inside the cluster or on a trusted network only. */
  NONE = 'none',
}
Object.freeze(SmtpEncryption);

/** The Secret that holds the relay's user name and password. */
export interface SmtpCredentials {
  /** The Secret's name, in the stack's namespace. */
  readonly secretName: string;
  /**
   * The key of the user name.
   * @default 'user'
   */
  readonly userKey?: string;
  /**
   * The key of the password.
   * @default 'password'
   */
  readonly passwordKey?: string;
}

/**
 * Outgoing mail through an SMTP relay: password resets, comment notices and the admin's mail. The images
 * have no local mail server, so without a relay WordPress's mail is lost.
 */
export interface WordpressSmtpProps {
  /** The relay's host name or IP address, e.g. 'smtp.example.com'. */
  readonly host: string;
  /**
   * The relay's TCP port; it is added to the egress NetworkPolicy's ports.
   * @default 587
   */
  readonly port?: number;
  /**
   * How the connection is encrypted.
   * @default SmtpEncryption.STARTTLS
   */
  readonly encryption?: SmtpEncryption;
  /**
   * The relay's user name and password, from a Secret.
   * @default - no authentication
   */
  readonly credentials?: SmtpCredentials;
  /**
   * The sender address.
   * @default - WordPress's own: wordpress@ and the site's host
   */
  readonly fromAddress?: string;
  /**
   * The sender name.
   * @default - WordPress's own: 'WordPress'
   */
  readonly fromName?: string;
}

/** The variables the relay's settings travel in, which extraEnv may not set. */
export const SMTP_ENV = Object.freeze(['WORDPRESS_SMTP_HOST', 'WORDPRESS_SMTP_PORT', 'WORDPRESS_SMTP_ENCRYPTION', 'WORDPRESS_SMTP_USER', 'WORDPRESS_SMTP_PASSWORD',
  'WORDPRESS_SMTP_FROM', 'WORDPRESS_SMTP_FROM_NAME']);

/** The default port: mail submission with STARTTLS. */
export const SMTP_DEFAULT_PORT = 587;

/**
 * wp-config.php code (through WORDPRESS_CONFIG_EXTRA) that sends WordPress's mail through the relay: PHPMailer's
 * SMTP transport, set on each message by `phpmailer_init`. The hooks are registered before plugins load, in
 * `$wp_filter`, which WordPress turns into hooks when it starts: no plugin, no file on the content volume.
 */
export const SMTP_CONFIG_PHP = `$GLOBALS['wp_filter']['phpmailer_init'][10][] = ['accepted_args' => 1, 'function' => function ($mailer) {
  $mailer->isSMTP();
  $mailer->Host = getenv('WORDPRESS_SMTP_HOST');
  $mailer->Port = (int) getenv('WORDPRESS_SMTP_PORT');
  $encryption = getenv('WORDPRESS_SMTP_ENCRYPTION');
  $mailer->SMTPSecure = $encryption === 'tls' ? 'ssl' : ($encryption === 'starttls' ? 'tls' : '');
  $mailer->SMTPAutoTLS = $encryption !== 'none';
  $user = getenv('WORDPRESS_SMTP_USER');
  $mailer->SMTPAuth = $user !== false && $user !== '';
  if ($mailer->SMTPAuth) {
    $mailer->Username = $user;
    $mailer->Password = getenv('WORDPRESS_SMTP_PASSWORD');
  }
}];
foreach (['wp_mail_from' => 'WORDPRESS_SMTP_FROM', 'wp_mail_from_name' => 'WORDPRESS_SMTP_FROM_NAME'] as $filter => $variable) {
  if (getenv($variable) !== false) {
    $GLOBALS['wp_filter'][$filter][10][] = ['accepted_args' => 1, 'function' => function () use ($variable) { return getenv($variable); }];
  }
}`;

/** The environment that carries the relay's settings to WordPress and the cron Job. */
export function smtpEnv(smtp: WordpressSmtpProps): Record<string, EnvValue> {
  const credentials = smtp.credentials;
  const fromSecret = (key: string) => ({ secretKeyRef: { name: credentials!.secretName, key } });
  return {
    WORDPRESS_SMTP_HOST: smtp.host,
    WORDPRESS_SMTP_PORT: String(smtp.port ?? SMTP_DEFAULT_PORT),
    WORDPRESS_SMTP_ENCRYPTION: smtp.encryption ?? SmtpEncryption.STARTTLS,
    ...(credentials ? {
      WORDPRESS_SMTP_USER: fromSecret(credentials.userKey ?? 'user'),
      WORDPRESS_SMTP_PASSWORD: fromSecret(credentials.passwordKey ?? 'password'),
    } : {}),
    ...(smtp.fromAddress !== undefined ? { WORDPRESS_SMTP_FROM: smtp.fromAddress } : {}),
    ...(smtp.fromName !== undefined ? { WORDPRESS_SMTP_FROM_NAME: smtp.fromName } : {}),
  };
}

/** An address as PHPMailer sends it: a local part and a domain, no spaces or angle brackets. */
const MAIL_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Records the problems of the smtp prop. */
export function checkSmtp(check: PropChecker, smtp: WordpressSmtpProps | undefined): void {
  if (smtp === undefined) return;
  // Dotted digits are an IPv4 address or nothing: '10.0.0.300' is a valid DNS name that no resolver will find.
  const hostName = typeof smtp.host === 'string' && DNS1123_SUBDOMAIN.test(smtp.host) && !/^[\d.]+$/.test(smtp.host);
  if (!hostName && (typeof smtp.host !== 'string' || parseIp(smtp.host) === undefined)) {
    check.add('smtp.host', smtp.host, 'is not a host name or an IP address', "give the relay's host, e.g. 'smtp.example.com'");
  }
  if (smtp.port !== undefined && !isPortNumber(smtp.port)) {
    check.add('smtp.port', smtp.port, 'is not a TCP port', 'use the relay\'s port, e.g. 587 (STARTTLS) or 465 (TLS)');
  }
  if (smtp.encryption !== undefined && !Object.values(SmtpEncryption).includes(smtp.encryption)) {
    check.add('smtp.encryption', smtp.encryption, 'is not an SmtpEncryption', 'use SmtpEncryption.STARTTLS, SmtpEncryption.TLS or SmtpEncryption.NONE');
  }
  const c = smtp.credentials;
  if (c !== undefined) {
    if (!DNS1123_SUBDOMAIN.test(c.secretName ?? '')) check.add('smtp.credentials.secretName', c.secretName, 'is not a valid Secret name', "use e.g. 'wordpress-smtp'");
    for (const key of ['userKey', 'passwordKey'] as const) {
      if (c[key] !== undefined && !CONFIG_MAP_KEY.test(c[key]!)) {
        check.add(`smtp.credentials.${key}`, c[key], 'is not a valid Secret key', "use letters, digits, '-', '_' or '.', e.g. 'password'");
      }
    }
  }
  if (smtp.fromAddress !== undefined && !MAIL_ADDRESS.test(smtp.fromAddress)) {
    check.add('smtp.fromAddress', smtp.fromAddress, 'is not a mail address', "use e.g. 'blog@example.com'");
  }
  if (smtp.fromName !== undefined && (!smtp.fromName.trim() || /[\r\n]/.test(smtp.fromName))) {
    check.add('smtp.fromName', smtp.fromName, 'is empty or spans lines', "use one line, e.g. 'My blog'");
  }
}
