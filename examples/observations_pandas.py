# Python 3: pip install pandas, then python3 observations_pandas.py [BASE_URL]
# Requests refused as state secrets (表三（三）1, total column) by agency and year, and what those cells printed.
import json
import sys
import urllib.request

import pandas as pd

base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
# observations.csv comes in one file per year (data/observations/2024.csv, …): datapackage.json lists them.
package = json.load(urllib.request.urlopen(base + "datapackage.json"))
paths = next(r["path"] for r in package["resources"] if r["name"] == "observations")
# Keep codes and ids as text; value is a number, empty (NaN) when the cell is blank, "-" or text (see kind).
read = lambda path: pd.read_csv(base + path, encoding="utf-8-sig", dtype={"region": str, "raw": str}, keep_default_na=False, na_values={"value": [""]})
obs = pd.concat([read(path) for path in paths], ignore_index=True)
cells = obs[(obs["table"] == "applications") & (obs["row"] == "denied.state_secret") & (obs["column"] == "total")]
# pivot, not pivot_table(aggfunc="sum"): a sum would turn a blank cell (NaN) into 0.
print(cells.pivot(index="agency", columns="year", values="value").to_string())
print(cells["kind"].value_counts().to_string())
