# Python 3: pip install requests jsonschema, then python3 reports_feed.py [BASE_URL]
# Reads the reports index (its parts, one a year), checks each against the JSON Schema its $schema names, and
# prints the latest year.
import sys

import jsonschema
import requests


def checked(url):
    doc = requests.get(url, timeout=30).json()
    schema = requests.get(doc["$schema"], timeout=30).json()
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    return doc


base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
# feed/reports.json names the parts (feed/reports/<year>.json, <year>-2.json … when a year is large).
index = checked(base + "feed/reports.json")
latest = max(p["year"] for p in index["parts"])
print(f"version {index['version']}, {index['count']} reports; {latest}:")
for part in index["parts"]:
    if part["year"] == latest:
        for r in checked(part["url"])["reports"]:
            h = r["headline"]
            print(f"{r['agency']}\treceived {h['received']}\twarnings {r['warnings']}")
