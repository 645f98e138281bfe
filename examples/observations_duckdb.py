# Python 3: pip install duckdb, then python3 observations_duckdb.py [BASE_URL]
# Saves the Parquet files of the observations here (datapackage.json lists them, one a year), then SQL over them:
# requests received per year (三 一、本年新收, total column).
import json
import sys
import urllib.request

import duckdb

base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
package = json.load(urllib.request.urlopen(base + "datapackage.json"))
files = []
for path in next(r["path"] for r in package["resources"] if r["name"] == "observations-parquet"):
    files.append(path.replace("/", "_"))
    urllib.request.urlretrieve(base + path, files[-1])
rows = duckdb.sql(f"""
    SELECT year, count(*) AS reports, sum(value) AS received
    FROM read_parquet({files!r})
    WHERE "table" = 'applications' AND "row" = 'received' AND "column" = 'total'
    GROUP BY year ORDER BY year
""").fetchall()
for year, reports, received in rows:
    print(f"{year}\t{reports} reports\t{received:.0f} received")
