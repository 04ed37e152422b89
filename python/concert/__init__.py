"""concert: great-power summits as bargaining systems, from Python.

A thin ctypes layer over libconcert (standard library only). Every function returns the
documented JSON document (docs/json-schema.md) as dicts and lists; ``frame(doc)`` turns one
into a pandas DataFrame in long format when pandas is installed, ``rows(doc)`` into the
same rows as a list of dicts without it. Errors are raised as ``concert.Error`` carrying
the file, line, column and field the library names. See docs/python.md.
"""
import ctypes
import json

from . import _lib
from ._frames import frame, rows

__all__ = ["Error", "Scenario", "load", "run", "compare", "sweep", "power", "cohesion",
           "history", "frame", "rows", "version"]

_L = _lib.lib
_POWER_INDICES = {"banzhaf": 1, "shapley": 2, "both": 3}


class Error(Exception):
    """A refusal by libconcert: status (e.g. "ERR_RANGE"), file, line, column (1-based, 0
    when unknown), field (the path inside the document, e.g. "forums[2].rule") and
    message."""

    def __init__(self, status, file="", line=0, column=0, field="", message=""):
        self.status, self.file, self.line, self.column = status, file, line, column
        self.field, self.message = field, message
        where = file
        if file and line:
            where += ":%d" % line + (":%d" % column if column else "")
        text = ": ".join(p for p in (where, field, message or status) if p)
        super().__init__(text)


def _b(s):
    return None if s is None else str(s).encode()


def _s(b):
    return b.decode("utf-8", "replace") if b else ""


def _check(st, diag):
    if st != 0:
        raise Error(_s(_L.concert_status_name(st)), _s(diag.file), diag.line, diag.column,
                    _s(diag.path), _s(diag.message))


def _json(fn, *args):
    """Calls a *_to_json function, frees its string with concert_free, parses it."""
    out = ctypes.c_void_p()
    d = _lib.Diag()
    _check(fn(*args, ctypes.byref(out), ctypes.byref(d)), d)
    try:
        return json.loads(ctypes.string_at(out.value).decode("utf-8"))
    finally:
        _L.concert_free(out)


def version():
    """The linked library's version, "MAJOR.MINOR.PATCH"."""
    return _s(_L.concert_version())


class Scenario:
    """A loaded scenario (concert_scenario). Freed with the object; use load()."""

    def __init__(self, path):
        self._p = ctypes.c_void_p()
        d = _lib.Diag()
        _check(_L.concert_scenario_load_file(_b(path), ctypes.byref(self._p), ctypes.byref(d)), d)
        self.path = str(path)

    def __del__(self):
        p = getattr(self, "_p", None)
        if p:
            _L.concert_scenario_free(p)
            self._p = None

    @property
    def name(self):
        return _s(_L.concert_scenario_name(self._p))

    @property
    def forums(self):
        """The forum ids, in file order."""
        n = _L.concert_scenario_forum_count(self._p)
        return [_s(_L.concert_scenario_forum_id(self._p, i)) for i in range(n)]

    def _forum(self, forum):
        if forum is None:
            return 0
        i = ctypes.c_size_t()
        if not _L.concert_scenario_forum_find(self._p, _b(forum), ctypes.byref(i)):
            raise Error("ERR_UNKNOWN_ID", self.path, 0, 0, "forum",
                        "no forum '%s' (forums: %s)" % (forum, ", ".join(self.forums)))
        return i.value

    def __repr__(self):
        return "<concert.Scenario %r: %s>" % (self.path, ", ".join(self.forums))


def load(path):
    """Loads and validates a YAML scenario (docs/scenario-format.md)."""
    return Scenario(path)


def _scenario(s):
    return s if isinstance(s, Scenario) else Scenario(s)


def _model(model):
    if model is None:
        return None
    m = _L.concert_model_find(_b(model))
    if not m:
        raise Error("ERR_NOT_FOUND", "", 0, 0, "model", "unknown model '%s'" % model)
    return m


class _Params:
    """Protocol overrides (concert_params) built from keyword arguments."""

    def __init__(self, values):
        self.p = None
        if not values:
            return
        self.p = _L.concert_params_new()
        if not self.p:
            raise MemoryError("concert_params_new")
        for k, v in values.items():
            if isinstance(v, bool):
                st = _L.concert_params_set_word(self.p, _b(k), b"true" if v else b"false")
            elif not isinstance(v, (int, float)):
                st = _L.concert_params_set_word(self.p, _b(k), _b(v))
            else:
                st = _L.concert_params_set_number(self.p, _b(k), float(v))
            if st != 0:
                raise Error(_s(_L.concert_status_name(st)), "", 0, 0, k,
                            "cannot set protocol parameter %s=%r" % (k, v))

    def __del__(self):
        if self.p:
            _L.concert_params_free(self.p)
            self.p = None


def _outcome(s, f, model, protocol):
    o = ctypes.c_void_p()
    d = _lib.Diag()
    _check(_L.concert_summit_run(s._p, f, model, None, protocol.p, ctypes.byref(o),
                                 ctypes.byref(d)), d)
    return o


def run(scenario, forum=None, model=None, **protocol):
    """Plays one summit: the concert-outcome document of `concert run --format json`.
    scenario: a Scenario or a path; forum: a forum id (default the first); model: a model
    name (default the scenario's); protocol: protocol parameters (docs/protocol.md)."""
    s = _scenario(scenario)
    params = _Params(protocol)
    o = _outcome(s, s._forum(forum), _model(model), params)
    try:
        return _json(_L.concert_outcome_to_json, o)
    finally:
        _L.concert_outcome_free(o)


