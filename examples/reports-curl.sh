#!/bin/sh
# curl + jq: sh reports-curl.sh [BASE_URL] — one line per report (year, agency, requests received, warnings),
# then the lines of the observations feed for one report.
set -eu
base="${1:-https://xxgk.example/data/latest/}"
curl -fsS "${base}feed/reports.json" | jq -r '.reports[] | [.year, .agency, .headline.received, .warnings] | @tsv'
first=$(curl -fsS "${base}feed/reports.json" | jq -r '.reports[0].id')
curl -fsS "${base}feed/observations.ndjson" | jq -c --arg id "$first" 'select(.report_id == $id and .table == "appeals" and .column == "total")'
