#!/bin/sh
# Regenerates the reader's fixtures: openpyxl writes report.xlsx (formulas
# without cached values), dates1904.xlsx, headers_only.xlsx and missing.xlsx;
# LibreOffice and gnumeric then save report.xlsx again as report_lo.xlsx and
# report_gnumeric.xlsx, each in its own way (cached formula results, 21-digit
# numbers from gnumeric), and LibreOffice saves dates1904.xlsx as
# dates1904_lo.xlsx.
set -e
cd "$(dirname "$0")"
/usr/bin/python3 gen_fixtures.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp" report.xlsx >/dev/null
mv "$tmp"/report.xlsx report_lo.xlsx
soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp" dates1904.xlsx >/dev/null
mv "$tmp"/dates1904.xlsx dates1904_lo.xlsx
ssconvert --export-type=Gnumeric_Excel:xlsx2 report.xlsx report_gnumeric.xlsx 2>/dev/null
