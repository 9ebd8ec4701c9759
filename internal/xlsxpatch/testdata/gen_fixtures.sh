#!/bin/sh
# Regenerates the fixtures: openpyxl.xlsx, and the same workbook saved by
# LibreOffice (libreoffice.xlsx, notes with o:spid="shape_0"-style ids) and
# gnumeric (gnumeric.xlsx).
set -e
cd "$(dirname "$0")"
/usr/bin/python3 gen_fixtures.py
tmp=$(mktemp -d)
cp openpyxl.xlsx "$tmp/libreoffice.xlsx"
soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/out" "$tmp/libreoffice.xlsx" >/dev/null
cp "$tmp/out/libreoffice.xlsx" libreoffice.xlsx
ssconvert openpyxl.xlsx gnumeric.xlsx 2>/dev/null
rm -rf "$tmp"
# Fuzz seeds: each writer's ledger sheet, in Go's corpus format.
for f in openpyxl libreoffice gnumeric; do
	unzip -p $f.xlsx xl/worksheets/sheet2.xml | /usr/bin/python3 -c '
import sys
d = sys.stdin.buffer.read()
sys.stdout.write("go test fuzz v1\n[]byte(\"" + "".join(chr(b) if 32 <= b < 127 and b not in b"\"\\" else "\\x%02x" % b for b in d) + "\")\n")' >fuzz/FuzzRewriteSheet/${f}_ledger
done
