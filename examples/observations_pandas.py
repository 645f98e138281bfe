# Python 3: pip install pandas, then python3 observations_pandas.py [BASE_URL]
# Requests refused as state secrets (表三（三）1, total column) by agency and year, and what those cells printed.
import sys

import pandas as pd

base = sys.argv[1] if len(sys.argv) > 1 else "https://xxgk.example/data/latest/"
# Keep codes and ids as text; value is a number, empty (NaN) when the cell is blank, "-" or text (see kind).
obs = pd.read_csv(base + "data/observations.csv", encoding="utf-8-sig", dtype={"region": str, "raw": str}, keep_default_na=False, na_values={"value": [""]})
cells = obs[(obs["table"] == "applications") & (obs["row"] == "denied.state_secret") & (obs["column"] == "total")]
# pivot, not pivot_table(aggfunc="sum"): a sum would turn a blank cell (NaN) into 0.
print(cells.pivot(index="agency", columns="year", values="value").to_string())
print(cells["kind"].value_counts().to_string())
