import {
  apacheConfig,
  DEFAULT_WORKER_BUDGET,
  memoryArithmetic,
  PARENT_OVERHEAD_MI,
  phpIni,
  requiredMemoryMi,
  WORKER_OVERHEAD_MI,
  workerBudgetProblems,
} from '../../lib/wordpress/php-memory';

const MI = 1024 * 1024;

test('the arithmetic: workers x (memory_limit + per-worker overhead) + opcache + parent', () => {
  expect(WORKER_OVERHEAD_MI).toBe(16);
  expect(PARENT_OVERHEAD_MI).toBe(32);
  expect(requiredMemoryMi(DEFAULT_WORKER_BUDGET)).toBe(672);
  expect(requiredMemoryMi({ maxRequestWorkers: 10, phpMemoryLimitMi: 256, opcacheMemoryMi: 128 })).toBe(10 * 272 + 128 + 32);
  expect(memoryArithmetic(DEFAULT_WORKER_BUDGET)).toBe('4 workers x (128 MiB memory_limit + 16 MiB) + 64 MiB opcache + 32 MiB = 672 MiB');
});

test('a limit at the requirement passes; one MiB less, or none, fails', () => {
  expect(workerBudgetProblems(DEFAULT_WORKER_BUDGET, 672 * MI)).toEqual([]);
  expect(workerBudgetProblems(DEFAULT_WORKER_BUDGET, 671 * MI)[0].problem).toMatch(/^needs a memory limit of at least 672Mi .* but the limit is 671Mi/);
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

test('the Apache configuration caps prefork at the workers and locks memory_limit; the PHP ini sizes opcache', () => {
  expect(apacheConfig({ maxRequestWorkers: 1, phpMemoryLimitMi: 64, opcacheMemoryMi: 16 }).split('\n')).toEqual([
    '# Rendered by WordpressApp. Memory arithmetic:',
    '# 1 workers x (64 MiB memory_limit + 16 MiB) + 16 MiB opcache + 32 MiB = 128 MiB',
    'StartServers 1', 'MinSpareServers 1', 'MaxSpareServers 1', 'ServerLimit 1', 'MaxRequestWorkers 1', 'MaxConnectionsPerChild 1000',
    'php_admin_value memory_limit 64M',
    'Alias /-/ready /usr/local/share/wordpress-k8s/ready.php',
    '<Directory /usr/local/share/wordpress-k8s>', '\tOptions FollowSymLinks', '\tRequire all granted', '</Directory>', '',
  ]);
  expect(phpIni(DEFAULT_WORKER_BUDGET)).toBe('; Rendered by WordpressApp.\nopcache.memory_consumption = 64\n');
});
