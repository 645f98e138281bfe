# Python 3: pip install requests jsonschema, then python3 reports_feed.py [BASE_URL]
# Reads the reports index, checks it against the JSON Schema its $schema names, and prints the latest year.
import sys

import jsonschema
import requests

base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
feed = requests.get(base + "feed/reports.json", timeout=30).json()
schema = requests.get(feed["$schema"], timeout=30).json()
jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(feed)

latest = max(r["year"] for r in feed["reports"])
print(f"version {feed['version']}, {len(feed['reports'])} reports; {latest}:")
for r in feed["reports"]:
    if r["year"] == latest:
        h = r["headline"]
        print(f"{r['agency']}\treceived {h['received']}\twarnings {r['warnings']}")
