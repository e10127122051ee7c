#!/usr/bin/env bash
# The Prometheus side of a fleet (README: Monitoring a fleet), with Debian's promtool (package
# prometheus): the alerting rules load, their unit tests pass, and the example metrics file
# follows the text format.
# Usage: tests/package/test_monitoring.sh
set -euo pipefail
cd "$(dirname "$0")/../../src/deploy/monitoring"
echo "== promtool check rules"
promtool check rules wegwijzer-rules.yml
echo "== promtool test rules"
promtool test rules wegwijzer-rules.test.yml wegwijzer-clock.test.yml
echo "== promtool check metrics < example.prom"
promtool check metrics <example.prom
echo "test_monitoring: all passed"
