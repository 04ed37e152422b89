"""_frames.py: the documents of concert as tables in long format (one observation a row).

rows(doc) gives a list of dicts with the same keys in every row; frame(doc) the same as a
pandas DataFrame (pandas is optional: only frame() needs it). The row of each schema is
documented in docs/python.md.
"""


def _flat(prefix, value, out):
    """Scalars as they are; lists of scalars joined with ';'; dicts as prefix_key."""
    if isinstance(value, dict):
        for k, v in value.items():
            _flat("%s_%s" % (prefix, k) if prefix else k, v, out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out[prefix] = ";".join("" if v is None else str(v) for v in value)
    else:
        out[prefix] = value
    return out


def _outcome(doc):
    # one row per agenda issue
    base = {"scenario": doc.get("scenario"), "forum": doc.get("forum"),
            "model": doc.get("model")}
    return [_flat("", i, dict(base)) for i in doc["issues"]]


def _compare(doc):
    # one row per forum and issue
    out = []
    for f in doc["forums"]:
        for issue, r in f["issues"].items():
            out.append(_flat("", r, {"forum": f["forum"], "issue": issue}))
    return out


def _compare_sweep(doc):
    # one row per forum and issue: the chance of a statement and of a joint one
    out = []
    for f in doc["forums"]:
        for issue, r in f["statements"].items():
            out.append(_flat("", r, {"forum": f["forum"], "issue": issue, "runs": doc["runs"]}))
    return out


def _sweep(doc):
    # one row per agenda issue and member
    out = []
    for i in doc["issues"]:
        head = _flat("", {k: v for k, v in i.items() if k not in ("members", "issue")},
                     {"forum": doc["forum"], "issue": i["issue"]})
        for m in i["members"]:
            out.append(_flat("", m, dict(head)))
    return out


def _power(doc):
    # one row per player
    return [_flat("", r, {"game": doc.get("game")}) for r in doc["rows"]]


def _cohesion(doc):
    # one row per ordered pair of members (i != j)
    ids = [m["iso3"] for m in doc["members"]]
    out = []
    for a, x in enumerate(ids):
        for b, y in enumerate(ids):
            if a != b:
                out.append({"member": x, "other": y, "agreement": doc["agreement"][a][b],
                            "lijphart": doc["lijphart"][a][b], "joint": doc["joint"][a][b]})
    return out


def _history(doc):
    # one row per summit
    return [_flat("", s, {"forum": doc["forum"]}) for s in doc["summits"]]


_BY_SCHEMA = {
    "concert-outcome": _outcome,
    "concert-compare": _compare,
    "concert-compare-sweep": _compare_sweep,
    "concert-sweep": _sweep,
    "concert-power": _power,
    "concert-cohesion": _cohesion,
    "concert-history": _history,
}


def rows(doc):
    """The document's observations as a list of dicts (long format)."""
    schema = str(doc.get("schema", "")).split("/")[0]
    if schema not in _BY_SCHEMA:
        raise ValueError("concert: no table for schema %r" % doc.get("schema"))
    out = _BY_SCHEMA[schema](doc)
    keys = []
    for r in out:
        keys.extend(k for k in r if k not in keys)
    return [{k: r.get(k) for k in keys} for r in out]


def frame(doc):
    """The document's observations as a pandas DataFrame (long format). Needs pandas."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("concert.frame needs pandas; concert.rows gives the same rows "
                          "as a list of dicts") from e
    return pandas.DataFrame(rows(doc))
