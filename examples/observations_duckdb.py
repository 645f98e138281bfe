# Python 3: pip install duckdb, then python3 observations_duckdb.py [BASE_URL]
# Saves data/observations.csv here, then SQL over it: requests received per year (三 一、本年新收, total column).
import sys
import urllib.request

import duckdb

base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
urllib.request.urlretrieve(base + "data/observations.csv", "observations.csv")
rows = duckdb.sql("""
    SELECT year, count(*) AS reports, sum(value) AS received
    FROM read_csv('observations.csv', header = true, types = {'value': 'DOUBLE', 'region': 'VARCHAR', 'raw': 'VARCHAR'})
    WHERE "table" = 'applications' AND "row" = 'received' AND "column" = 'total'
    GROUP BY year ORDER BY year
""").fetchall()
for year, reports, received in rows:
    print(f"{year}\t{reports} reports\t{received:.0f} received")
