import { ConfigurationError, HttpsIngress, SmtpEncryption, WordpressApp, WordpressAppProps, WordpressSmtpProps } from '../../lib';
import { SMTP_CONFIG_PHP } from '../../lib/wordpress/smtp';
import { one, synth } from '../helpers';
import { withClass } from './with-class';

const base: WordpressAppProps = { ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }) };
const RELAY: WordpressSmtpProps = { host: 'smtp.example.com' };

function stack(props: WordpressAppProps) {
  return synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ...base, ...props })));
}

function outcome(smtp: WordpressSmtpProps): string {
  try {
    stack({ smtp });
    return 'accepted';
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
}

const envOf = (container: any) => Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
const wordpressEnv = (manifests: any[]) => envOf(one(manifests, 'Deployment', 'wordpress').spec.template.spec.containers[0]);
const cronEnv = (manifests: any[]) => envOf(one(manifests, 'CronJob', 'wordpress-cron').spec.jobTemplate.spec.template.spec.containers[0]);
const egressPorts = (manifests: any[]) => one(manifests, 'NetworkPolicy', 'wordpress-wordpress-egress').spec.egress
  .filter((r: any) => r.to?.some((p: any) => p.ipBlock)).flatMap((r: any) => r.ports.map((p: any) => p.port));

describe('smtp', () => {
  test('without it, no relay settings and no mail port are rendered', () => {
    const manifests = stack({});
    expect(Object.keys(wordpressEnv(manifests)).filter((k) => k.startsWith('WORDPRESS_SMTP_'))).toEqual([]);
    expect(wordpressEnv(manifests).WORDPRESS_CONFIG_EXTRA).not.toContain('phpmailer_init');
    expect(egressPorts(manifests)).toEqual([443]);
  });

  test('WordPress and the cron Job get the relay, STARTTLS on 587 by default, and the egress policy opens 587', () => {
    const manifests = stack({ smtp: RELAY });
    for (const env of [wordpressEnv(manifests), cronEnv(manifests)]) {
      expect(env).toMatchObject({ WORDPRESS_SMTP_HOST: 'smtp.example.com', WORDPRESS_SMTP_PORT: '587', WORDPRESS_SMTP_ENCRYPTION: 'starttls' });
      expect(env).not.toHaveProperty('WORDPRESS_SMTP_USER');
      expect(env).not.toHaveProperty('WORDPRESS_SMTP_FROM');
      expect(env).not.toHaveProperty('WORDPRESS_SMTP_FROM_NAME');
      expect(env.WORDPRESS_CONFIG_EXTRA).toContain(SMTP_CONFIG_PHP);
    }
    expect(egressPorts(manifests)).toEqual([443, 587]);
  });

  test('credentials come from the Secret, with the default and the given keys; the sender is set when given', () => {
    const env = wordpressEnv(stack({
      smtp: {
        ...RELAY, port: 465, encryption: SmtpEncryption.TLS, credentials: { secretName: 'mail', passwordKey: 'token' }, fromAddress: 'blog@example.com', fromName: 'My blog',
      },
    }));
    expect(env).toMatchObject({
      WORDPRESS_SMTP_PORT: '465',
      WORDPRESS_SMTP_ENCRYPTION: 'tls',
      WORDPRESS_SMTP_USER: { secretKeyRef: { name: 'mail', key: 'user' } },
      WORDPRESS_SMTP_PASSWORD: { secretKeyRef: { name: 'mail', key: 'token' } },
      WORDPRESS_SMTP_FROM: 'blog@example.com',
      WORDPRESS_SMTP_FROM_NAME: 'My blog',
    });
  });

  test('a port the egress already allows is not added twice', () => {
    expect(egressPorts(stack({ smtp: { ...RELAY, port: 443 } }))).toEqual([443]);
    expect(egressPorts(stack({ smtp: RELAY, egress: { ports: [443, 587] } }))).toEqual([443, 587]);
  });

  test('extraEnv may not set the relay variables', () => {
    expect(() => stack({ smtp: RELAY, extraEnv: { WORDPRESS_SMTP_HOST: 'other' } })).toThrow(/extraEnv\.WORDPRESS_SMTP_HOST = "\(set by the stack\)": would override what the stack sets/);
  });

  test('the PHP maps each encryption to PHPMailer: STARTTLS is "tls", TLS is "ssl", none turns off opportunistic STARTTLS', () => {
    expect(SMTP_CONFIG_PHP).toContain("$mailer->SMTPSecure = $encryption === 'tls' ? 'ssl' : ($encryption === 'starttls' ? 'tls' : '');");
    expect(SMTP_CONFIG_PHP).toContain("$mailer->SMTPAutoTLS = $encryption !== 'none';");
    expect(Object.values(SmtpEncryption)).toEqual(['starttls', 'tls', 'none']);
  });

  /** Each condition: a refused value with the message it must give, and the closest accepted value. */
  const CONDITIONS: Array<[string, WordpressSmtpProps, RegExp, WordpressSmtpProps]> = [
    ['host is a DNS name', { host: 'smtp_example.com' }, /smtp\.host = "smtp_example\.com": is not a host name or an IP address\. Fix: give the relay's host/, { host: 'smtp.example.com' }],
    ['host may be an IPv4 address', { host: '10.0.0.300' }, /smtp\.host = "10\.0\.0\.300": is not a host name or an IP address/, { host: '10.0.0.30' }],
    ['host may be an IPv6 address', { host: 'fd00::zz' }, /smtp\.host = "fd00::zz"/, { host: 'fd00::25' }],
    ['host is a string', { host: 25 as unknown as string }, /smtp\.host/, { host: 'mail' }],
    ['port is at least 1', { ...RELAY, port: 0 }, /smtp\.port = 0: is not a TCP port\. Fix: use the relay's port/, { ...RELAY, port: 1 }],
    ['port is at most 65535', { ...RELAY, port: 65536 }, /smtp\.port = 65536: is not a TCP port/, { ...RELAY, port: 65535 }],
    ['port is whole', { ...RELAY, port: 25.5 }, /smtp\.port = 25\.5: is not a TCP port/, { ...RELAY, port: 25 }],
    ['encryption is one of SmtpEncryption', { ...RELAY, encryption: 'ssl' as SmtpEncryption }, /smtp\.encryption = "ssl"/, { ...RELAY, encryption: SmtpEncryption.NONE }],
    ['credentials name a Secret', { ...RELAY, credentials: { secretName: 'Mail' } }, /smtp\.credentials\.secretName = "Mail": is not a valid Secret name/, { ...RELAY, credentials: { secretName: 'mail' } }],
    [
      'the user key is a Secret key',
      { ...RELAY, credentials: { secretName: 'mail', userKey: 'user name' } },
      /smtp\.credentials\.userKey = "user name": is not a valid Secret key/,
      { ...RELAY, credentials: { secretName: 'mail', userKey: 'user.name' } },
    ],
    [
      'the password key is a Secret key',
      { ...RELAY, credentials: { secretName: 'mail', passwordKey: 'pass/word' } },
      /smtp\.credentials\.passwordKey = "pass\/word": is not a valid Secret key/,
      { ...RELAY, credentials: { secretName: 'mail', passwordKey: 'pass_word' } },
    ],
    ['fromAddress is an address', { ...RELAY, fromAddress: 'blog' }, /smtp\.fromAddress = "blog": is not a mail address/, { ...RELAY, fromAddress: 'blog@example.com' }],
    ['fromAddress has a domain with a dot', { ...RELAY, fromAddress: 'blog@localhost' }, /smtp\.fromAddress = "blog@localhost"/, { ...RELAY, fromAddress: 'blog@example.org' }],
    ['fromAddress has no display name', { ...RELAY, fromAddress: 'Blog <blog@example.com>' }, /smtp\.fromAddress = "Blog <blog@example\.com>"/, { ...RELAY, fromAddress: 'blog+news@example.com' }],
    ['fromName is not blank', { ...RELAY, fromName: '  ' }, /smtp\.fromName = " {2}": is empty or spans lines/, { ...RELAY, fromName: 'B' }],
    ['fromName is one line', { ...RELAY, fromName: 'My\nblog' }, /smtp\.fromName = "My\\nblog": is empty or spans lines/, { ...RELAY, fromName: 'My blog' }],
  ];

  test.each(CONDITIONS)('%s', (_name, refused, message, accepted) => {
    expect(outcome(refused)).toMatch(message);
    expect(outcome(accepted)).toBe('accepted');
  });

  test('every problem is reported at once', () => {
    const message = outcome({ host: '', port: -1, credentials: { secretName: '' }, fromAddress: 'x' });
    for (const prop of ['smtp.host', 'smtp.port', 'smtp.credentials.secretName', 'smtp.fromAddress']) expect(message).toContain(`${prop} =`);
  });
});
