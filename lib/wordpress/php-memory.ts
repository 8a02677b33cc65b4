import { Finding } from '../grammar/finding';

/**
 * How many requests one WordPress pod serves at once and how much memory each may take. The official
 * apache images run mod_php under Apache's prefork MPM: one process per in-flight request, each allowed
 * up to PHP's memory_limit.
 */
export interface PhpWorkerBudget {
  /** Apache prefork MaxRequestWorkers (and ServerLimit): processes, so requests, served at once. */
  readonly maxRequestWorkers: number;
  /** PHP memory_limit of each worker, in MiB. */
  readonly phpMemoryLimitMi: number;
  /** opcache.memory_consumption, in MiB: shared memory, counted once per pod. */
  readonly opcacheMemoryMi: number;
}

/**
 * MiB each prefork child uses beside PHP's own allocations (the Apache process, the loaded PHP extensions'
 * private pages); memory_limit counts only what PHP scripts allocate.
 */
export const WORKER_OVERHEAD_MI = 16;
/** MiB of the Apache parent process and the pod's other fixed costs. */
export const PARENT_OVERHEAD_MI = 32;

/**
 * The defaults: 4 workers of 256 MiB and a 64 MiB opcache need 1184 MiB. 256 MiB is what WordPress
 * itself asks for in wp-admin (WP_MAX_MEMORY_LIMIT) and what GD or Imagick need to resize a 12-megapixel
 * phone photo (4000 x 3000 x 4 bytes = 46 MiB per decoded bitmap, source and resized copy at once).
 */
export const DEFAULT_WORKER_BUDGET: PhpWorkerBudget = { maxRequestWorkers: 4, phpMemoryLimitMi: 256, opcacheMemoryMi: 64 };

/** Upload limits and Apache's keep-alive: settings that cost no memory budget. */
export interface WebTierSettings {
  /** PHP upload_max_filesize, in PHP's size shorthand (e.g. '64M'). */
  readonly uploadMaxFilesize: string;
  /** PHP post_max_size: the whole request body, at least upload_max_filesize. */
  readonly postMaxSize: string;
  /** Apache KeepAliveTimeout in seconds; 0 turns KeepAlive off. */
  readonly keepAliveTimeoutSeconds: number;
}

/**
 * 64M takes a 10 MB phone photo or a short video with room for the form around it. KeepAlive is off:
 * under prefork an idle keep-alive connection (the ingress controller pools them) holds a whole worker
 * for KeepAliveTimeout, so a few pooled connections leave no worker for the probes. The ingress opens a
 * new in-cluster TCP connection instead, which costs well under a millisecond.
 */
export const DEFAULT_WEB_TIER: WebTierSettings = { uploadMaxFilesize: '64M', postMaxSize: '64M', keepAliveTimeoutSeconds: 0 };

/**
 * opcache.max_accelerated_files: WordPress core has about 1,800 PHP files and a site with a page builder,
 * WooCommerce and a dozen plugins 8,000 to 15,000; PHP rounds the value up to the next of its primes
 * (16229), and a full table silently stops caching new scripts.
 */
export const OPCACHE_MAX_FILES = 16229;

/** PHP's size shorthand as php.ini reads it (no decimals, no 'B', K, M or G only). */
const PHP_SIZE = /^([1-9][0-9]{0,11})([KMG]?)$/;

/** Bytes of a PHP size, or undefined when PHP would misread it. */
export function phpSizeBytes(size: unknown): number | undefined {
  const m = typeof size === 'string' ? PHP_SIZE.exec(size) : null;
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2] as '' | 'K' | 'M' | 'G'];
}

/** Problems of the upload and keep-alive settings, by field of the php prop. */
export function webTierProblems(w: WebTierSettings): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['uploadMaxFilesize', 'postMaxSize'] as const) {
    if (phpSizeBytes(w[field]) === undefined) {
      const problem = "is not a PHP size: a whole number with K, M or G (PHP reads '64MB' or '1.5G' as something else)";
      findings.push({ field, problem, fix: "use e.g. '64M'" });
    }
  }
  const upload = phpSizeBytes(w.uploadMaxFilesize);
  const post = phpSizeBytes(w.postMaxSize);
  if (upload !== undefined && post !== undefined && post < upload) {
    findings.push({
      field: 'postMaxSize',
      problem: `is smaller than uploadMaxFilesize ${w.uploadMaxFilesize}, so PHP drops the whole form before the file size is checked`,
      fix: `raise postMaxSize to at least ${w.uploadMaxFilesize}`,
    });
  }
  const k = w.keepAliveTimeoutSeconds;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > 15) {
    findings.push({
      field: 'keepAliveTimeoutSeconds',
      problem: 'must be a whole number from 0 (KeepAlive off) to 15',
      fix: 'use 0, or at most a few seconds: each idle connection holds a worker',
    });
  }
  return findings;
}

