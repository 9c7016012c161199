"""Runs python3-dateparser's search_dates(languages=['fr']) over a text
file and prints "<bytes> <seconds> <dates found>" on stdout."""
import sys, time
from datetime import datetime
from dateparser.search import search_dates

text = open(sys.argv[1], encoding='utf8').read()
t0 = time.perf_counter()
found = 0
for p in text.split('\n'):
    r = search_dates(p, languages=['fr'], settings={'RELATIVE_BASE': datetime(2024, 11, 27)})
    found += len(r or [])
print(len(text.encode('utf8')), time.perf_counter() - t0, found)
