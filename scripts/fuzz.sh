#!/bin/sh
# Runs every fuzz target of the given packages, one after another, each for
# DURATION (default 20s), with one worker so it shares a small machine.
#
#   scripts/fuzz.sh            # 20s each, every package with fuzz targets
#   scripts/fuzz.sh 10m        # 10 minutes each
#   scripts/fuzz.sh 30s ./sheets ./checker
#
# A crash stops the script; go test has written the input to
# <pkg>/testdata/fuzz/<Target>/ — commit it as a regression seed.
set -eu
duration=${1:-20s}
[ $# -gt 0 ] && shift
pkgs=${*:-./sheets ./internal/xlsx ./internal/xlsxpatch}
cd "$(dirname "$0")/.."
for pkg in $pkgs; do
	for target in $(go test "$pkg" -list '^Fuzz' | grep '^Fuzz' || true); do
		echo "== $pkg $target ($duration)"
		go test "$pkg" -run "^$" -fuzz "^$target\$" -fuzztime "$duration" -fuzzminimizetime 10s -parallel 1
	done
done