/**
 * The memory limit (MiB) under which no request can OOM-kill the container: every worker at its
 * memory_limit at once, plus the shared opcache and the parent. On cgroup v2 (Kubernetes >= 1.28), one
 * OOM-killed child takes down the whole container and every in-flight request with it.
 */
export function requiredMemoryMi(b: PhpWorkerBudget): number {
  return b.maxRequestWorkers * (b.phpMemoryLimitMi + WORKER_OVERHEAD_MI) + b.opcacheMemoryMi + PARENT_OVERHEAD_MI;
}

/** The arithmetic as one line, for error messages and the README. */
export function memoryArithmetic(b: PhpWorkerBudget): string {
  return `${b.maxRequestWorkers} workers x (${b.phpMemoryLimitMi} MiB memory_limit + ${WORKER_OVERHEAD_MI} MiB)`
    + ` + ${b.opcacheMemoryMi} MiB opcache + ${PARENT_OVERHEAD_MI} MiB = ${requiredMemoryMi(b)} MiB`;
}

/** Problems of a worker budget against the container's memory limit (bytes; undefined when unset). */
export function workerBudgetProblems(b: PhpWorkerBudget, memoryLimitBytes: number | undefined): Finding[] {
  const findings: Finding[] = [];
  const whole = (field: keyof PhpWorkerBudget, min: number, max: number) => {
    const v = b[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      findings.push({ field, problem: `must be a whole number from ${min} to ${max}`, fix: `use e.g. ${DEFAULT_WORKER_BUDGET[field]}` });
    }
  };
  whole('maxRequestWorkers', 1, 256);
  whole('phpMemoryLimitMi', 32, 4096);
  whole('opcacheMemoryMi', 8, 1024);
  if (findings.length > 0) return findings;
  const needed = requiredMemoryMi(b) * 1024 * 1024;
  if (memoryLimitBytes === undefined || memoryLimitBytes < needed) {
    const limit = memoryLimitBytes === undefined ? 'unset' : `${Math.floor(memoryLimitBytes / 1024 / 1024)}Mi`;
    findings.push({
      field: 'maxRequestWorkers',
      problem: `needs a memory limit of at least ${requiredMemoryMi(b)}Mi (${memoryArithmetic(b)}), but the limit is ${limit}; `
        + 'one worker over it OOM-kills the container and every request in flight',
      fix: `raise resources.limits.memory (and requests) to ${requiredMemoryMi(b)}Mi, or lower maxRequestWorkers or phpMemoryLimitMi`,
    });
  }
  return findings;
}

/** Set to 'true' when the database connection requires TLS: the readiness script and the Jobs' database wait connect with MYSQLI_CLIENT_SSL, as WordPress does. */
export const DB_TLS_VARIABLE = 'WORDPRESS_K8S_DB_TLS';

/** The path of the readiness endpoint, served by PHP outside the docroot. */
export const READY_PATH = '/-/ready';
/** Where the rendered configuration is mounted. */
export const CONFIG_DIR = '/usr/local/share/wordpress-k8s';

/**
 * Apache configuration (conf-enabled/, read after mods-enabled/, so it overrides mpm_prefork.conf):
 * caps the prefork workers, locks PHP's memory_limit (php_admin_value: WordPress's own
 * wp_raise_memory_limit cannot lift it in wp-admin), and serves the readiness script.
 */
