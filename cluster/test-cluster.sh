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
# The vendored CRDs first, as a cluster running the operators would have them.
kctl apply --server-side -f imports/crds/ >/dev/null
kctl wait --for=condition=Established crd --all --timeout=60s >/dev/null
"${jest[@]}" --testPathIgnorePatterns /node_modules/ 'teardown\.test\.ts$' --testMatch '<rootDir>/test/cluster/**/*.test.ts' || status=$?
bash cluster/cluster.sh down
"${jest[@]}" --testPathIgnorePatterns /node_modules/ --testMatch '<rootDir>/test/cluster/teardown.test.ts' || status=$?
exit $status
