import {
  apacheConfig,
  DEFAULT_WEB_TIER,
  DEFAULT_WORKER_BUDGET,
  memoryArithmetic,
  PARENT_OVERHEAD_MI,
  phpIni,
  phpSizeBytes,
  requiredMemoryMi,
  WORKER_OVERHEAD_MI,
  webTierProblems,
  workerBudgetProblems,
} from '../../lib/wordpress/php-memory';

const MI = 1024 * 1024;

test('the arithmetic: workers x (memory_limit + per-worker overhead) + opcache + parent', () => {
  expect(WORKER_OVERHEAD_MI).toBe(16);
  expect(PARENT_OVERHEAD_MI).toBe(32);
  expect(requiredMemoryMi(DEFAULT_WORKER_BUDGET)).toBe(1184);
  expect(requiredMemoryMi({ maxRequestWorkers: 10, phpMemoryLimitMi: 256, opcacheMemoryMi: 128 })).toBe(10 * 272 + 128 + 32);
  expect(memoryArithmetic(DEFAULT_WORKER_BUDGET)).toBe('4 workers x (256 MiB memory_limit + 16 MiB) + 64 MiB opcache + 32 MiB = 1184 MiB');
});

test('a limit at the requirement passes; one MiB less, or none, fails', () => {
  expect(workerBudgetProblems(DEFAULT_WORKER_BUDGET, 1184 * MI)).toEqual([]);
  expect(workerBudgetProblems(DEFAULT_WORKER_BUDGET, 1183 * MI)[0].problem).toMatch(/^needs a memory limit of at least 1184Mi .* but the limit is 1183Mi/);
  expect(workerBudgetProblems(DEFAULT_WORKER_BUDGET, undefined)[0].problem).toMatch(/but the limit is unset/);
});

test('malformed budgets are reported field by field, before the arithmetic', () => {
  expect(workerBudgetProblems({ maxRequestWorkers: 257, phpMemoryLimitMi: 31, opcacheMemoryMi: 1025 }, 10 ** 12).map((f) => f.field)).toEqual([
    'maxRequestWorkers',
    'phpMemoryLimitMi',
    'opcacheMemoryMi',
  ]);
  expect(workerBudgetProblems({ ...DEFAULT_WORKER_BUDGET, maxRequestWorkers: '4' as any }, 10 ** 12)).toEqual([
    { field: 'maxRequestWorkers', problem: 'must be a whole number from 1 to 256', fix: 'use e.g. 4' },
  ]);
});

test('Apache: KeepAlive off, prefork capped, memory_limit locked, readiness for the kubelet only; PHP: opcache and uploads', () => {
  expect(apacheConfig({ maxRequestWorkers: 1, phpMemoryLimitMi: 64, opcacheMemoryMi: 16 }).split('\n')).toEqual([
    '# Rendered by WordpressApp. Memory arithmetic:',
    '# 1 workers x (64 MiB memory_limit + 16 MiB) + 16 MiB opcache + 32 MiB = 128 MiB',
    'KeepAlive Off',
    'StartServers 1', 'MinSpareServers 1', 'MaxSpareServers 1', 'ServerLimit 1', 'MaxRequestWorkers 1', 'MaxConnectionsPerChild 1000',
    'php_admin_value memory_limit 64M',
    'Alias /-/ready /usr/local/share/wordpress-k8s/ready.php',
    '<Directory /usr/local/share/wordpress-k8s>', '\tOptions FollowSymLinks',
    '\t<If "-n req(\'X-Forwarded-For\') || %{REMOTE_ADDR} != %{CONN_REMOTE_ADDR}">', '\t\tRequire all denied', '\t</If>', '\t<Else>', '\t\tRequire all granted', '\t</Else>',
    '</Directory>', '',
  ]);
  expect(phpIni(DEFAULT_WORKER_BUDGET).split('\n')).toEqual([
    '; Rendered by WordpressApp.', 'opcache.memory_consumption = 64', 'opcache.max_accelerated_files = 16229',
    'upload_max_filesize = 64M', 'post_max_size = 64M', '',
  ]);
  expect(phpIni(DEFAULT_WORKER_BUDGET, { uploadMaxFilesize: '10M', postMaxSize: '12M', keepAliveTimeoutSeconds: 0 })).toContain('upload_max_filesize = 10M\npost_max_size = 12M\n');
});

test('a keep-alive timeout turns KeepAlive on with that timeout', () => {
  const lines = apacheConfig(DEFAULT_WORKER_BUDGET, { ...DEFAULT_WEB_TIER, keepAliveTimeoutSeconds: 2 }).split('\n');
  expect(lines).toEqual(expect.arrayContaining(['KeepAlive On', 'KeepAliveTimeout 2']));
  expect(lines).not.toContain('KeepAlive Off');
});

test('PHP sizes: whole numbers with K, M or G, as php.ini reads them', () => {
  expect(phpSizeBytes('64M')).toBe(64 * MI);
  expect(phpSizeBytes('512K')).toBe(512 * 1024);
  expect(phpSizeBytes('1G')).toBe(1024 * MI);
  expect(phpSizeBytes('1048576')).toBe(MI);
  for (const bad of ['64MB', '1.5G', '0', '064M', ' 64M', '64m', '', 64, undefined]) expect(phpSizeBytes(bad)).toBeUndefined();
});

test('upload settings: each problem by field, post_max_size at least upload_max_filesize', () => {
  expect(webTierProblems(DEFAULT_WEB_TIER)).toEqual([]);
  expect(webTierProblems({ uploadMaxFilesize: '64M', postMaxSize: '64M', keepAliveTimeoutSeconds: 15 })).toEqual([]);
  expect(webTierProblems({ uploadMaxFilesize: 'x', postMaxSize: 'y', keepAliveTimeoutSeconds: 16 }).map((f) => f.field))
    .toEqual(['uploadMaxFilesize', 'postMaxSize', 'keepAliveTimeoutSeconds']);
  expect(webTierProblems({ uploadMaxFilesize: '65M', postMaxSize: '64M', keepAliveTimeoutSeconds: 0 }).map((f) => f.field)).toEqual(['postMaxSize']);
  expect(webTierProblems({ uploadMaxFilesize: '64M', postMaxSize: '65536K', keepAliveTimeoutSeconds: 0 })).toEqual([]);
});
