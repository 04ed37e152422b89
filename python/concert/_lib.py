"""_lib.py: finds libconcert and declares the C functions the package calls (ctypes).

Lookup order: $CONCERT_LIB (a path to libconcert.so); the build trees of the source tree
this package sits in (build/, then any other build*/ directory holding libconcert.so,
sanitizer builds last); the
library directory of an installed prefix beside this package (PREFIX/lib/pythonX/...,
PREFIX/lib); ctypes.util.find_library("concert").
"""
import ctypes
import ctypes.util
import os
from pathlib import Path

_NAMES = ("libconcert.so", "libconcert.so.0", "libconcert.dylib")


def _candidates():
    env = os.environ.get("CONCERT_LIB")
    if env:
        yield Path(env)
        return
    here = Path(__file__).resolve().parent
    root = here.parent.parent  # python/concert -> the source tree
    # build/ first, then other build*/ trees, sanitizer builds last (they need LD_PRELOAD)
    others = sorted((p for p in root.glob("build*") if p.name != "build"),
                    key=lambda p: ("san" in p.name, p.name))
    builds = [root / "build"] + others
    for b in builds:
        for n in _NAMES:
            yield b / n
    # Installed: PREFIX/lib[/ARCH]/python3/dist-packages/concert or PREFIX/lib/python3.X/...
    for up in here.parents:
        for n in _NAMES:
            yield up / n
        if up.name == "lib":
            for arch in sorted(up.glob("*-linux-gnu*")):  # Debian's multiarch lib dirs
                for n in _NAMES:
                    yield arch / n
            break
    found = ctypes.util.find_library("concert")
    if found:
        yield Path(found)


def _load():
    tried = []
    for p in _candidates():
        if p.is_absolute() and not p.exists():
            tried.append(str(p))
            continue
        try:
            return ctypes.CDLL(str(p))
        except OSError as e:
            tried.append("%s (%s)" % (p, e))
    raise OSError("concert: libconcert not found; set CONCERT_LIB to its path (tried: %s)"
                  % ", ".join(tried[:6] + (["..."] if len(tried) > 6 else [])))


class Diag(ctypes.Structure):
    """struct concert_diag (include/concert/status.h)."""
    _fields_ = [("status", ctypes.c_int), ("file", ctypes.c_char * 1024),
                ("line", ctypes.c_int), ("column", ctypes.c_int),
                ("path", ctypes.c_char * 160), ("message", ctypes.c_char * 512)]


class CohesionQuery(ctypes.Structure):
    """struct concert_cohesion_query (include/concert/cohesion.h)."""
    _fields_ = [("members", ctypes.POINTER(ctypes.c_char_p)), ("n_members", ctypes.c_size_t),
                ("year_from", ctypes.c_int), ("year_to", ctypes.c_int),
                ("issue", ctypes.c_char_p)]


class SweepOptions(ctypes.Structure):
    """struct concert_sweep_options (include/concert/sweep.h)."""
    _fields_ = [("runs", ctypes.c_size_t), ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint), ("forum", ctypes.c_size_t),
                ("model", ctypes.c_void_p), ("model_params", ctypes.c_void_p),
                ("protocol", ctypes.c_void_p), ("progress", ctypes.c_void_p),
                ("user", ctypes.c_void_p), ("db_path", ctypes.c_char_p),
                ("resume", ctypes.c_bool), ("part", ctypes.c_size_t),
                ("parts", ctypes.c_size_t), ("counts_only", ctypes.c_bool)]


lib = _load()
_P = ctypes.c_void_p
_PP = ctypes.POINTER(ctypes.c_void_p)
_S = ctypes.c_char_p
_Z = ctypes.c_size_t
_D = ctypes.POINTER(Diag)
_JSON = ctypes.POINTER(ctypes.c_void_p)  # char ** kept as void * so that we free it

_SIGNATURES = {
    "concert_version": (_S, []),
    "concert_free": (None, [_P]),
    "concert_status_name": (_S, [ctypes.c_int]),
    "concert_scenario_load_file": (ctypes.c_int, [_S, _PP, _D]),
    "concert_scenario_free": (None, [_P]),
    "concert_scenario_name": (_S, [_P]),
    "concert_scenario_forum_count": (_Z, [_P]),
    "concert_scenario_forum_id": (_S, [_P, _Z]),
    "concert_scenario_forum_find": (ctypes.c_bool, [_P, _S, ctypes.POINTER(_Z)]),
    "concert_model_find": (_P, [_S]),
    "concert_params_new": (_P, []),
    "concert_params_free": (None, [_P]),
    "concert_params_set_number": (ctypes.c_int, [_P, _S, ctypes.c_double]),
    "concert_params_set_word": (ctypes.c_int, [_P, _S, _S]),
    "concert_summit_run": (ctypes.c_int, [_P, _Z, _P, _P, _P, _PP, _D]),
    "concert_outcome_free": (None, [_P]),
    "concert_outcome_to_json": (ctypes.c_int, [_P, _JSON, _D]),
    "concert_compare_to_json": (ctypes.c_int, [_PP, _PP, _Z, _JSON, _D]),
    "concert_sweep_options_init": (None, [ctypes.POINTER(SweepOptions)]),
    "concert_sweep_run": (ctypes.c_int, [_P, ctypes.POINTER(SweepOptions), _PP, _D]),
    "concert_sweep_free": (None, [_P]),
    "concert_sweep_to_json": (ctypes.c_int, [_P, _JSON, _D]),
    "concert_compare_sweeps_to_json": (ctypes.c_int, [_PP, _Z, _JSON, _D]),
    "concert_game_builtin": (ctypes.c_int, [_PP, _S, _D]),
    "concert_game_load_named": (ctypes.c_int, [_PP, _S, _S, _D]),
    "concert_game_from_forum": (ctypes.c_int, [_PP, _P, _Z, _D]),
    "concert_game_free": (None, [_P]),
    "concert_power_to_json": (ctypes.c_int, [_P, ctypes.c_uint, _JSON, _D]),
    "concert_unga_load": (ctypes.c_int, [_PP, _S, _D]),
    "concert_unga_free": (None, [_P]),
    "concert_cohesion_compute": (ctypes.c_int, [_P, ctypes.POINTER(CohesionQuery), _PP, _D]),
    "concert_cohesion_free": (None, [_P]),
    "concert_cohesion_to_json": (ctypes.c_int, [_P, _JSON, _D]),
    "concert_history_load": (ctypes.c_int, [_PP, _S, _D]),
    "concert_history_free": (None, [_P]),
    "concert_forum_kind_parse": (ctypes.c_int, [_S, ctypes.POINTER(ctypes.c_int), _D]),
    "concert_history_to_json": (ctypes.c_int, [_P, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                               _JSON, _D]),
}
for _name, (_res, _args) in _SIGNATURES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args