def _sweeps(s, forums, runs, seed, threads, model, params):
    out = []
    try:
        for f in forums:
            o = _lib.SweepOptions()
            _L.concert_sweep_options_init(ctypes.byref(o))
            o.runs, o.seed, o.threads, o.forum = runs, seed, threads, s._forum(f)
            o.model, o.protocol = model, params.p
            w = ctypes.c_void_p()
            d = _lib.Diag()
            _check(_L.concert_sweep_run(s._p, ctypes.byref(o), ctypes.byref(w), ctypes.byref(d)), d)
            out.append(w)
    except BaseException:
        for w in out:
            _L.concert_sweep_free(w)
        raise
    return out


def compare(scenario, forums=None, model=None, runs=None, seed=1, threads=1, **protocol):
    """The same agenda under several forums (default all): concert-compare/1 (one run per
    forum, without the forum measures), or with runs=N concert-compare-sweep/1 (N runs per
    forum over the judgment ranges, same seed)."""
    s = _scenario(scenario)
    forums = list(forums) if forums is not None else s.forums
    m = _model(model)
    params = _Params(protocol)
    if runs is not None:
        ws = _sweeps(s, forums, runs, seed, threads, m, params)
        try:
            arr = (ctypes.c_void_p * len(ws))(*[w.value for w in ws])
            return _json(_L.concert_compare_sweeps_to_json, arr, len(ws))
        finally:
            for w in ws:
                _L.concert_sweep_free(w)
    outs = []
    try:
        for f in forums:
            outs.append(_outcome(s, s._forum(f), m, params))
        arr = (ctypes.c_void_p * len(outs))(*[o.value for o in outs])
        return _json(_L.concert_compare_to_json, arr, None, len(outs))
    finally:
        for o in outs:
            _L.concert_outcome_free(o)


def sweep(scenario, runs=1000, forum=None, seed=1, threads=1, model=None, **protocol):
    """Monte Carlo over the judgment ranges: the concert-sweep document of `concert sweep
    --format json`. Results do not depend on threads."""
    s = _scenario(scenario)
    (w,) = _sweeps(s, [forum], runs, seed, threads, _model(model), _Params(protocol))
    try:
        return _json(_L.concert_sweep_to_json, w)
    finally:
        _L.concert_sweep_free(w)


def power(game=None, scenario=None, forum=None, index="both", data=None):
    """Voting power (concert-power/1): a built-in game or a game id of the data's
    power_games.csv (game=...), or the rule of a scenario's forum (scenario=...,
    forum=...). index: "banzhaf", "shapley" or "both"; data: the data root."""
    if index not in _POWER_INDICES:
        raise Error("ERR_INVALID", "", 0, 0, "index", "index must be banzhaf, shapley or both")
    if (game is None) == (scenario is None):
        raise Error("ERR_ARGUMENT", "", 0, 0, "game", "give exactly one of game or scenario")
    g = ctypes.c_void_p()
    d = _lib.Diag()
    if scenario is not None:
        s = _scenario(scenario)
        st = _L.concert_game_from_forum(ctypes.byref(g), s._p, s._forum(forum), ctypes.byref(d))
    else:
        pdir = None if data is None else "%s/power" % data
        st = _L.concert_game_load_named(ctypes.byref(g), _b(game), _b(pdir), ctypes.byref(d))
    _check(st, d)
    try:
        return _json(_L.concert_power_to_json, g, _POWER_INDICES[index])
    finally:
        _L.concert_game_free(g)


def _years(years):
    if years is None:
        return 1900, 2100
    if isinstance(years, int):
        return years, years
    a, b = years
    return int(a), int(b)


def cohesion(members, years=None, issue=None, data=None):
    """Agreement in UN General Assembly votes (concert-cohesion/1). members: ISO3 codes or
    group names (G5, G7, G8, G20, EU27) as a list or a comma-separated string; years: a
    year or (from, to), inclusive (default all); issue: me, nu, di, hr, co or ec."""
    if isinstance(members, str):
        members = [m for m in members.split(",") if m]
    y0, y1 = _years(years)
    u = ctypes.c_void_p()
    d = _lib.Diag()
    world = None if data is None else "%s/world" % data
    _check(_L.concert_unga_load(ctypes.byref(u), _b(world), ctypes.byref(d)), d)
    try:
        arr = (ctypes.c_char_p * len(members))(*[_b(m) for m in members])
        q = _lib.CohesionQuery(arr, len(members), y0, y1, _b(issue))
        c = ctypes.c_void_p()
        _check(_L.concert_cohesion_compute(u, ctypes.byref(q), ctypes.byref(c), ctypes.byref(d)), d)
        try:
            return _json(_L.concert_cohesion_to_json, c)
        finally:
            _L.concert_cohesion_free(c)
    finally:
        _L.concert_unga_free(u)


def history(forum="G7", years=None, data=None):
    """The coded summit record (concert-history/1): forum "G7" or "G20"; years: a year or
    (from, to), inclusive (default all)."""
    d = _lib.Diag()
    kind = ctypes.c_int()
    _check(_L.concert_forum_kind_parse(_b(forum), ctypes.byref(kind), ctypes.byref(d)), d)
    y0, y1 = _years(years)
    h = ctypes.c_void_p()
    world = None if data is None else "%s/world" % data
    _check(_L.concert_history_load(ctypes.byref(h), _b(world), ctypes.byref(d)), d)
    try:
        return _json(_L.concert_history_to_json, h, kind.value, y0, y1)
    finally:
        _L.concert_history_free(h)
