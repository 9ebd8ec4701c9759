#!/bin/sh
# Regenerates the fixtures of package xlsx: the same kind of content written
# by excelize, openpyxl, LibreOffice and gnumeric. Run from this directory.
set -eu
go run ./gen
/usr/bin/python3 gen/write_openpyxl.py openpyxl.xlsx openpyxl1904.xlsx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# LibreOffice recalculates formulas and stores cached values.
cp openpyxl.xlsx "$tmp/libreoffice.xlsx"
cp excelize.xlsx "$tmp/libreoffice-excelize.xlsx"
soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/out" "$tmp/libreoffice.xlsx" "$tmp/libreoffice-excelize.xlsx" >/dev/null
cp "$tmp/out/libreoffice.xlsx" "$tmp/out/libreoffice-excelize.xlsx" .
ssconvert openpyxl.xlsx gnumeric.xlsx 2>/dev/null
ssconvert excelize.xlsx gnumeric-excelize.xlsx 2>/dev/null
