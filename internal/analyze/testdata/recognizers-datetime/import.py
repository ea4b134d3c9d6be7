#!/usr/bin/env python3
"""Import the English date cases of Microsoft Recognizers-Text that fit briefbook's timeline.

Usage: python3 import.py REPO_GIT_DIR > /dev/null   (writes cases.json and skipped.json beside this file)

Only the inputs and the expected values of the spec files are read (no code).
Our contract: an absolute date or date range written with its year, at year,
month or day precision ("YYYY", "YYYY-MM", "YYYY-MM-DD", optional end).
Every case that does not fit is written to skipped.json with its category.
"""
import json, os, re, subprocess, sys

FILES = ["DateParser", "DatePeriodParser", "MergedParser", "DateTimeModel"]
HERE = os.path.dirname(os.path.abspath(__file__))

YEAR = re.compile(r"(?<!\d)(1\d{3}|2\d{3})(?!\d)")
RELATIVE = re.compile(r"\b(today|tomorrow|yesterday|tonight|now|current|next|last|this|that|previous|coming|ago|later|earlier|recent|past|upcoming|following|weekend|week|day after|day before|since then|until then)\b", re.I)

# Expected values the simple mapping below gets wrong (mixed precision,
# exclusive ends), by input; "skip:CATEGORY" skips the case.
OVERRIDES = {
    "I'll be out between January 1st 2015 and Feb 2018": [("2015-01-01", "2018-02")],
    "I'll be out between 2015 and Feb 2018": [("2015", "2018-02")],
    "I'll be out from Feb 1st to March 2019": [("2019-02-01", "2019-03")],
    "I'll be out between Feb 1st and March 2019": [("2019-02-01", "2019-03")],
    "I'll be out between 2015 May and 2018": [("2015-05", "2018")],
    "I'll be out between May 2015 and 2018": [("2015-05", "2018")],
    "I'll be out between 2015 and January 5th 2018": [("2015", "2018-01-05")],
    "I'll be out from 2015 to May 5th, 2017": [("2015", "2017-05-05")],
    "The range is in 2014 through May 2018.": [("2014", "2018-05")],
    "The range is in 2014 through May 2nd 2018.": [("2014", "2018-05-02")],
    "APEC will happen in Korea Nov-Feb 5th, 2017": [("2016-11", "2017-02-05")],
    "The sales went up during from 2017-q1 to 2018-q1": [("2017-01", "2018-03")],
    "The sales went up during from 2017 q1 to 2018 q1": [("2017-01", "2018-03")],
    "The sales went up during from q1 of 2017 - q3 of 2018": [("2017-01", "2018-09")],
    "The range is from 2007 to the end of 2008.": [("2007", "2008")],
    "The range is between 2007 and the end of 2008.": [("2007", "2008")],
    "The range is from 2007 to the start of 2008.": [("2007", "2008")],
    "The range is between the end of 2007 and the end of 2008.": [("2007", "2008")],
    "The range is from the middle of 2007 to the end of 2008.": [("2007", "2008")],
    "It happened the year before 2015": "skip:offset",
    "The event happened in two years since 2011.": "skip:offset",
    "The event happened in two weeks since the year 2011.": "skip:offset",
    "It will happen 16 days from 01/02/2018.": "skip:offset",
    "It happened 2 weeks before May 13 1999.": "skip:offset",
}

SKIP_REASONS = {
    "relative": "relative to the moment of speaking (tomorrow, next week, this May): a document has no reference date",
    "no-year": "a day or month without a year and no year in the text: resolving it needs a reference date",
    "time": "a time of day or a duration only: not a date",
    "week": "week precision (2015-W01, a weekend): no ISO form in the timeline contract",
    "decade": "a decade (the 1970s): the facts guidelines put decades in timeline_partial, not the timeline",
    "holiday": "a holiday with a year (Easter 2018): needs a calendar of feasts; the guidelines put holidays in timeline_partial",
    "fiscal": "fiscal or school year (FY2008): its calendar months depend on the organisation",
    "offset": "date arithmetic (16 days from 01/02/2018, two years since 2011): not a date written in the text",
    "relative-end": "a range ending at today or now: the end needs a reference date",
    "impossible": "an impossible calendar date (February 30): the suite resolves it as written, the timeline drops it",
}


def load(repo, name):
    raw = subprocess.run(["git", "-C", repo, "show", f"HEAD:Specs/DateTime/English/{name}.json"],
                         check=True, capture_output=True).stdout
    return json.loads(raw.decode("utf-8-sig"))


def timexes(r):
    v = r.get("Value") or r.get("Resolution") or {}
    if "Timex" in v:
        return [v["Timex"]], v.get("Mod", "")
    vals = v.get("values", [])
    return [x.get("timex", "") for x in vals], (vals[0].get("Mod", "") if vals else "")


def kind(r):
    return (r.get("Type") or r.get("TypeName") or r.get("Typename") or "").replace("datetimeV2.", "")


def month_before(iso):
    y, m = int(iso[:4]), int(iso[5:7])
    m -= 1
    if m == 0:
        y, m = y - 1, 12
    return f"{y:04d}-{m:02d}"


def valid_day(iso):
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if not 1 <= m <= 12:
        return False
    days = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= d <= days[m - 1]


