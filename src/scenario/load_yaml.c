/* load_yaml.c: reads and validates a YAML scenario (docs/scenario-format.md) with libfyaml.
 *
 * Every error carries the file, the 1-based line and column of the offending node and the
 * field path ("forums[1].events[0].depart"). Issues are read first, then actors (their
 * stances name issues), then forums (they name both). Ids are looked up through sorted
 * indexes, so loading is O(N log N) in the number of ids plus O(actors x issues). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <concert/model.h>

#include "scenario/provenance.h"
#include "io/number.h"
#include "io/read_file.h"
#include "io/yaml_read.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/protocol_i.h"

typedef struct id_ref {
  const char *id; /* borrowed id string */
  size_t idx;     /* index in the scenario's array */
} id_ref;

typedef struct ctx {
  concert_i_yaml y;        /* file, diagnostic and field path (io/yaml_read.h) */
  const char *top_source;  /* file-level default source, or NULL (always NULL in strict mode) */
  int codebook;            /* codebook version: strict mode (docs/scenario-format.md); 0 if not */
  concert_i_todo *todo;    /* fields met that are not yet coded (TO FILL) */
  concert_scenario *s;     /* scenario being built */
  id_ref *actor_ix, *issue_ix; /* sorted id indexes */
  unsigned char default_dist;  /* `uncertainty: {dist: ...}`: a range's dist when it names none */
} ctx;

/* ---- positions, paths, errors and key checks: io/yaml_read.h ---------------------- */

#define push(c, ...) concert_i_yaml_push(&(c)->y, __VA_ARGS__)
#define pop(c, mark) concert_i_yaml_pop(&(c)->y, (mark))
#define fail(c, n, st, ...) concert_i_yaml_fail(&(c)->y, (n), (st), __VA_ARGS__)
#define get concert_i_yaml_get
#define only_keys(c, map, allowed) concert_i_yaml_only_keys(&(c)->y, (map), (allowed))
#define need_map(c, n, what) concert_i_yaml_need(&(c)->y, (n), true, (what))
#define need_seq(c, n, what) concert_i_yaml_need(&(c)->y, (n), false, (what))

static concert_status get_string(ctx *c, const concert_i_ynode *n, const char *what, char **out) {
  if (!n || !concert_i_yaml_is_scalar(n))
    return fail(c, n, CONCERT_ERR_TYPE, "%s must be a text (a scalar)", what);
  const char *v = concert_i_yaml_scalar(n);
  *out = concert_i_strdup(v ? v : "");
  return *out ? CONCERT_OK : fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
}

/* Like get_string, replacing (and freeing) *out only on success. */
static concert_status replace_string(ctx *c, const concert_i_ynode *n, const char *what,
                                     char **out) {
  char *v = NULL;
  concert_status st = get_string(c, n, what, &v);
  if (st) return st;
  free(*out);
  *out = v;
  return CONCERT_OK;
}

#define get_id(c, n, what, out) concert_i_yaml_id(&(c)->y, (n), (what), (out))

/* Fills *one with what fail() would record at node n (the current path), leaving the
 * context's own diagnostic untouched: for the notes a load collects and goes on. */
static void diag_at(ctx *c, const concert_i_ynode *n, concert_status st, const char *msg,
                    concert_diag *one) {
  concert_diag *keep = c->y.d;
  concert_diag_clear(one);
  c->y.d = one;
  fail(c, n, st, "%s", msg);
  c->y.d = keep;
}

