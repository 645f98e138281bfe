#!/bin/sh
# curl + jq: sh reports-curl.sh [BASE_URL] — one line per report (year, agency, requests received, warnings),
# then the lines of the observations feed for one report.
set -eu
base="${1:-https://xxgk.example/data/latest/}"
curl -fsS "${base}feed/reports.json" | jq -r '.reports[] | [.year, .agency, .headline.received, .warnings] | @tsv'
first=$(curl -fsS "${base}feed/reports.json" | jq -r '.reports[0] | "\(.id) \(.year)"')
id="${first% *}"
year="${first#* }"
# The feed is split by year (feed/observations/2020.ndjson, then 2020-2.ndjson … when a year is large):
# manifest.json lists every file of the release.
for part in $(curl -fsS "${base}manifest.json" | jq -r --arg p "feed/observations/$year" '.files[].path | select(startswith($p))'); do
  curl -fsS "${base}${part}" | jq -c --arg id "$id" 'select(.report_id == $id and .table == "appeals" and .column == "total")'
done