def classify(r):
    """Returns (group, date, end) or ("skip:CATEGORY", None, None) or (None, None, None) for a result with no written year."""
    text = r["Text"]
    tx, mod = timexes(r)
    k = kind(r)
    if not YEAR.search(text):
        if k in ("time", "timerange", "duration", "set") or all(t.startswith(("T", "P")) for t in tx):
            return "skip:time", None, None
        if RELATIVE.search(text):
            return "skip:relative", None, None
        return "skip:no-year", None, None
    low = text.lower()
    if re.search(r"\d0\s?'?s\b", low):
        return "skip:decade", None, None
    if re.search(r"\b(today|now|yesterday|tomorrow|current date)\b", low) or re.search(r"\b(next|last|this)\b", low) and "week" not in low:
        return "skip:relative-end", None, None
    t = tx[0].split(";")[0]
    if any("W" in x for x in tx) or "week" in low:
        return "skip:week", None, None
    if t.startswith(("FY", "SY")):
        return "skip:fiscal", None, None
    if "T" in t:
        # A date-time or a range of times on one day: its date.
        days = set(re.findall(r"\d{4}-\d{2}-\d{2}", tx[0]))
        if len(days) != 1:
            return "skip:time", None, None
        t = days.pop()
    m = re.fullmatch(r"\((\d{4}(?:-\d{2}(?:-\d{2})?)?),(\d{4}(?:-\d{2}(?:-\d{2})?)?),P(\d+|X)([YMDW]|H)\)", t)
    if m:
        a, b, unit = m.group(1), m.group(2), m.group(4)
        if a == b:
            t = a
        else:
            if len(a) == 10 and (not valid_day(a) or not valid_day(b)):
                return "skip:impossible", None, None
            if re.search(r"\b(q[1-4]|h[12]|quarter|half|months)\b|\dh[12]\b|-q[1-4]|q[1-4]-", low):
                return "part", a[:7], month_before(b)
            if unit == "Y":
                return "range", a[:4], b[:4]
            if unit == "M":
                return "range", a[:7], b[:7]
            return "range", a[:10], b[:10]
    if re.fullmatch(r"\d{4}-(SU|SP|FA|WI)", t):
        return "part", t[:4], ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        if not valid_day(t):
            return "skip:impossible", None, None
        # A holiday: a full date with neither a day number nor a month written.
        if not re.search(r"\d{1,2}(st|nd|rd|th)?\b(?!\d)|first|second|third|fourth|twenty|thirty", low.replace(t[:4], "")) and not re.search(r"\d+[-/.]\d+", low):
            return "skip:holiday", None, None
        group = "day"
    elif re.fullmatch(r"\d{4}-\d{2}", t):
        group = "month"
    elif re.fullmatch(r"\d{4}", t):
        group = "year"
        if re.search(r"\b(end|beginning|middle|mid|start|early|late)\b", low):
            group = "part"
    else:
        return "skip:unknown:" + t, None, None
    if mod in ("before", "after", "since", "until") or re.search(r"\b(before|after|since|until|later|earlier|sooner|greater|starting|ending)\b|[<>=]", low):
        group = "open"
    return group, t, ""


def main():
    repo = sys.argv[1]
    head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    cases, skipped, seen = [], [], set()
    for name in FILES:
        for i, c in enumerate(load(repo, name)):
            inp = c["Input"]
            key = inp.strip().lower()
            if key in seen:
                continue
            seen.add(key)
            cid = f"{name}#{i}"
            want, groups, skip = [], [], ""
            ov = OVERRIDES.get(inp)
            if isinstance(ov, str):
                skip = ov[5:]
            for r in c.get("Results", []):
                g, d, e = classify(r)
                if g is None:
                    continue
                if g.startswith("skip:"):
                    # A result without a written year is simply not expected
                    # in a case whose other results fit.
                    if g[5:] in ("relative", "no-year", "time"):
                        groups.append(g)
                        continue
                    skip = skip or g[5:]
                    continue
                want.append({"text": r["Text"], "date": d, "end": e})
                groups.append(g)
            if isinstance(ov, list):
                for w, (d, e) in zip(want, ov):
                    w["date"], w["end"] = d, e
            fitting = [g for g in groups if not g.startswith("skip:")]
            if skip:
                skipped.append({"id": cid, "input": inp, "skip": skip})
                continue
            if not fitting:
                if YEAR.search(inp) and not c.get("Results"):
                    cases.append({"id": cid, "group": "not-a-date", "input": inp, "want": []})
                elif groups:
                    skipped.append({"id": cid, "input": inp, "skip": sorted(set(groups))[0][5:]})
                else:
                    skipped.append({"id": cid, "input": inp, "skip": "no-year" if not YEAR.search(inp) else "time"})
                continue
            # The group of a case is that of its first fitting result.
            cases.append({"id": cid, "group": fitting[0], "input": inp, "want": want})
    # One case a line, so that a diff of a new import reads case by case.
    def lines(xs):
        return "[\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in xs) + "\n]"
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        f.write(lines(cases) + "\n")
    with open(os.path.join(HERE, "skipped.json"), "w", encoding="utf-8") as f:
        f.write('{"commit": %s,\n"reasons": %s,\n"cases": %s}\n' % (
            json.dumps(head), json.dumps(SKIP_REASONS, ensure_ascii=False, indent=1), lines(skipped)))
    counts = {}
    for s in skipped:
        counts[s["skip"]] = counts.get(s["skip"], 0) + 1
    groups = {}
    for c in cases:
        groups[c["group"]] = groups.get(c["group"], 0) + 1
    print("commit", head, "cases", len(cases), groups, "skipped", counts, file=sys.stderr)


if __name__ == "__main__":
    main()