/* Records a warning at node n (the current path): the input is accepted, but dubious. */
static concert_status warn(ctx *c, const concert_i_ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static concert_status warn(ctx *c, const concert_i_ynode *n, const char *fmt, ...) {
  char msg[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  concert_diag one;
  diag_at(c, n, CONCERT_OK, msg, &one);
  concert_diag *w = realloc(c->s->warnings, (c->s->n_warnings + 1) * sizeof *w);
  if (!w) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  c->s->warnings = w;
  w[c->s->n_warnings++] = one;
  return CONCERT_OK;
}

/* A finite number in [lo, hi] from a scalar. */
static concert_status scalar_number(ctx *c, const concert_i_ynode *n, const char *what, double lo,
                                    double hi, double *out) {
  if (!n || !concert_i_yaml_is_scalar(n))
    return fail(c, n, CONCERT_ERR_TYPE, "%s must be a number", what);
  const char *v = concert_i_yaml_scalar(n);
  if (!v || !*v) return fail(c, n, CONCERT_ERR_TYPE, "%s must be a number, not empty", what);
  double x = 0;
  concert_i_num k = concert_i_number(v, &x);
  if (k == CONCERT_I_NUM_SYNTAX)
    return fail(c, n, CONCERT_ERR_TYPE, "%s is '%s', which is not a number", what, v);
  if (k == CONCERT_I_NUM_NONFINITE)
    return fail(c, n, CONCERT_ERR_RANGE, "%s is '%s': NaN and infinity are not allowed", what, v);
  if (k != CONCERT_I_NUM_OK)
    return fail(c, n, CONCERT_ERR_RANGE, "%s is '%s', which %s", what, v, concert_i_number_why(k));
  if (x < lo || x > hi) /* the value as written: 100.0000001 is not "100" */
    return fail(c, n, CONCERT_ERR_RANGE, "%s is %s; it must lie in [%g, %g]", what, v, lo, hi);
  *out = x;
  return CONCERT_OK;
}

/* ---- sources and judgment ranges (rules: scenario/provenance.h) --------------------- */

/* Lists the field at n (the current path) as not yet coded; the reading goes on, and the
 * load fails at its end (concert_scenario_load_string). */
static concert_status not_coded(ctx *c, const concert_i_ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static concert_status not_coded(ctx *c, const concert_i_ynode *n, const char *fmt, ...) {
  char msg[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  char text[320];
  snprintf(text, sizeof text, "not yet coded: %s", msg);
  concert_diag one;
  diag_at(c, n, CONCERT_ERR_MISSING, text, &one);
  if (concert_i_todo_add(c->todo, &one)) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

/* Reads the `source` text at n (path: the current one plus ".source") into *out (borrowed).
 * In a codebook file a source holding TO FILL is listed as not yet coded; `of` says whose
 * source it is. */
static concert_status read_source(ctx *c, const concert_i_ynode *n, const char *of,
                                  const char **out) {
  size_t m = push(c, ".source");
  concert_status st = CONCERT_OK;
  if (!concert_i_yaml_is_scalar(n)) {
    st = fail(c, n, CONCERT_ERR_TYPE, "source must be a text");
  } else {
    const char *v = concert_i_yaml_scalar(n);
    *out = v ? v : "";
    if (c->codebook && concert_i_not_coded(*out))
      st = not_coded(c, n, "the source of %s says " CONCERT_I_TO_FILL " (\"%.100s\")", of, *out);
  }
  pop(c, m);
  return st;
}

/* A number of a field, or the marker TO FILL (listed as not yet coded: *todo becomes true
 * and *out NaN; the load fails at its end, so the engine never sees it). */
static concert_status number_or_todo(ctx *c, const concert_i_ynode *n, const char *what, double lo,
                                     double hi, double *out, bool *todo) {
  const char *v = n && concert_i_yaml_is_scalar(n) ? concert_i_yaml_scalar(n) : NULL;
  if (v && concert_i_not_coded(v)) {
    *out = NAN;
    *todo = true;
    return not_coded(c, n, "%s is " CONCERT_I_TO_FILL, what);
  }
  return scalar_number(c, n, what, lo, hi, out);
}

/* One end (`end` is "low" or "high") of the range of field `what`. */
static concert_status range_end(ctx *c, const concert_i_ynode *n, const char *end, const char *what,
                                double lo, double hi, double *out, bool *todo) {
  char label[80];
  snprintf(label, sizeof label, "%s of %s", end, what);
  size_t m = push(c, ".%s", end);
  concert_status st = number_or_todo(c, n, label, lo, hi, out, todo);
  pop(c, m);
  return st;
}

static concert_status read_dist(ctx *c, const concert_i_ynode *n, unsigned char *dist) {
  const char *v = concert_i_yaml_is_scalar(n) ? concert_i_yaml_scalar(n) : NULL;
  if (v && strcmp(v, "uniform") == 0)
    *dist = CONCERT_I_DIST_UNIFORM;
  else if (v && strcmp(v, "triangular") == 0)
    *dist = CONCERT_I_DIST_TRIANGULAR;
  else if (v && strcmp(v, "normal") == 0)
    *dist = CONCERT_I_DIST_NORMAL;
  else {
    size_t m = push(c, ".dist");
    concert_status st =
        fail(c, n, CONCERT_ERR_INVALID, "dist must be 'uniform', 'triangular' or 'normal'");
    pop(c, m);
    return st;
  }
  return CONCERT_OK;
}

/* The `sd` of a normal range: required with `dist: normal` (a number > 0, at most the field's
 * width hi - lo), refused with any other distribution. */
static concert_status read_sd(ctx *c, const concert_i_ynode *n, const char *what, double lo,
                              double hi, concert_i_range *r) {
  const concert_i_ynode *sd = get(n, "sd");
  r->sd = 0;
  if (r->dist != CONCERT_I_DIST_NORMAL) {
    if (!sd) return CONCERT_OK;
    size_t m = push(c, ".sd");
    concert_status st = fail(c, sd, CONCERT_ERR_INVALID,
                             "%s has 'sd' but its dist is not 'normal' (sd belongs to a normal)",
                             what);
    pop(c, m);
    return st;
  }
  if (!sd) {
    size_t m = push(c, ".dist");
    concert_status st = fail(c, get(n, "dist"), CONCERT_ERR_MISSING,
                             "%s has dist 'normal' but no 'sd' (its standard deviation)", what);
    pop(c, m);
    return st;
  }
  char label[80];
  snprintf(label, sizeof label, "sd of %s", what);
  size_t m = push(c, ".sd");
  concert_status st = scalar_number(c, sd, label, 0, hi - lo, &r->sd);
  if (!st && !(r->sd > 0))
    st = fail(c, sd, CONCERT_ERR_RANGE, "sd of %s must be greater than 0", what);
  pop(c, m);
  return st;
}

/* A calibrated number of field `what` in [lo, hi] (docs/scenario-format.md, "Calibrated numbers"):
 * a scalar, or {value, low, high, dist, source}. `inherited` is the enclosing source (NULL: none)
 * and `encl` names where it may come from ("the stance or the actor"); *own (may be NULL) gets the
 * number's own source when it has one. Checks low <= value <= high and, in a codebook file, the
 * strict rules: a source of its own or of its enclosing item, and a range (low < high) on a
 * judgment number that is coded. */
static concert_status ranged_number(ctx *c, const concert_i_ynode *n, const char *what, double lo,
                                    double hi, const char *inherited, const char *encl, double *out,
                                    concert_i_range *r, const char **own) {
  const concert_i_ynode *v = n, *low = NULL, *high = NULL;
  const char *source = inherited;
  bool todo = false;
  concert_status st = CONCERT_OK;
  r->dist = c->default_dist;
  if (n && concert_i_yaml_is_map(n)) {
    st = only_keys(c, n, concert_i_number_keys);
    if (st) return st;
    v = get(n, "value"), low = get(n, "low"), high = get(n, "high");
    if (!v) return fail(c, n, CONCERT_ERR_MISSING, "%s needs a 'value'", what);
    if (!low != !high)
      return fail(c, n, CONCERT_ERR_MISSING, "%s has '%s' but no '%s': a range needs both ends",
                  what, low ? "low" : "high", low ? "high" : "low");
    if (get(n, "source")) {
      st = read_source(c, get(n, "source"), what, &source);
      if (st) return st;
      if (own) *own = source;
    }
    if (get(n, "dist") && (st = read_dist(c, get(n, "dist"), &r->dist))) return st;
    st = read_sd(c, n, what, lo, hi, r);
    if (st) return st;
  }
  size_t m = v != n ? push(c, ".value") : c->y.plen;
  st = number_or_todo(c, v, what, lo, hi, out, &todo);
  pop(c, m);
  if (st) return st;
  r->lo = r->hi = *out;
  if (low) {
    st = range_end(c, low, "low", what, lo, hi, &r->lo, &todo);
    if (!st) st = range_end(c, high, "high", what, lo, hi, &r->hi, &todo);
    if (st) return st;
    if (!todo && (r->lo > *out || r->hi < *out)) {
      bool bad_low = r->lo > *out;
      char a[32], b[32], e[32];
      m = push(c, "%s", bad_low ? ".low" : ".high");
      st = fail(c, bad_low ? low : high, CONCERT_ERR_RANGE,
                "the range of %s must hold its value: low %s <= value %s <= high %s", what,
                concert_i_number_text(r->lo, a, sizeof a), concert_i_number_text(*out, b, sizeof b),
                concert_i_number_text(r->hi, e, sizeof e));
      pop(c, m);
      return st;
    }
  }
  if (!source || (c->codebook && concert_i_source_blank(source))) {
    if (c->codebook)
      return fail(c, n, CONCERT_ERR_MISSING,
                  "%s has no source (give 'source' on it or on %s; in a codebook file the "
                  "top-level source does not count)",
                  what, encl);
    return fail(c, n, CONCERT_ERR_MISSING, "%s has no source (give 'source' on it, %s or the file)",
                what, encl);
  }
  r->prov = concert_i_prov_of(source);
  if (c->codebook && !todo && r->prov == CONCERT_I_PROV_JUDGMENT && !concert_i_not_coded(source)) {
    if (!low)
      return fail(c, n, CONCERT_ERR_MISSING,
                  "%s is a judgment (source \"%.60s\"): a codebook file needs its range, "
                  "'low' and 'high' (narrow if the judgment is firm)",
                  what, source);
    if (!(r->lo < r->hi)) {
      char a[32];
      m = push(c, ".high");
      st = fail(c, high, CONCERT_ERR_INVALID,
                "%s is a judgment with an empty range (low = high = %s): give a range, "
                "narrow if the judgment is firm",
                what, concert_i_number_text(r->lo, a, sizeof a));
      pop(c, m);
      return st;
    }
  }
  return CONCERT_OK;
}

static concert_status get_bool(ctx *c, const concert_i_ynode *n, const char *what, bool *out) {
  const char *v = n && concert_i_yaml_is_scalar(n) ? concert_i_yaml_scalar(n) : NULL;
  if (v && (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0)) *out = true;
  else if (v && (strcmp(v, "false") == 0 || strcmp(v, "no") == 0)) *out = false;
  else return fail(c, n, CONCERT_ERR_TYPE, "%s must be true or false", what);
  return CONCERT_OK;
}

/* ---- id indexes ---------------------------------------------------------------------- */

static int by_id(const void *a, const void *b) {
  return strcmp(((const id_ref *)a)->id, ((const id_ref *)b)->id);
}

static bool lookup(const id_ref *ix, size_t n, const char *id, size_t *out) {
  if (!ix || !id) return false;
  id_ref key = {id, 0};
  const id_ref *r = bsearch(&key, ix, n, sizeof *ix, by_id);
  if (r) *out = r->idx;
  return r != NULL;
}

static concert_status resolve(ctx *c, const concert_i_ynode *n, bool actor, const char *what,
                              size_t *out) {
  const char *id;
  concert_status st = get_id(c, n, what, &id);
  if (st) return st;
  if (!lookup(actor ? c->actor_ix : c->issue_ix, actor ? c->s->n_actors : c->s->n_issues, id, out))
    return fail(c, n, CONCERT_ERR_UNKNOWN_ID, "%s '%s' is not a declared %s", what, id,
                actor ? "actor" : "issue");
  return CONCERT_OK;
}

/* ---- sections ------------------------------------------------------------------------ */

static concert_status read_issue(ctx *c, const concert_i_ynode *n, concert_i_issue *q) {
  static const char *const keys[] = {"id", "title", "scale", "reversion", "category", "tags",
                                     "source", "negotiated", NULL};
  concert_status st = need_map(c, n, "an issue");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  const char *id;
  size_t m = push(c, ".id");
  if (!get(n, "id")) {
    pop(c, m);
    return fail(c, n, CONCERT_ERR_MISSING, "an issue needs an 'id'");
  }
  st = get_id(c, get(n, "id"), "issue id", &id);
  pop(c, m);
  if (st) return st;
  q->id = concert_i_strdup(id);
  const concert_i_ynode *t = get(n, "title");
  if (!t) return fail(c, n, CONCERT_ERR_MISSING, "issue '%s' needs a 'title'", id);
  m = push(c, ".title");
  st = get_string(c, t, "title", &q->title);
  pop(c, m);
  if (st) return st;
  q->low = concert_i_strdup("");
  q->high = concert_i_strdup("");
  for (int j = 0; j < 3; j++) q->mid[j] = concert_i_strdup("");
  q->category = concert_i_strdup("");
  const concert_i_ynode *sc = get(n, "scale");
  if (sc) {
    m = push(c, ".scale");
    static const char *const skeys[] = {"0", "25", "50", "75", "100", NULL};
    st = need_map(c, sc, "scale");
    if (!st) st = only_keys(c, sc, skeys);
    if (!st && get(sc, "0")) st = replace_string(c, get(sc, "0"), "scale 0", &q->low);
    if (!st && get(sc, "100")) st = replace_string(c, get(sc, "100"), "scale 100", &q->high);
    for (int j = 0; !st && j < 3; j++)
      if (get(sc, skeys[j + 1])) st = replace_string(c, get(sc, skeys[j + 1]), "a scale anchor", &q->mid[j]);
    /* A codebook file anchors every issue in words at 0, 25, 50, 75 and 100 (rule S). */
    for (int j = 0; !st && c->codebook && skeys[j]; j++)
      if (!get(sc, skeys[j]))
        st = fail(c, sc, CONCERT_ERR_MISSING,
                  "a codebook file anchors the scale at 0, 25, 50, 75 and 100; '%s' is missing "
                  "(docs/codebook.md, section 3)", skeys[j]);
    pop(c, m);
    if (st) return st;
  } else if (c->codebook) {
    return fail(c, n, CONCERT_ERR_MISSING,
                "issue '%s' needs a 'scale' anchored at 0, 25, 50, 75 and 100 in a codebook file "
                "(docs/codebook.md, section 3)", id);
  }
  const char *source = c->top_source;
  char whose[64];
  snprintf(whose, sizeof whose, "issue '%s'", id);
  if (get(n, "source") && (st = read_source(c, get(n, "source"), whose, &source))) return st;
  const concert_i_ynode *r = get(n, "reversion");
  if (!r) return fail(c, n, CONCERT_ERR_MISSING, "issue '%s' needs a 'reversion' point (0..100)", id);
  m = push(c, ".reversion");
  st = ranged_number(c, r, "reversion", 0, 100, source, "the issue", &q->reversion,
                     &q->reversion_range, &source);
  pop(c, m);
  if (st) return st;
  q->source = concert_i_strdup(source);
  const concert_i_ynode *cat = get(n, "category");
  if (cat) {
    static const char *const cats[] = {"security", "economy", "technology", "climate",
                                       "governance", "society", NULL};
    m = push(c, ".category");
    const char *v = concert_i_yaml_is_scalar(cat) ? concert_i_yaml_scalar(cat) : NULL;
    bool ok = false;
    for (size_t i = 0; v && cats[i]; i++) ok = ok || strcmp(v, cats[i]) == 0;
    if (!ok)
      st = fail(c, cat, CONCERT_ERR_INVALID,
                "category must be one of security, economy, technology, climate, governance, society");
    pop(c, m);
    if (st) return st;
    free(q->category);
    q->category = concert_i_strdup(v);
  }
  if (get(n, "negotiated")) {
    bool negotiated = true;
    m = push(c, ".negotiated");
    st = get_bool(c, get(n, "negotiated"), "negotiated", &negotiated);
    pop(c, m);
    if (st) return st;
    q->raised_only = !negotiated;
  }
  const concert_i_ynode *tags = get(n, "tags");
  if (tags) {
    m = push(c, ".tags");
    st = need_seq(c, tags, "tags");
    size_t it = 0;
    const concert_i_ynode *tg;
    size_t i = 0;
    while (!st && (tg = concert_i_yaml_next(tags, &it))) {
      size_t m2 = push(c, "[%zu]", i++);
      const char *v = concert_i_yaml_is_scalar(tg) ? concert_i_yaml_scalar(tg) : NULL;
      if (v && strcmp(v, "core-security") == 0) q->tags |= CONCERT_I_TAG_CORE_SECURITY;
      else if (v && strcmp(v, "trade") == 0) q->tags |= CONCERT_I_TAG_TRADE;
      else if (v && strcmp(v, "membership") == 0) q->tags |= CONCERT_I_TAG_MEMBERSHIP;
      else st = fail(c, tg, CONCERT_ERR_INVALID, "tag must be core-security, trade or membership");
      pop(c, m2);
    }
    pop(c, m);
    if (st) return st;
  }
  return (q->title && q->low && q->high && q->mid[0] && q->mid[1] && q->mid[2] && q->category && q->source && q->id)
             ? CONCERT_OK
             : fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
}

static concert_status read_stance(ctx *c, const concert_i_ynode *n, const char *actor_source,
                                  concert_i_stance *st_out) {
  static const char *const keys[] = {"position", "salience", "tolerance", "red_line", "source",
                                     NULL};
  concert_status st = need_map(c, n, "a stance");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  const char *source = actor_source;
  if (get(n, "source") && (st = read_source(c, get(n, "source"), "the stance", &source))) return st;
  const concert_i_ynode *p = get(n, "position"), *s = get(n, "salience");
  if (!p) return fail(c, n, CONCERT_ERR_MISSING, "the stance needs a 'position' (0..100)");
  if (!s) return fail(c, n, CONCERT_ERR_MISSING, "the stance needs a 'salience' (0..1)");
  /* the four numbers: name, bounds, where they go; tolerance and red line are optional */
  const struct {
    const char *key;
    double lo, hi;
    double *x;
    concert_i_range *r;
  } f[] = {{"position", 0, 100, &st_out->position, &st_out->position_range},
           {"salience", 0, 1, &st_out->salience, &st_out->salience_range},
           {"tolerance", 0, 100, &st_out->tolerance, &st_out->tolerance_range},
           {"red_line", 0, 100, &st_out->red_line, &st_out->red_line_range}};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
    const concert_i_ynode *v = get(n, f[i].key);
    *f[i].x = NAN;
    *f[i].r = concert_i_range_point(NAN, concert_i_prov_of(source));
    if (!v) continue;
    size_t m = push(c, ".%s", f[i].key);
    st = ranged_number(c, v, f[i].key, f[i].lo, f[i].hi, source, "the stance or the actor", f[i].x,
                       f[i].r, NULL);
    pop(c, m);
    if (st) return st;
  }
  st_out->source = concert_i_strdup(source);
  st_out->set = true;
  return st_out->source ? CONCERT_OK : fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
}

static concert_status read_actor_head(ctx *c, const concert_i_ynode *n, concert_i_actor *a) {
  static const char *const keys[] = {"id", "name", "capability", "source", "stances", NULL};
  concert_status st = need_map(c, n, "an actor");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  if (!get(n, "id")) return fail(c, n, CONCERT_ERR_MISSING, "an actor needs an 'id'");
  const char *id;
  size_t m = push(c, ".id");
  st = get_id(c, get(n, "id"), "actor id", &id);
  pop(c, m);
  if (st) return st;
  a->id = concert_i_strdup(id);
  if (get(n, "name")) {
    m = push(c, ".name");
    st = get_string(c, get(n, "name"), "name", &a->name);
    pop(c, m);
    if (st) return st;
  } else {
    a->name = concert_i_strdup(id);
  }
  const char *source = c->top_source;
  char whose[64];
  snprintf(whose, sizeof whose, "actor '%s'", id);
  if (get(n, "source") && (st = read_source(c, get(n, "source"), whose, &source))) return st;
  const concert_i_ynode *cap = get(n, "capability");
  if (!cap) return fail(c, n, CONCERT_ERR_MISSING, "actor '%s' needs a 'capability'", id);
  m = push(c, ".capability");
  st = ranged_number(c, cap, "capability", 0, 1e15, source, "the actor", &a->capability,
                     &a->capability_range, &source);
  pop(c, m);
  if (st) return st;
  a->source = concert_i_strdup(source);
  return (a->id && a->name && a->source) ? CONCERT_OK : fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
}

static concert_status read_stances(ctx *c, const concert_i_ynode *n, size_t a) {
  const concert_i_ynode *sts = get(n, "stances");
  if (!sts) return CONCERT_OK;
  const char *actor_source = c->top_source;
  const concert_i_ynode *src = get(n, "source");
  if (src) actor_source = concert_i_yaml_scalar(src);
  size_t m = push(c, ".stances");
  concert_status st = need_map(c, sts, "stances");
  size_t it = 0;
  const concert_i_ynode *key, *val;
  while (!st && concert_i_yaml_pair(sts, &it, &key, &val)) {
    size_t k;
    const char *kid = key && concert_i_yaml_is_scalar(key) ? concert_i_yaml_scalar(key) : "?";
    size_t m2 = push(c, ".%s", kid);
    st = resolve(c, key, false, "stance issue", &k);
    if (!st) {
      concert_i_stance *s = &c->s->stances[a * c->s->n_issues + k];
      if (s->set) st = fail(c, key, CONCERT_ERR_DUPLICATE_ID, "a second stance on issue '%s'", kid);
      else
        st = read_stance(c, val, actor_source, s);
    }
    pop(c, m2);
  }
  pop(c, m);
  return st;
}

/* Reads a list of actor ids into a new array. */
static concert_status read_actor_list(ctx *c, const concert_i_ynode *n, const char *what,
                                      size_t **out, size_t *count) {
  concert_status st = need_seq(c, n, what);
  if (st) return st;
  int cnt = concert_i_yaml_count(n);
  if (cnt > CONCERT_MAX_ACTORS)
    return fail(c, n, CONCERT_ERR_TOO_LARGE, "%s has %d entries; the limit is %d", what, cnt,
                CONCERT_MAX_ACTORS);
  *out = malloc((size_t)(cnt > 0 ? cnt : 1) * sizeof **out);
  if (!*out) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  *count = 0;
  size_t it = 0;
  const concert_i_ynode *e;
  while ((e = concert_i_yaml_next(n, &it))) {
    size_t m = push(c, "[%zu]", *count), a;
    st = resolve(c, e, true, "actor", &a);
    for (size_t i = 0; !st && i < *count; i++)
      if ((*out)[i] == a)
        st = fail(c, e, CONCERT_ERR_DUPLICATE_ID, "actor '%s' is listed twice", c->s->actors[a].id);
    pop(c, m);
    if (st) return st;
    (*out)[(*count)++] = a;
  }
  return CONCERT_OK;
}

static concert_status read_rule(ctx *c, const concert_i_ynode *n, concert_rule *r) {
  r->kind = CONCERT_RULE_UNANIMITY;
  r->k = 0;
  r->quota = 1;
  r->member_share = 1;
  if (concert_i_yaml_is_scalar(n)) {
    const char *v = concert_i_yaml_scalar(n);
    if (v && strcmp(v, "unanimity") == 0) return CONCERT_OK;
    return fail(c, n, CONCERT_ERR_INVALID,
                "rule must be 'unanimity', {consensus_minus: K}, {quota: Q} or "
                "{double_majority: {members: M, capability: C}}");
  }
  static const char *const keys[] = {"consensus_minus", "quota", "double_majority", NULL};
  concert_status st = need_map(c, n, "rule");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  if (concert_i_yaml_count(n) != 1)
    return fail(c, n, CONCERT_ERR_INVALID, "rule must have exactly one of consensus_minus, quota, double_majority");
  double x;
  const concert_i_ynode *v;
  if ((v = get(n, "consensus_minus"))) {
    size_t m = push(c, ".consensus_minus");
    st = scalar_number(c, v, "consensus_minus", 0, CONCERT_MAX_ACTORS, &x);
    if (!st && x != floor(x)) st = fail(c, v, CONCERT_ERR_INVALID, "consensus_minus must be a whole number");
    pop(c, m);
    r->kind = CONCERT_RULE_CONSENSUS_MINUS;
    if (!st) r->k = (size_t)x; /* x is set and in range only on success */
    return st;
  }
  if ((v = get(n, "quota"))) {
    size_t m = push(c, ".quota");
    st = scalar_number(c, v, "quota", 0, 1, &x);
    if (!st && x <= 0) st = fail(c, v, CONCERT_ERR_RANGE, "quota must be above 0");
    pop(c, m);
    r->kind = CONCERT_RULE_QUOTA;
    r->quota = x;
    return st;
  }
  v = get(n, "double_majority");
  size_t m = push(c, ".double_majority");
  static const char *const dkeys[] = {"members", "capability", NULL};
  st = need_map(c, v, "double_majority");
  if (!st) st = only_keys(c, v, dkeys);
  if (!st && (!get(v, "members") || !get(v, "capability")))
    st = fail(c, v, CONCERT_ERR_MISSING, "double_majority needs 'members' and 'capability' shares");
  if (!st) {
    size_t m2 = push(c, ".members");
    st = scalar_number(c, get(v, "members"), "members share", 0, 1, &r->member_share);
    pop(c, m2);
  }
  if (!st) {
    size_t m2 = push(c, ".capability");
    st = scalar_number(c, get(v, "capability"), "capability share", 0, 1, &r->quota);
    pop(c, m2);
  }
  pop(c, m);
  r->kind = CONCERT_RULE_DOUBLE_MAJORITY;
  return st;
}

static bool is_member(const concert_i_forum *f, size_t a) {
  for (size_t i = 0; i < f->n_members; i++)
    if (f->members[i] == a) return true;
  return false;
}

static concert_status read_agenda(ctx *c, const concert_i_ynode *n, concert_i_forum *f) {
  concert_status st = need_seq(c, n, "agenda");
  if (st) return st;
  int cnt = concert_i_yaml_count(n);
  if (cnt == 0) return fail(c, n, CONCERT_ERR_EMPTY, "the agenda has no session");
  if (cnt > CONCERT_MAX_SESSIONS)
    return fail(c, n, CONCERT_ERR_TOO_LARGE, "the agenda has %d sessions; the limit is %d", cnt,
                CONCERT_MAX_SESSIONS);
  f->sessions = calloc((size_t)cnt, sizeof *f->sessions);
  if (!f->sessions) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  bool *seen = calloc(c->s->n_issues, sizeof *seen);
  if (!seen) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  size_t it = 0;
  const concert_i_ynode *e;
  static const char *const keys[] = {"session", "title", "issues", NULL};
  while (!st && (e = concert_i_yaml_next(n, &it))) {
    size_t m = push(c, "[%zu]", f->n_sessions);
    concert_i_session *se = &f->sessions[f->n_sessions++];
    st = need_map(c, e, "a session");
    if (!st) st = only_keys(c, e, keys);
    const char *sid = NULL;
    if (!st && !get(e, "session")) st = fail(c, e, CONCERT_ERR_MISSING, "a session needs a 'session' id");
    if (!st) {
      size_t m2 = push(c, ".session");
      st = get_id(c, get(e, "session"), "session id", &sid);
      for (size_t j = 0; !st && j + 1 < f->n_sessions; j++)
        if (strcmp(f->sessions[j].id, sid) == 0)
          st = fail(c, get(e, "session"), CONCERT_ERR_DUPLICATE_ID, "session '%s' appears twice", sid);
      pop(c, m2);
    }
    if (!st) {
      se->id = concert_i_strdup(sid);
      if (get(e, "title")) {
        size_t m2 = push(c, ".title");
        st = get_string(c, get(e, "title"), "title", &se->title);
        pop(c, m2);
      } else {
        se->title = concert_i_strdup(sid);
      }
    }
    const concert_i_ynode *is = !st ? get(e, "issues") : NULL;
    if (!st && !is) st = fail(c, e, CONCERT_ERR_MISSING, "session '%s' needs 'issues'", sid);
    if (!st) {
      size_t m2 = push(c, ".issues");
      st = need_seq(c, is, "issues");
      int ni = st ? 0 : concert_i_yaml_count(is);
      /* A session may decide nothing (an outreach session); its events still apply. */
      if (!st) se->issues = malloc((size_t)(ni > 0 ? ni : 1) * sizeof *se->issues);
      if (!st && !se->issues) st = fail(c, is, CONCERT_ERR_NOMEM, "out of memory");
      size_t it2 = 0;
      const concert_i_ynode *ie;
      while (!st && (ie = concert_i_yaml_next(is, &it2))) {
        size_t m3 = push(c, "[%zu]", se->n_issues), k;
        st = resolve(c, ie, false, "agenda issue", &k);
        if (!st && seen[k])
          st = fail(c, ie, CONCERT_ERR_DUPLICATE_ID, "issue '%s' is already on this forum's agenda",
                    c->s->issues[k].id);
        for (size_t i = 0; !st && i < f->n_members; i++)
          if (!concert_i_stance_at(c->s, f->members[i], k)->set)
            st = fail(c, ie, CONCERT_ERR_MISSING,
                      "member '%s' has no stance (position and salience) on agenda issue '%s'",
                      c->s->actors[f->members[i]].id, c->s->issues[k].id);
        if (!st) {
          seen[k] = true;
          se->issues[se->n_issues++] = k;
        }
        pop(c, m3);
      }
      pop(c, m2);
    }
    if (!st && !se->title) st = fail(c, e, CONCERT_ERR_NOMEM, "out of memory");
    pop(c, m);
  }
  free(seen);
  size_t total = 0;
  for (size_t i = 0; !st && i < f->n_sessions; i++) total += f->sessions[i].n_issues;
  if (!st && total == 0) /* sessions may decide nothing, but not all of them */
    st = fail(c, n, CONCERT_ERR_EMPTY,
              "no session of the agenda holds an issue; a summit needs at least one to decide");
  return st;
}

static concert_status find_session(ctx *c, const concert_i_ynode *n, const concert_i_forum *f,
                                   size_t *out) {
  const char *sid;
  concert_status st = get_id(c, n, "before_session", &sid);
  if (st) return st;
  for (size_t j = 0; j < f->n_sessions; j++)
    if (strcmp(f->sessions[j].id, sid) == 0) {
      *out = j;
      return CONCERT_OK;
    }
  return fail(c, n, CONCERT_ERR_UNKNOWN_ID, "session '%s' is not on this forum's agenda", sid);
}

/* An attendance event's actor: a member of the forum named by key `what`. */
static concert_status attendance_actor(ctx *c, const concert_i_ynode *n, const char *what,
                                       const concert_i_forum *f, size_t *out) {
  size_t m = push(c, ".%s", what);
  concert_status st = resolve(c, n, true, strcmp(what, "depart") == 0 ? "departing actor" : "actor", out);
  if (!st && !is_member(f, *out))
    st = fail(c, n, CONCERT_ERR_INVALID, "'%s' is not a member of forum '%s'",
              c->s->actors[*out].id, f->id);
  pop(c, m);
  return st;
}

static concert_status read_dispute(ctx *c, const concert_i_ynode *dis, concert_i_event *ev) {
  static const char *const dkeys[] = {"kind", "actors", NULL};
  size_t m2 = push(c, ".dispute");
  ev->kind = CONCERT_EVENT_DISPUTE;
  concert_status st = c->codebook ? fail(c, dis, CONCERT_ERR_INVALID,
                                         "a codebook file does not enter disputes: "
                                         "they are what the engine predicts (docs/codebook.md)")
                                  : need_map(c, dis, "dispute");
  if (!st) st = only_keys(c, dis, dkeys);
  const concert_i_ynode *kd = !st ? get(dis, "kind") : NULL, *ac = !st ? get(dis, "actors") : NULL;
  if (!st && (!kd || !ac)) st = fail(c, dis, CONCERT_ERR_MISSING, "a dispute needs 'kind' and 'actors'");
  if (!st) {
    const char *v = concert_i_yaml_is_scalar(kd) ? concert_i_yaml_scalar(kd) : NULL;
    size_t m3 = push(c, ".kind");
    if (v && strcmp(v, "trade") == 0) ev->dispute = CONCERT_I_TAG_TRADE;
    else if (v && strcmp(v, "role") == 0) ev->dispute = CONCERT_I_TAG_MEMBERSHIP;
    else st = fail(c, kd, CONCERT_ERR_INVALID, "a dispute's kind is 'trade' or 'role'");
    pop(c, m3);
  }
  if (!st) {
    size_t m3 = push(c, ".actors"), *two = NULL, n_two = 0;
    st = read_actor_list(c, ac, "actors", &two, &n_two);
    if (!st && n_two != 2) st = fail(c, ac, CONCERT_ERR_INVALID, "a dispute names exactly two actors");
    if (!st) ev->actor = two[0], ev->other = two[1];
    free(two);
    pop(c, m3);
  }
  pop(c, m2);
  return st;
}

static concert_status read_shock(ctx *c, const concert_i_ynode *sh, concert_i_event *ev) {
  static const char *const skeys[] = {"actor", "issue", "factor", "value", NULL};
  size_t m2 = push(c, ".salience_shock");
  ev->kind = CONCERT_EVENT_SALIENCE_SHOCK;
  concert_status st = need_map(c, sh, "salience_shock");
  if (!st) st = only_keys(c, sh, skeys);
  if (!st && (!get(sh, "actor") || !get(sh, "issue")))
    st = fail(c, sh, CONCERT_ERR_MISSING, "salience_shock needs 'actor' and 'issue'");
  if (!st && (!get(sh, "factor")) == (!get(sh, "value")))
    st = fail(c, sh, CONCERT_ERR_INVALID, "salience_shock needs exactly one of 'factor' or 'value'");
  if (!st) {
    size_t m3 = push(c, ".actor");
    st = resolve(c, get(sh, "actor"), true, "actor", &ev->actor);
    pop(c, m3);
  }
  if (!st) {
    size_t m3 = push(c, ".issue");
    st = resolve(c, get(sh, "issue"), false, "issue", &ev->issue);
    if (!st && !concert_i_stance_at(c->s, ev->actor, ev->issue)->set)
      st = fail(c, get(sh, "issue"), CONCERT_ERR_MISSING, "'%s' holds no stance on issue '%s'",
                c->s->actors[ev->actor].id, c->s->issues[ev->issue].id);
    pop(c, m3);
  }
  if (!st && get(sh, "factor")) {
    size_t m3 = push(c, ".factor");
    st = scalar_number(c, get(sh, "factor"), "factor", 0, 1e6, &ev->factor);
    pop(c, m3);
  } else if (!st) {
    size_t m3 = push(c, ".value");
    ev->set_value = true;
    st = scalar_number(c, get(sh, "value"), "value", 0, 1, &ev->value);
    pop(c, m3);
  }
  pop(c, m2);
  return st;
}

/* The event kinds by key; `whole` kinds hold for the whole summit (no before_session). */
static const struct {
  const char *key;
  concert_event_kind kind;
  bool whole, attendance;
} event_keys[] = {
    {"depart", CONCERT_EVENT_DEPART, false, true},
    {"leader_leaves", CONCERT_EVENT_LEADER_LEAVES, false, true},
    {"absent", CONCERT_EVENT_ABSENT, true, true},
    {"leader_absent", CONCERT_EVENT_LEADER_ABSENT, true, true},
    {"salience_shock", CONCERT_EVENT_SALIENCE_SHOCK, false, false},
    {"dispute", CONCERT_EVENT_DISPUTE, false, false},
};
enum { N_EVENT_KEYS = sizeof event_keys / sizeof event_keys[0] };

/* A member may appear in at most one attendance event (leaving twice, or being absent
 * and leaving, has no meaning). */
static concert_status attendance_once(ctx *c, const concert_i_ynode *n, const concert_i_forum *f) {
  const concert_i_event *ev = &f->events[f->n_events - 1];
  for (size_t v = 0; v + 1 < f->n_events; v++) {
    const concert_i_event *o = &f->events[v];
    bool att = o->kind == CONCERT_EVENT_DEPART || o->kind == CONCERT_EVENT_LEADER_LEAVES ||
               o->kind == CONCERT_EVENT_ABSENT || o->kind == CONCERT_EVENT_LEADER_ABSENT;
    if (att && o->actor == ev->actor)
      return fail(c, n, CONCERT_ERR_INVALID, "'%s' already has an attendance event (events[%zu])",
                  c->s->actors[ev->actor].id, v);
  }
  return CONCERT_OK;
}

static concert_status read_events(ctx *c, const concert_i_ynode *n, concert_i_forum *f) {
  concert_status st = need_seq(c, n, "events");
  if (st) return st;
  int cnt = concert_i_yaml_count(n);
  f->events = calloc((size_t)(cnt > 0 ? cnt : 1), sizeof *f->events);
  if (!f->events) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  size_t it = 0;
  const concert_i_ynode *e;
  static const char *const keys[] = {"before_session", "depart", "leader_leaves", "absent",
                                     "leader_absent", "salience_shock", "dispute", "source",
                                     "exogenous", "probability", NULL};
  while (!st && (e = concert_i_yaml_next(n, &it))) {
    size_t m = push(c, "[%zu]", f->n_events);
    concert_i_event *ev = &f->events[f->n_events++];
    st = need_map(c, e, "an event");
    if (!st) st = only_keys(c, e, keys);
    size_t which = N_EVENT_KEYS, found = 0;
    for (size_t i = 0; !st && i < N_EVENT_KEYS; i++)
      if (get(e, event_keys[i].key)) which = i, found++;
    if (!st && found != 1)
      st = fail(c, e, CONCERT_ERR_INVALID,
                "an event needs exactly one of 'depart', 'leader_leaves', 'absent', "
                "'leader_absent', 'salience_shock' or 'dispute'");
    if (st) {
      pop(c, m);
      break;
    }
    bool whole = event_keys[which].whole;
    if (!whole && !get(e, "before_session"))
      st = fail(c, e, CONCERT_ERR_MISSING, "a '%s' event needs 'before_session'", event_keys[which].key);
    else if (whole && get(e, "before_session"))
      st = fail(c, get(e, "before_session"), CONCERT_ERR_INVALID,
                "an '%s' event holds for the whole summit: it takes no 'before_session'",
                event_keys[which].key);
    else if (!whole) {
      size_t m2 = push(c, ".before_session");
      st = find_session(c, get(e, "before_session"), f, &ev->session);
      pop(c, m2);
    }
    const concert_i_ynode *val = get(e, event_keys[which].key);
    ev->kind = event_keys[which].kind;
    ev->exogenous = event_keys[which].attendance;
    if (!st && ev->kind == CONCERT_EVENT_DISPUTE) st = read_dispute(c, val, ev);
    else if (!st && ev->kind == CONCERT_EVENT_SALIENCE_SHOCK) st = read_shock(c, val, ev);
    else if (!st) {
      st = attendance_actor(c, val, event_keys[which].key, f, &ev->actor);
      if (!st) {
        size_t m2 = push(c, ".%s", event_keys[which].key);
        st = attendance_once(c, val, f);
        pop(c, m2);
      }
    }
    ev->probability = 1;
    if (!st && get(e, "probability")) {
      size_t m2 = push(c, ".probability");
      if (!event_keys[which].attendance)
        st = fail(c, get(e, "probability"), CONCERT_ERR_INVALID,
                  "only attendance events (depart, leader_leaves, absent, leader_absent) take "
                  "a 'probability'");
      else
        st = scalar_number(c, get(e, "probability"), "probability", 0, 1, &ev->probability);
      pop(c, m2);
    }
    if (!st && get(e, "exogenous")) {
      size_t m2 = push(c, ".exogenous");
      st = get_bool(c, get(e, "exogenous"), "exogenous", &ev->exogenous);
      pop(c, m2);
    }
    if (!st) {
      const concert_i_ynode *src = get(e, "source");
      ev->source =
          concert_i_strdup(src && concert_i_yaml_is_scalar(src) ? concert_i_yaml_scalar(src) : "");
      if (!ev->source) st = fail(c, e, CONCERT_ERR_NOMEM, "out of memory");
    }
    pop(c, m);
  }
  return st;
}

/* One of two words at key `key` of map n: *out = true for `yes`, false for `no`. */
static concert_status read_choice(ctx *c, const concert_i_ynode *n, const char *key, const char *no,
                                  const char *yes, bool *out) {
  const concert_i_ynode *v = get(n, key);
  if (!v) return CONCERT_OK;
  size_t m = push(c, ".%s", key);
  const char *w = concert_i_yaml_is_scalar(v) ? concert_i_yaml_scalar(v) : NULL;
  concert_status st = CONCERT_OK;
  if (w && strcmp(w, no) == 0) *out = false;
  else if (w && strcmp(w, yes) == 0) *out = true;
  else st = fail(c, v, CONCERT_ERR_INVALID, "%s must be '%s' or '%s'", key, no, yes);
  pop(c, m);
  return st;
}

/* The forum's options of docs/protocol.md: quorum, document, statements. */
static concert_status read_forum_options(ctx *c, const concert_i_ynode *n, concert_i_forum *f) {
  concert_status st = read_choice(c, n, "quorum", "present", "all", &f->quorum_all);
  if (!st) st = read_choice(c, n, "document", "communique", "declaration", &f->declaration);
  if (!st && get(n, "statements")) {
    bool yes = true;
    size_t m = push(c, ".statements");
    st = get_bool(c, get(n, "statements"), "statements", &yes);
    pop(c, m);
    f->no_statements = !yes;
  }
  return st;
}

/* The session index before which member a leaves (its depart event), 0 when it is absent for
 * the whole summit, or SIZE_MAX when it stays. */
static size_t leaves_before(const concert_i_forum *f, size_t a, size_t *event) {
  for (size_t v = 0; v < f->n_events; v++) {
    const concert_i_event *e = &f->events[v];
    if (e->actor != a) continue;
    if (e->kind == CONCERT_EVENT_DEPART || e->kind == CONCERT_EVENT_ABSENT) {
      *event = v;
      return e->kind == CONCERT_EVENT_ABSENT ? 0 : e->session;
    }
  }
  return SIZE_MAX;
}

/* Inputs a forum accepts but that are dubious: refused when they cannot mean anything (a
 * consensus-minus rule that lets every member object), else a warning (a departing chair,
 * an event naming a member after it left). */
static concert_status check_dubious(ctx *c, const concert_i_ynode *n, const concert_i_forum *f) {
  concert_status st = CONCERT_OK;
  if (f->rule.kind == CONCERT_RULE_CONSENSUS_MINUS && f->rule.k >= f->n_members) {
    const concert_i_ynode *r = get(n, "rule");
    size_t m = push(c, ".rule.consensus_minus");
    st = fail(c, r ? get(r, "consensus_minus") : n, CONCERT_ERR_RANGE,
              "consensus_minus %zu lets all %zu members object, so a text would pass with no "
              "support; it must be below the member count",
              f->rule.k, f->n_members);
    pop(c, m);
    return st;
  }
  const concert_i_ynode *evs = get(n, "events");
  size_t ev;
  if (leaves_before(f, f->chair, &ev) != SIZE_MAX) {
    size_t m = push(c, ".events[%zu]", ev);
    st = warn(c, concert_i_yaml_item(evs, (int)ev),
              "the chair '%s' %s, yet stays the chair for the whole summit (no successor is "
              "modelled)",
              c->s->actors[f->chair].id,
              f->events[ev].kind == CONCERT_EVENT_ABSENT ? "is absent" : "departs");
    pop(c, m);
  }
  for (size_t v = 0; !st && v < f->n_events; v++) {
    const concert_i_event *e = &f->events[v];
    if (e->kind != CONCERT_EVENT_SALIENCE_SHOCK && e->kind != CONCERT_EVENT_DISPUTE) continue;
    size_t who[2] = {e->actor, e->kind == CONCERT_EVENT_DISPUTE ? e->other : SIZE_MAX};
    for (int j = 0; !st && j < 2; j++) {
      if (who[j] == SIZE_MAX) continue;
      size_t gone = leaves_before(f, who[j], &ev);
      if (gone == SIZE_MAX || e->session < gone) continue;
      size_t m = push(c, ".events[%zu]", v);
      st = warn(c, concert_i_yaml_item(evs, (int)v),
                "this event names '%s', who has left the summit by then (events[%zu]); it "
                "changes nothing",
                c->s->actors[who[j]].id, ev);
      pop(c, m);
    }
  }
  return st;
}

static concert_status read_forum(ctx *c, const concert_i_ynode *n, concert_i_forum *f) {
  static const char *const keys[] = {"id", "name", "members", "chair", "invited", "rule",
                                     "minilateral", "agenda", "events", "quorum", "document",
                                     "statements", NULL};
  concert_status st = need_map(c, n, "a forum");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  if (!get(n, "id")) return fail(c, n, CONCERT_ERR_MISSING, "a forum needs an 'id'");
  const char *id;
  size_t m = push(c, ".id");
  st = get_id(c, get(n, "id"), "forum id", &id);
  pop(c, m);
  if (st) return st;
  f->id = concert_i_strdup(id);
  f->name = concert_i_strdup(get(n, "name") && concert_i_yaml_is_scalar(get(n, "name"))
                                 ? concert_i_yaml_scalar(get(n, "name"))
                                 : id);
  if (!f->id || !f->name) return fail(c, n, CONCERT_ERR_NOMEM, "out of memory");
  const concert_i_ynode *mem = get(n, "members");
  if (!mem) return fail(c, n, CONCERT_ERR_MISSING, "forum '%s' needs 'members'", id);
  m = push(c, ".members");
  st = read_actor_list(c, mem, "members", &f->members, &f->n_members);
  if (!st && f->n_members == 0) st = fail(c, mem, CONCERT_ERR_EMPTY, "forum '%s' has no member", id);
  pop(c, m);
  if (st) return st;
  f->chair = f->members[0];
  if (get(n, "chair")) {
    m = push(c, ".chair");
    st = resolve(c, get(n, "chair"), true, "chair", &f->chair);
    if (!st && !is_member(f, f->chair))
      st = fail(c, get(n, "chair"), CONCERT_ERR_INVALID, "the chair '%s' is not a member of forum '%s'",
                c->s->actors[f->chair].id, id);
    pop(c, m);
    if (st) return st;
  }
  if (get(n, "invited")) {
    m = push(c, ".invited");
    st = read_actor_list(c, get(n, "invited"), "invited", &f->invited, &f->n_invited);
    for (size_t i = 0; !st && i < f->n_invited; i++)
      if (is_member(f, f->invited[i]))
        st = fail(c, get(n, "invited"), CONCERT_ERR_INVALID,
                  "'%s' is both a member and an invited partner", c->s->actors[f->invited[i]].id);
    pop(c, m);
    if (st) return st;
  }
  f->rule = (concert_rule){CONCERT_RULE_UNANIMITY, 0, 1, 1};
  if (get(n, "rule")) {
    m = push(c, ".rule");
    st = read_rule(c, get(n, "rule"), &f->rule);
    pop(c, m);
    if (st) return st;
  }
  f->mini_allowed = false;
  f->mini_min = 2;
  const concert_i_ynode *mini = get(n, "minilateral");
  if (mini) {
    static const char *const mkeys[] = {"allowed", "min_members", NULL};
    m = push(c, ".minilateral");
    st = need_map(c, mini, "minilateral");
    if (!st) st = only_keys(c, mini, mkeys);
    if (!st && get(mini, "allowed")) {
      size_t m2 = push(c, ".allowed");
      st = get_bool(c, get(mini, "allowed"), "allowed", &f->mini_allowed);
      pop(c, m2);
    }
    if (!st && get(mini, "min_members")) {
      double x;
      size_t m2 = push(c, ".min_members");
      st = scalar_number(c, get(mini, "min_members"), "min_members", 1, CONCERT_MAX_ACTORS, &x);
      if (!st && x != floor(x)) st = fail(c, get(mini, "min_members"), CONCERT_ERR_INVALID, "min_members must be a whole number");
      if (!st) f->mini_min = (size_t)x;
      pop(c, m2);
    }
    pop(c, m);
    if (st) return st;
  }
  st = read_forum_options(c, n, f);
  if (st) return st;
  const concert_i_ynode *ag = get(n, "agenda");
  if (!ag) return fail(c, n, CONCERT_ERR_MISSING, "forum '%s' needs an 'agenda'", id);
  m = push(c, ".agenda");
  st = read_agenda(c, ag, f);
  pop(c, m);
  if (st) return st;
  if (get(n, "events")) {
    m = push(c, ".events");
    st = read_events(c, get(n, "events"), f);
    pop(c, m);
  }
  if (!st) st = check_dubious(c, n, f);
  return st;
}

/* Runs the model with params on a two-actor probe problem, so that the checks the model
 * makes of its parameters when it runs (a whole round count, say) are made when the file is
 * read, by `validate` as by `run`, and reported at the parameter. Only a failure naming a
 * parameter (sub->path) counts. O(the model on 2 actors). */
static concert_status probe_model(const concert_model *mod, const concert_params *params,
                                  concert_diag *sub) {
  enum { K = 2 };
  static const double pos[2 * K] = {20, 30, 80, 60}, sal[2 * K] = {0.5, 0.6, 0.5, 0.4},
                      cap[2] = {1, 2}, rev[K] = {50, 50};
  concert_problem probe = {2, K, pos, sal, cap, rev, NULL};
  concert_solution *sol = NULL;
  concert_diag_clear(sub);
  concert_status st = concert_model_solve(mod, params, &probe, &sol, sub);
  concert_solution_free(sol);
  return st && sub->path[0] ? st : CONCERT_OK;
}

static concert_status read_model(ctx *c, const concert_i_ynode *n) {
  static const char *const keys[] = {"name", "params", NULL};
  concert_status st = need_map(c, n, "model");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  const concert_i_ynode *nm = get(n, "name");
  if (!nm) return fail(c, n, CONCERT_ERR_MISSING, "model needs a 'name'");
  size_t m = push(c, ".name");
  const char *name = concert_i_yaml_is_scalar(nm) ? concert_i_yaml_scalar(nm) : NULL;
  const concert_model *mod = concert_model_find(name);
  if (!mod) {
    char list[200] = "";
    size_t used = 0;
    for (size_t i = 0; i < concert_model_count() && used < sizeof list; i++) {
      int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                       concert_model_name(concert_model_at(i)));
      if (k > 0) used += (size_t)k;
    }
    st = fail(c, nm, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s' (known: %s)", name ? name : "?", list);
  }
  pop(c, m);
  if (st) return st;
  free(c->s->model);
  c->s->model = concert_i_strdup(name);
  const concert_i_ynode *ps = get(n, "params");
  if (!ps) return CONCERT_OK;
  m = push(c, ".params");
  st = need_map(c, ps, "params");
  size_t it = 0;
  const concert_i_ynode *k, *v;
  while (!st && concert_i_yaml_pair(ps, &it, &k, &v)) {
    const char *key = concert_i_yaml_is_scalar(k) ? concert_i_yaml_scalar(k) : "?";
    size_t m2 = push(c, ".%s", key);
    if (!v || !concert_i_yaml_is_scalar(v)) {
      st = fail(c, v ? v : k, CONCERT_ERR_TYPE, "parameter '%s' must be a number or a word", key);
    } else {
      char text[160];
      snprintf(text, sizeof text, "%s=%s", key, concert_i_yaml_scalar(v));
      concert_diag sub;
      concert_diag_clear(&sub);
      if (concert_params_set_text(c->s->model_params, text, &sub))
        st = fail(c, v, sub.status, "%s", sub.message);
    }
    pop(c, m2);
  }
  if (!st) {
    size_t nspec;
    const concert_param_spec *spec = concert_model_params(mod, &nspec);
    concert_diag sub;
    concert_diag_clear(&sub);
    if (concert_params_check(c->s->model_params, spec, nspec, name, &sub) ||
        probe_model(mod, c->s->model_params, &sub)) {
      const concert_i_ynode *bad = get(ps, sub.path);
      size_t m2 = push(c, ".%s", sub.path);
      st = fail(c, bad ? bad : ps, sub.status, "%s", sub.message);
      pop(c, m2);
    }
  }
  pop(c, m);
  return st;
}

static concert_status read_protocol(ctx *c, const concert_i_ynode *n) {
  concert_status st = need_map(c, n, "protocol");
  size_t it = 0;
  const concert_i_ynode *k, *v;
  while (!st && concert_i_yaml_pair(n, &it, &k, &v)) {
    const char *key = concert_i_yaml_is_scalar(k) ? concert_i_yaml_scalar(k) : "?";
    size_t m = push(c, ".%s", key);
    if (!v || !concert_i_yaml_is_scalar(v)) {
      st = fail(c, v ? v : k, CONCERT_ERR_TYPE, "protocol parameter '%s' must be a number or a word", key);
    } else {
      char text[160];
      snprintf(text, sizeof text, "%s=%s", key, concert_i_yaml_scalar(v));
      concert_diag sub;
      concert_diag_clear(&sub);
      if (concert_params_set_text(c->s->protocol, text, &sub))
        st = fail(c, v, sub.status, "%s", sub.message);
    }
    pop(c, m);
  }
  if (!st) {
    size_t nspec;
    const concert_param_spec *spec = concert_i_protocol_specs(&nspec);
    concert_diag sub;
    concert_diag_clear(&sub);
    if (concert_params_check(c->s->protocol, spec, nspec, "the summit protocol", &sub)) {
      const concert_i_ynode *bad = get(n, sub.path);
      size_t m = push(c, ".%s", sub.path);
      st = fail(c, bad ? bad : n, sub.status, "%s", sub.message);
      pop(c, m);
    }
    double agreed = NAN, discussed = NAN;
    for (size_t i = 0; i < nspec; i++) {
      if (strcmp(spec[i].key, "summary_agreed") == 0)
        agreed = concert_params_number(c->s->protocol, spec[i].key, spec[i].def);
      if (strcmp(spec[i].key, "summary_discussed") == 0)
        discussed = concert_params_number(c->s->protocol, spec[i].key, spec[i].def);
    }
    if (!st && agreed > discussed) { /* "agreed" must be the narrower band */
      const char *key = get(n, "summary_agreed") ? "summary_agreed" : "summary_discussed";
      size_t m = push(c, ".%s", key);
      char a[32], b[32];
      st = fail(c, get(n, key), CONCERT_ERR_RANGE,
                "summary_agreed (%s) is above summary_discussed (%s): the chair's summary would "
                "call an issue agreed that it does not call discussed",
                concert_i_number_text(agreed, a, sizeof a), concert_i_number_text(discussed, b, sizeof b));
      pop(c, m);
    }
  }
  return st;
}

/* Builds a sorted id index and reports the first duplicate. */
static concert_status build_index(ctx *c, const concert_i_ynode *seq, bool actors) {
  size_t n = actors ? c->s->n_actors : c->s->n_issues;
  id_ref *ix = malloc((n ? n : 1) * sizeof *ix);
  if (!ix) return fail(c, seq, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < n; i++) ix[i] = (id_ref){actors ? c->s->actors[i].id : c->s->issues[i].id, i};
  qsort(ix, n, sizeof *ix, by_id);
  if (actors) c->actor_ix = ix;
  else c->issue_ix = ix;
  for (size_t i = 1; i < n; i++)
    if (strcmp(ix[i].id, ix[i - 1].id) == 0) {
      size_t later = ix[i].idx > ix[i - 1].idx ? ix[i].idx : ix[i - 1].idx;
      size_t it = 0;
      const concert_i_ynode *e = NULL;
      for (size_t j = 0; j <= later; j++) e = concert_i_yaml_next(seq, &it);
      size_t m = push(c, "%s[%zu].id", actors ? "actors" : "issues", later);
      concert_status st = fail(c, e ? get(e, "id") : seq, CONCERT_ERR_DUPLICATE_ID,
                               "duplicate %s id '%s'", actors ? "actor" : "issue", ix[i].id);
      pop(c, m);
      return st;
    }
  return CONCERT_OK;
}

/* In a codebook file an event's source holding TO FILL is not yet coded either. The forum's
 * events are already read and checked (read_events); this only looks at their sources. */
static concert_status check_event_sources(ctx *c, const concert_i_ynode *forum) {
  const concert_i_ynode *evs = get(forum, "events"), *e;
  size_t it = 0;
  concert_status st = CONCERT_OK;
  for (size_t i = 0;
       !st && evs && concert_i_yaml_is_seq(evs) && (e = concert_i_yaml_next(evs, &it)); i++) {
    const concert_i_ynode *src = concert_i_yaml_is_map(e) ? get(e, "source") : NULL;
    if (!src) continue;
    size_t m = push(c, ".events[%zu]", i);
    const char *ignored;
    st = read_source(c, src, "the event", &ignored);
    pop(c, m);
  }
  return st;
}

/* `uncertainty: {dist: uniform|triangular}`: the file's default distribution of a range
 * (docs/scenario-format.md); a normal needs its own sd, so it is not a file default. */
static concert_status read_uncertainty(ctx *c, const concert_i_ynode *n) {
  static const char *const keys[] = {"dist", NULL};
  concert_status st = need_map(c, n, "uncertainty");
  if (!st) st = only_keys(c, n, keys);
  if (st || !get(n, "dist")) return st;
  st = read_dist(c, get(n, "dist"), &c->default_dist);
  if (!st && c->default_dist == CONCERT_I_DIST_NORMAL) {
    size_t m = push(c, ".dist");
    st = fail(c, get(n, "dist"), CONCERT_ERR_INVALID,
              "the file's default dist must be 'uniform' or 'triangular' (a normal needs the "
              "number's own sd)");
    pop(c, m);
  }
  return st;
}

static concert_status read_document(ctx *c, const concert_i_ynode *root) {
  static const char *const keys[] = {"name",   "description", "codebook", "source",
                                     "model",  "protocol",    "issues",   "actors",
                                     "forums", "uncertainty", NULL};
  concert_status st = need_map(c, root, "the document");
  if (!st) st = only_keys(c, root, keys);
  if (st) return st;
  concert_scenario *s = c->s;
  const concert_i_ynode *n = get(root, "name");
  if (!n) return fail(c, root, CONCERT_ERR_MISSING, "the scenario needs a 'name'");
  size_t m = push(c, "name");
  st = get_string(c, n, "name", &s->name);
  pop(c, m);
  if (st) return st;
  s->description = concert_i_strdup("");
  if (get(root, "description")) {
    m = push(c, "description");
    st = replace_string(c, get(root, "description"), "description", &s->description);
    pop(c, m);
    if (st) return st;
  }
  if (get(root, "codebook")) {
    double v;
    m = push(c, "codebook");
    st = scalar_number(c, get(root, "codebook"), "codebook", 1, 1e6, &v);
    if (!st && v != CONCERT_I_CODEBOOK_VERSION)
      st = fail(c, get(root, "codebook"), CONCERT_ERR_UNSUPPORTED,
                "codebook %s is not known; this concert reads codebook %d (docs/codebook.md)",
                concert_i_yaml_scalar(get(root, "codebook")), CONCERT_I_CODEBOOK_VERSION);
    pop(c, m);
    if (st) return st;
    s->codebook = c->codebook = CONCERT_I_CODEBOOK_VERSION;
  }
  if (get(root, "source")) {
    const char *top;
    if ((st = read_source(c, get(root, "source"), "the file", &top))) return st;
    /* in a codebook file every number's source is its own or its stance's, actor's or issue's */
    if (!c->codebook) c->top_source = top;
  }
  s->model = concert_i_strdup("compromise");
  s->model_params = concert_params_new();
  s->protocol = concert_params_new();
  if (!s->description || !s->model || !s->model_params || !s->protocol)
    return fail(c, root, CONCERT_ERR_NOMEM, "out of memory");
  if (get(root, "model")) {
    m = push(c, "model");
    st = read_model(c, get(root, "model"));
    pop(c, m);
    if (st) return st;
  }
  if (get(root, "protocol")) {
    m = push(c, "protocol");
    st = read_protocol(c, get(root, "protocol"));
    pop(c, m);
    if (st) return st;
  }
  if (get(root, "uncertainty")) {
    m = push(c, "uncertainty");
    st = read_uncertainty(c, get(root, "uncertainty"));
    pop(c, m);
    if (st) return st;
  }
  /* issues */
  const concert_i_ynode *is = get(root, "issues");
  if (!is) return fail(c, root, CONCERT_ERR_MISSING, "the scenario needs 'issues'");
  m = push(c, "issues");
  st = need_seq(c, is, "issues");
  int ni = st ? 0 : concert_i_yaml_count(is);
  if (!st && ni == 0) st = fail(c, is, CONCERT_ERR_EMPTY, "the scenario has no issue");
  if (!st && ni > CONCERT_MAX_ISSUES)
    st = fail(c, is, CONCERT_ERR_TOO_LARGE, "%d issues; the limit is %d", ni, CONCERT_MAX_ISSUES);
  if (!st) {
    s->issues = calloc((size_t)ni, sizeof *s->issues);
    if (!s->issues) st = fail(c, is, CONCERT_ERR_NOMEM, "out of memory");
  }
  size_t it = 0;
  const concert_i_ynode *e;
  while (!st && (e = concert_i_yaml_next(is, &it))) {
    size_t m2 = push(c, "[%zu]", s->n_issues);
    st = read_issue(c, e, &s->issues[s->n_issues++]);
    pop(c, m2);
  }
  pop(c, m);
  if (!st) st = build_index(c, is, false);
  if (st) return st;
  /* actors */
  const concert_i_ynode *as = get(root, "actors");
  if (!as) return fail(c, root, CONCERT_ERR_MISSING, "the scenario needs 'actors'");
  m = push(c, "actors");
  st = need_seq(c, as, "actors");
  int na = st ? 0 : concert_i_yaml_count(as);
  if (!st && na == 0) st = fail(c, as, CONCERT_ERR_EMPTY, "the scenario has no actor");
  if (!st && na > CONCERT_MAX_ACTORS)
    st = fail(c, as, CONCERT_ERR_TOO_LARGE, "%d actors; the limit is %d", na, CONCERT_MAX_ACTORS);
  if (!st) {
    s->actors = calloc((size_t)na, sizeof *s->actors);
    s->stances = calloc((size_t)na * s->n_issues, sizeof *s->stances);
    if (!s->actors || !s->stances) st = fail(c, as, CONCERT_ERR_NOMEM, "out of memory");
  }
  it = 0;
  while (!st && (e = concert_i_yaml_next(as, &it))) {
    size_t m2 = push(c, "[%zu]", s->n_actors);
    st = read_actor_head(c, e, &s->actors[s->n_actors++]);
    pop(c, m2);
  }
  pop(c, m);
  if (!st) st = build_index(c, as, true);
  it = 0;
  for (size_t a = 0; !st && (e = concert_i_yaml_next(as, &it)); a++) {
    size_t m2 = push(c, "actors[%zu]", a);
    st = read_stances(c, e, a);
    pop(c, m2);
  }
  if (st) return st;
  /* forums */
  const concert_i_ynode *fs = get(root, "forums");
  if (!fs) return fail(c, root, CONCERT_ERR_MISSING, "the scenario needs 'forums'");
  m = push(c, "forums");
  st = need_seq(c, fs, "forums");
  int nf = st ? 0 : concert_i_yaml_count(fs);
  if (!st && nf == 0) st = fail(c, fs, CONCERT_ERR_EMPTY, "the scenario has no forum");
  if (!st && nf > CONCERT_MAX_FORUMS)
    st = fail(c, fs, CONCERT_ERR_TOO_LARGE, "%d forums; the limit is %d", nf, CONCERT_MAX_FORUMS);
  if (!st) {
    s->forums = calloc((size_t)nf, sizeof *s->forums);
    if (!s->forums) st = fail(c, fs, CONCERT_ERR_NOMEM, "out of memory");
  }
  it = 0;
  while (!st && (e = concert_i_yaml_next(fs, &it))) {
    size_t m2 = push(c, "[%zu]", s->n_forums);
    st = read_forum(c, e, &s->forums[s->n_forums++]);
    for (size_t j = 0; !st && j + 1 < s->n_forums; j++)
      if (strcmp(s->forums[j].id, s->forums[s->n_forums - 1].id) == 0)
        st = fail(c, get(e, "id"), CONCERT_ERR_DUPLICATE_ID, "duplicate forum id '%s'", s->forums[j].id);
    if (!st && c->codebook) st = check_event_sources(c, e);
    pop(c, m2);
  }
  pop(c, m);
  return st;
}

/* The one loader: parses text and reads the document. Fields not yet coded are listed in
 * *todo (in file order) and do not stop the reading; the status says whether anything else
 * is wrong. */
static concert_status load_text(const char *text, size_t len, const char *name,
                                concert_scenario **out, concert_diag *d, concert_i_todo *todo) {
  *out = NULL;
  const char *file = name ? name : "<string>";
  if (len > CONCERT_MAX_FILE_BYTES)
    return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, file, 0, 0, NULL,
                          "the file has %zu bytes; the limit is %u", len, CONCERT_MAX_FILE_BYTES);
  concert_i_ydoc *doc;
  concert_status st = concert_i_yaml_parse(text, len, file, &doc, d);
  if (st) return st;
  ctx c = {.y = {.file = file, .d = d}, .s = concert_i_scenario_alloc(), .todo = todo};
  if (!c.s) st = concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
  if (!st) {
    c.s->file = concert_i_strdup(file);
    c.s->hash = concert_i_fnv1a(CONCERT_I_FNV_BASIS, text ? text : "", text ? len : 0);
    st = read_document(&c, concert_i_ydoc_root(doc));
  }
  free(c.actor_ix);
  free(c.issue_ix);
  concert_i_ydoc_free(doc);
  concert_i_todo_sort(todo);
  if (st) {
    concert_scenario_free(c.s);
    return st;
  }
  *out = c.s;
  return CONCERT_OK;
}

concert_status concert_scenario_load_string(const char *text, size_t len, const char *name,
                                            concert_scenario **out, concert_diag *d) {
  if (!out || (!text && len)) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  concert_i_todo todo = {NULL, 0, 0};
  concert_status st = load_text(text, len, name, out, d, &todo);
  if (!st && todo.n) { /* the first field not yet coded, in file order */
    concert_scenario_free(*out);
    *out = NULL;
    st = todo.items[0].status;
    if (d) *d = todo.items[0];
  }
  concert_i_todo_free(&todo);
  return st;
}

/* Reads the whole input at path (io/read_file.h: "-" is standard input; a FIFO, directory or
 * device is refused) into *buf (NUL-terminated; the caller frees it). */
static concert_status read_file(const char *path, char **buf, size_t *len, concert_diag *d) {
  char limit[96];
  snprintf(limit, sizeof limit, "the file has more than %u bytes, the limit", CONCERT_MAX_FILE_BYTES);
  return concert_i_read_file(path, CONCERT_MAX_FILE_BYTES, limit, buf, len, d);
}

concert_status concert_scenario_load_file(const char *path, concert_scenario **out,
                                          concert_diag *d) {
  if (!path || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  char *buf;
  size_t size = 0;
  concert_status st = read_file(path, &buf, &size, d);
  if (st) return st;
  st = concert_scenario_load_string(buf, size, strcmp(path, "-") == 0 ? "<stdin>" : path, out, d);
  free(buf);
  return st;
}

concert_status concert_scenario_unfilled_file(const char *path, concert_diag **fields, size_t *n,
                                              concert_diag *d) {
  if (!path || !fields || !n) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *fields = NULL;
  *n = 0;
  char *buf;
  size_t size = 0;
  concert_status st = read_file(path, &buf, &size, d);
  if (st) return st;
  concert_i_todo todo = {NULL, 0, 0};
  concert_scenario *s = NULL;
  st = load_text(buf, size, strcmp(path, "-") == 0 ? "<stdin>" : path, &s, d, &todo);
  free(buf);
  concert_scenario_free(s);
  *fields = todo.items;
  *n = todo.n;
  return st;
}
