#!/usr/bin/env bash
# npm run test:cluster: starts the real cluster, runs the cluster suites against it, stops it, and
# checks that nothing was left behind. The cluster is stopped whatever the suites' outcome.
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_root test:cluster
cd "$REPO"
jest=(npx jest --runInBand)
bash cluster/cluster.sh up
status=0
"${jest[@]}" --testPathIgnorePatterns /node_modules/ 'teardown\.test\.ts$' --testMatch '<rootDir>/test/cluster/**/*.test.ts' || status=$?
bash cluster/cluster.sh down
"${jest[@]}" --testPathIgnorePatterns /node_modules/ --testMatch '<rootDir>/test/cluster/teardown.test.ts' || status=$?
exit $status
