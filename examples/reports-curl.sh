#!/bin/sh
# curl + jq: sh reports-curl.sh [BASE_URL] — one line per report (year, agency, requests received, warnings),
# then the lines of the observations feed for one report.
set -eu
base="${1:-https://xxgk.example/data/latest/}"
# feed/reports.json is the index of the reports index's parts, one a year (feed/reports/2024.json, then
# 2024-2.json … when a year is large): fetch each part it names.
parts=$(curl -fsS "${base}feed/reports.json" | jq -r '.parts[].url')
for url in $parts; do
  curl -fsS "$url" | jq -r '.reports[] | [.year, .agency, .headline.received, .warnings] | @tsv'
done
first=$(curl -fsS "$(echo "$parts" | head -n 1)" | jq -r '.reports[0] | "\(.id) \(.year)"')
id="${first% *}"
year="${first#* }"
# The feed is split by year (feed/observations/2020.ndjson, then 2020-2.ndjson … when a year is large):
# manifest.json lists every file of the release.
for part in $(curl -fsS "${base}manifest.json" | jq -r --arg p "feed/observations/$year" '.files[].path | select(startswith($p))'); do
  curl -fsS "${base}${part}" | jq -c --arg id "$id" 'select(.report_id == $id and .table == "appeals" and .column == "total")'
done
