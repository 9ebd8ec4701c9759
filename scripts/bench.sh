#!/usr/bin/env bash
# bench.sh runs the end-to-end benchmarks (batch/bench_test.go) and, on the
# same files in the same run, the tools to compare with, and prints one table.
#
#   scripts/bench.sh            county workbook and 100k-row ledger
#   FUNDCHECK_BENCH_BIG=1 scripts/bench.sh
#                               also the 1M-row ledger and a folder of 3,000 files
#
# Columns:
#   fundcheck      read + check + write the annotated copy: wall time per file
#                  from `go test -bench` (peak heap), and peak RSS of the real
#                  fundcheck binary doing the same (/usr/bin/time, process
#                  start included)
#   excelize path  the same work with excelize: GetRows of every sheet, note
#                  and filled style on every flagged cell, whole workbook written
#   openpyxl       /usr/bin/python3, load_workbook(read_only=True), every cell
#                  of every sheet iterated (reading only)
#   unzip          `unzip -p` of the worksheet parts to /dev/null: the floor
set -euo pipefail
cd "$(dirname "$0")/.."

big=${FUNDCHECK_BENCH_BIG:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/fundcheck" .
bench() { # pattern benchtime
	go test ./batch/ -run '^$' -bench "$1" -benchtime "$2" -timeout 60m | tee -a "$work/bench.txt" >&2
}
bench '^BenchmarkFile$/^(county|ledger100k)$/^fundcheck$' "${BENCHTIME:-5x}"
bench '^BenchmarkBatch$/^files=300$' 1x
# The excelize way runs once: on the 100k ledger it takes tens of seconds.
bench '^BenchmarkFile$/^(county|ledger100k)$/^excelize$' 1x
if [[ -n $big ]]; then # once: a minute or more each
	bench '^BenchmarkFile$/^ledger1M$/^fundcheck$' 1x
	bench '^BenchmarkBatch$/^files=3000$' 1x
fi

# metric NAME UNIT: the value before UNIT on the benchmark line NAME.
metric() {
	awk -v n="$1" -v u="$2" '$1 ~ "^Benchmark"n"(-[0-9]+)?$" { for (i = 2; i < NF; i++) if ($(i+1) == u) { print $i; exit } }' "$work/bench.txt"
}
ms() { awk -v x="$1" 'BEGIN { if (x == "") print "—"; else if (x >= 1e9) printf "%.2f s", x/1e9; else printf "%.1f ms", x/1e6 }'; }
mb() { awk -v x="$1" 'BEGIN { if (x == "") print "—"; else printf "%.0f MB", x }'; }

# timed CMD…: "seconds kilobytes" of one run.
timed() {
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
	cat "$work/time"
}
secs() { awk -v x="$1" 'BEGIN { if (x < 0.01) print "< 10 ms"; else if (x < 1) printf "%.0f ms", x*1000; else printf "%.2f s", x }'; }

cat >"$work/openpyxl_read.py" <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    ws.reset_dimensions()  # excelize writes no <dimension>; openpyxl would stop at A1
    for row in ws.iter_rows(values_only=True):
        pass
wb.close()
PY

row() { # label file bench-name
	local label=$1 file=$2 name=$3
	read -r fs fk < <(timed "$work/fundcheck" check --no-pause --overwrite -o "$work/out" "$file")
	local os ok us
	if [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
		read -r os ok < <(timed /usr/bin/python3 "$work/openpyxl_read.py" "$file")
		os="$(secs "$os"), $((ok / 1024)) MB RSS"
	else
		os="—"
	fi
	read -r us _ < <(timed sh -c "unzip -p '$file' 'xl/worksheets/sheet*.xml' >/dev/null")
	printf '| %s | %s, %s heap; binary %s, %d MB RSS | %s, %s heap | %s | %s |\n' "$label" \
		"$(ms "$(metric "File/$name/fundcheck" ns/op)")" "$(mb "$(metric "File/$name/fundcheck" peak-heap-MB)")" \
		"$(secs "$fs")" $((fk / 1024)) \
		"$(ms "$(metric "File/$name/excelize" ns/op)")" "$(mb "$(metric "File/$name/excelize" peak-heap-MB)")" \
		"$os" "$(secs "$us")"
}

mkdir -p "$work/out"


tmp=${TMPDIR:-/tmp}
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go env GOVERSION)"
echo
echo '| work | fundcheck | excelize path | openpyxl read-only (read only) | unzip sheets |'
echo '|---|---|---|---|---|'
row 'county workbook, 50 projects, 2,000 payments, 60 flagged cells' "$tmp/fundcheck-bench-50-2000-30.xlsx" county
row '100k-row ledger, 1,000 flagged cells' "$tmp/fundcheck-bench-50-100000-500.xlsx" ledger100k
if [[ -n $big ]]; then
	row '1M-row ledger, 1,000 flagged cells' "$tmp/fundcheck-bench-50-1000000-500.xlsx" ledger1M
fi
for n in 300 3000; do
	t=$(metric "Batch/files=$n" ns/op)
	[[ -n $t ]] || continue
	rss='—'
	if [[ -n $big ]]; then
		mkdir -p "$work/in$n" "$work/out$n"
		for ((i = 0; i < n; i++)); do
			cp "$tmp/fundcheck-bench-50-2000-$((i % 5 * 10)).xlsx" "$work/in$n/县$i.xlsx"
		done
		read -r bs bk < <(timed "$work/fundcheck" check --no-pause --overwrite -j 2 -o "$work/out$n" "$work/in$n")
		rss="binary $(secs "$bs"), $((bk / 1024)) MB RSS"
	fi
	printf '| batch of %d county workbooks, 2 jobs | %s (%s ms/file), %s heap; %s | — | — | — |\n' "$n" \
		"$(ms "$t")" "$(metric "Batch/files=$n" ms/file)" "$(mb "$(metric "Batch/files=$n" peak-heap-MB)")" "$rss"
done
