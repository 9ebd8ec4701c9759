#!/bin/sh
# Regenerates the committed broken-input corpus (needs soffice for legacy.xls).
# The large cases (zip bombs, the 200,000-row ledger) are made by the tests
# themselves in a temporary directory.
set -e
cd "$(dirname "$0")/../../.."
go test ./sheets -run '^TestGenerateCorpus$' -update-corpus -count=1