export function apacheConfig(b: PhpWorkerBudget, w: WebTierSettings = DEFAULT_WEB_TIER): string {
  return [
    '# Rendered by WordpressApp. Memory arithmetic:',
    `# ${memoryArithmetic(b)}`,
    ...(w.keepAliveTimeoutSeconds === 0 ? ['KeepAlive Off'] : ['KeepAlive On', `KeepAliveTimeout ${w.keepAliveTimeoutSeconds}`]),
    `StartServers ${Math.min(2, b.maxRequestWorkers)}`,
    'MinSpareServers 1',
    `MaxSpareServers ${b.maxRequestWorkers}`,
    `ServerLimit ${b.maxRequestWorkers}`,
    `MaxRequestWorkers ${b.maxRequestWorkers}`,
    'MaxConnectionsPerChild 1000',
    `php_admin_value memory_limit ${b.phpMemoryLimitMi}M`,
    `Alias ${READY_PATH} ${CONFIG_DIR}/ready.php`,
    `<Directory ${CONFIG_DIR}>`,
    // ConfigMap files are symbolic links into a timestamped folder.
    '\tOptions FollowSymLinks',
    // Only for the kubelet: every request through the ingress controller carries X-Forwarded-For, which
    // the proxy sets and a client cannot remove. The official image's mod_remoteip consumes that header
    // for proxies in private ranges and sets REMOTE_ADDR to the client: then the peer differs from it.
    '\t<If "-n req(\'X-Forwarded-For\') || %{REMOTE_ADDR} != %{CONN_REMOTE_ADDR}">',
    '\t\tRequire all denied',
    '\t</If>',
    '\t<Else>',
    '\t\tRequire all granted',
    '\t</Else>',
    '</Directory>',
    '',
  ].join('\n');
}

/**
 * PHP settings read from conf.d/: the opcache (known at startup, PHP_INI_SYSTEM) and the upload limits
 * (PHP_INI_PERDIR: a plugin cannot raise them at run time, .user.ini files could).
 */
export function phpIni(b: PhpWorkerBudget, w: WebTierSettings = DEFAULT_WEB_TIER): string {
  return [
    '; Rendered by WordpressApp.',
    `opcache.memory_consumption = ${b.opcacheMemoryMi}`,
    `opcache.max_accelerated_files = ${OPCACHE_MAX_FILES}`,
    `upload_max_filesize = ${w.uploadMaxFilesize}`,
    `post_max_size = ${w.postMaxSize}`,
    '',
  ].join('\n');
}

/**
 * The readiness script. Ready when PHP runs in a free worker, core is in place, the site is not in
 * maintenance mode and WordPress is installed: the options table exists and holds siteurl. A database
 * that cannot be reached, or that answers the check with any other error, does NOT make the pod unready:
 * every pod shares the database, so failing readiness would empty the Service at once, block
 * node drains behind the PDB and stall rollouts, for no better answer than WordPress's own error page.
 */
export function readinessScript(): string {
  return `<?php
// Rendered by WordpressApp: readiness of one WordPress pod. 503 keeps the pod out of the Service.
header('Cache-Control: no-store');
header('Content-Type: text/plain');
$root = '/var/www/html/';
if (!is_file($root . 'wp-includes/version.php') || !is_file($root . 'wp-config.php')) {
\thttp_response_code(503);
\texit("core is not in place yet\\n");
}
if (is_file($root . '.maintenance')) {
\thttp_response_code(503);
\texit("maintenance mode\\n");
}
mysqli_report(MYSQLI_REPORT_OFF);
$parts = explode(':', getenv('WORDPRESS_DB_HOST') ?: 'mysql', 2);
$db = mysqli_init();
$db->options(MYSQLI_OPT_CONNECT_TIMEOUT, 2);
$flags = getenv('${DB_TLS_VARIABLE}') === 'true' ? MYSQLI_CLIENT_SSL : 0;
if (!@$db->real_connect($parts[0], getenv('WORDPRESS_DB_USER'), getenv('WORDPRESS_DB_PASSWORD'), getenv('WORDPRESS_DB_NAME'), (int) ($parts[1] ?? 3306), null, $flags)) {
\texit("database unreachable: serving WordPress's error page\\n");
}
$prefix = preg_replace('/[^A-Za-z0-9_]/', '', getenv('WORDPRESS_TABLE_PREFIX') ?: 'wp_');
$installed = @$db->query("SELECT 1 FROM \`{$prefix}options\` WHERE option_name = 'siteurl' LIMIT 1");
// 1146: the table does not exist. Any other error (a lock wait, a revoked privilege, a lost connection)
// is the database's, shared by every pod: it is logged and the pod stays in the Service.
if (!$installed && $db->errno !== 1146) {
\terror_log("readiness: the installed check failed with MySQL error {$db->errno}: {$db->error}");
\texit("database error {$db->errno}: serving WordPress's own answer\\n");
}
if (!$installed || $installed->num_rows === 0) {
\thttp_response_code(503);
\texit("not installed: the install Job has not run\\n");
}
exit("ok\\n");
`;
}
