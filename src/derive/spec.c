/* spec.c: reads a derive spec (docs/derive.md) through io/yaml_read.h: a scenario-like YAML file
 * with name, year, optional codebook: 1, issues (optionally tied to a UNGA issue family,
 * a direction and vote years), actors (ids, names, optional capability and stances) and
 * forums. The reader checks what derive relies on (ids, families, years, stance fields,
 * forum members) and keeps the parsed tree, so the writer copies every given node unchanged.
 * Every error carries file:line:col and the field path ("issues[2].family"). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/derive_i.h"
#include "io/number.h"
#include "io/yaml_read.h"
#include "scenario/provenance.h"
#include "status/diag.h"

/* Reading state. */
typedef struct ctx {
  concert_i_yaml y; /* file, diagnostic and field path (io/yaml_read.h) */
} ctx;

/* Positions, paths, errors and key checks: io/yaml_read.h. */
#define push(c, ...) concert_i_yaml_push(&(c)->y, __VA_ARGS__)
#define pop(c, mark) concert_i_yaml_pop(&(c)->y, (mark))
#define fail(c, n, st, ...) concert_i_yaml_fail(&(c)->y, (n), (st), __VA_ARGS__)
#define get concert_i_yaml_get
#define scalar concert_i_yaml_scalar
#define only_keys(c, map, allowed) concert_i_yaml_only_keys(&(c)->y, (map), (allowed))
#define need(c, n, map, what) concert_i_yaml_need(&(c)->y, (n), (map), (what))

/* An integer in [lo, hi]. */
static concert_status get_int(ctx *c, const concert_i_ynode *n, const char *what, long lo, long hi,
                              int *out) {
  const char *v = scalar(n);
  char *end = NULL;
  errno = 0;
  long x = v ? strtol(v, &end, 10) : 0;
  if (!v || end == v || *end || errno)
    return fail(c, n, CONCERT_ERR_TYPE, "%s must be an integer", what);
  if (x < lo || x > hi)
    return fail(c, n, CONCERT_ERR_RANGE, "%s is %s; it must lie in %ld-%ld", what, v, lo, hi);
  *out = (int)x;
  return CONCERT_OK;
}

/* An identifier: 1-31 letters, digits, '_', '-', '.'. */
#define get_id(c, n, what, out) concert_i_yaml_id(&(c)->y, (n), (what), (out))

/* A number given plainly or as {value, low, high, source, dist}. */
static concert_status check_number(ctx *c, const concert_i_ynode *n, const char *what) {
  if (n && concert_i_yaml_is_map(n)) {
    concert_status st = only_keys(c, n, concert_i_number_keys);
    if (st) return st;
    if (!get(n, "value")) return fail(c, n, CONCERT_ERR_MISSING, "%s needs a 'value'", what);
    n = get(n, "value");
  }
  const char *v = scalar(n);
  double x;
  concert_i_num k = v ? concert_i_number(v, &x) : CONCERT_I_NUM_SYNTAX;
  if (k == CONCERT_I_NUM_SYNTAX)
    return fail(c, n, CONCERT_ERR_TYPE, "%s must be a number or {value, low, high, source}", what);
  if (k != CONCERT_I_NUM_OK)
    return fail(c, n, CONCERT_ERR_RANGE, "%s is '%s', which %s", what, v, concert_i_number_why(k));
  return CONCERT_OK;
}

static concert_status read_issue(ctx *c, concert_i_spec *s, const concert_i_ynode *n,
                                 concert_i_spec_issue *q) {
  static const char *const keys[] = {"id",       "title",     "scale",  "reversion",
                                     "category", "tags",      "source", "negotiated",
                                     "family",   "direction", "years",  NULL};
  concert_status st = need(c, n, true, "an issue");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  q->node = n;
  if (!get(n, "id")) return fail(c, n, CONCERT_ERR_MISSING, "an issue needs an 'id'");
  size_t m = push(c, ".id");
  st = get_id(c, get(n, "id"), "issue id", &q->id);
  for (size_t i = 0; !st && i + 1 < s->n_issues; i++)
    if (strcmp(s->issues[i].id, q->id) == 0)
      st = fail(c, get(n, "id"), CONCERT_ERR_DUPLICATE_ID, "issue '%s' is declared twice", q->id);
  pop(c, m);
  if (st) return st;
  if (get(n, "reversion")) {
    m = push(c, ".reversion");
    st = check_number(c, get(n, "reversion"), "reversion");
    pop(c, m);
    if (st) return st;
  }
  q->from = s->year - 3, q->to = s->year - 1;
  const concert_i_ynode *fam = get(n, "family"), *dir = get(n, "direction"), *yrs = get(n, "years");
  if (!fam) {
    const concert_i_ynode *x = dir ? dir : yrs;
    if (x) {
      m = push(c, dir ? ".direction" : ".years");
      st = fail(c, x, CONCERT_ERR_MISSING, "'%s' needs a 'family'", dir ? "direction" : "years");
      pop(c, m);
    }
    return st;
  }
  m = push(c, ".family");
  q->fam = concert_i_family_find(scalar(fam));
  if (!q->fam)
    st = fail(c, fam, CONCERT_ERR_INVALID,
              "unknown family '%s' (expected one of: ua, me, nu, di, hr, co, ec)",
              scalar(fam) ? scalar(fam) : "?");
  pop(c, m);
  if (!st && dir) {
    m = push(c, ".direction");
    const char *v = scalar(dir);
    if (v && strcmp(v, "oppose") == 0)
      q->oppose = true;
    else if (!v || strcmp(v, "support") != 0)
      st = fail(c, dir, CONCERT_ERR_INVALID, "direction must be 'support' or 'oppose'");
    pop(c, m);
  }
  if (!st && yrs) {
    m = push(c, ".years");
    if (!concert_i_yaml_is_seq(yrs) || concert_i_yaml_count(yrs) != 2)
      st = fail(c, yrs, CONCERT_ERR_TYPE, "years must be [FIRST, LAST]");
    if (!st) st = get_int(c, concert_i_yaml_item(yrs, 0), "the first year", 1946, 2100, &q->from);
    if (!st) st = get_int(c, concert_i_yaml_item(yrs, 1), "the last year", q->from, 2100, &q->to);
    pop(c, m);
  }
  return st;
}

static const concert_i_spec_issue *find_issue(const concert_i_spec *s, const char *id) {
  for (size_t i = 0; id && i < s->n_issues; i++)
    if (strcmp(s->issues[i].id, id) == 0) return &s->issues[i];
  return NULL;
}

static concert_status read_stances(ctx *c, concert_i_spec *s, const concert_i_ynode *n) {
  static const char *const keys[] = {"position",  "salience", "red_line",
                                     "tolerance", "source",   NULL};
  concert_status st = need(c, n, true, "stances");
  size_t it = 0;
  const concert_i_ynode *key, *v;
  while (!st && concert_i_yaml_pair(n, &it, &key, &v)) {
    const char *id = scalar(key);
    size_t m = push(c, ".%s", id ? id : "?");
    if (!find_issue(s, id))
      st = fail(c, key, CONCERT_ERR_UNKNOWN_ID, "'%s' is not a declared issue", id ? id : "?");
    if (!st) st = need(c, v, true, "a stance");
    if (!st) st = only_keys(c, v, keys);
    for (size_t k = 0; !st && keys[k + 1]; k++)
      if (get(v, keys[k])) {
        size_t m2 = push(c, ".%s", keys[k]);
        st = check_number(c, get(v, keys[k]), keys[k]);
        pop(c, m2);
      }
    pop(c, m);
  }
  return st;
}

static concert_status read_actor(ctx *c, concert_i_spec *s, const concert_i_ynode *n,
                                 concert_i_spec_actor *a) {
  static const char *const keys[] = {"id", "name", "capability", "source", "stances", NULL};
  concert_status st = need(c, n, true, "an actor");
  if (!st) st = only_keys(c, n, keys);
  if (st) return st;
  a->node = n;
  if (!get(n, "id")) return fail(c, n, CONCERT_ERR_MISSING, "an actor needs an 'id'");
  size_t m = push(c, ".id");
  st = get_id(c, get(n, "id"), "actor id", &a->id);
  for (size_t i = 0; !st && i + 1 < s->n_actors; i++)
    if (strcmp(s->actors[i].id, a->id) == 0)
      st = fail(c, get(n, "id"), CONCERT_ERR_DUPLICATE_ID, "actor '%s' is declared twice", a->id);
  pop(c, m);
  if (!st && get(n, "capability")) {
    m = push(c, ".capability");
    st = check_number(c, get(n, "capability"), "capability");
    pop(c, m);
  }
  if (!st && get(n, "stances")) {
    a->stances = get(n, "stances");
    m = push(c, ".stances");
    st = read_stances(c, s, a->stances);
    pop(c, m);
  }
  return st;
}

static bool is_actor(const concert_i_spec *s, const char *id) {
  for (size_t i = 0; id && i < s->n_actors; i++)
    if (strcmp(s->actors[i].id, id) == 0) return true;
  return false;
}

static concert_status read_forum(ctx *c, const concert_i_spec *s, const concert_i_ynode *n) {
  concert_status st = need(c, n, true, "a forum");
  if (st) return st;
  if (!get(n, "id")) return fail(c, n, CONCERT_ERR_MISSING, "a forum needs an 'id'");
  const char *id;
  size_t m = push(c, ".id");
  st = get_id(c, get(n, "id"), "forum id", &id);
  pop(c, m);
  const concert_i_ynode *mem = get(n, "members");
  if (!st && !mem) st = fail(c, n, CONCERT_ERR_MISSING, "forum '%s' needs 'members'", id);
  if (st) return st;
  m = push(c, ".members");
  st = need(c, mem, false, "members");
  size_t it = 0;
  const concert_i_ynode *e;
  for (int i = 0; !st && (e = concert_i_yaml_next(mem, &it)); i++)
    if (!is_actor(s, scalar(e))) {
      size_t m2 = push(c, "[%d]", i);
      st = fail(c, e, CONCERT_ERR_UNKNOWN_ID, "'%s' is not a declared actor",
                scalar(e) ? scalar(e) : "?");
      pop(c, m2);
    }
  pop(c, m);
  return st;
}

/* Reads a sequence section into an array of n items of the given size. */
static concert_status section(ctx *c, const concert_i_ynode *root, const char *key, size_t item,
                              void **arr, size_t *n) {
  const concert_i_ynode *sq = get(root, key);
  size_t m = push(c, "%s", key);
  concert_status st =
      sq ? need(c, sq, false, key) : fail(c, root, CONCERT_ERR_MISSING, "the spec needs '%s'", key);
  int k = st ? 0 : concert_i_yaml_count(sq);
  if (!st && k == 0) st = fail(c, sq, CONCERT_ERR_EMPTY, "'%s' is empty", key);
  if (!st && k > 512) st = fail(c, sq, CONCERT_ERR_TOO_LARGE, "more than 512 %s", key);
  if (!st && arr && !(*arr = calloc((size_t)k, item)))
    st = fail(c, sq, CONCERT_ERR_NOMEM, "out of memory");
  pop(c, m);
  if (n) *n = 0;
  return st;
}

static concert_status read_document(ctx *c, concert_i_spec *s, const concert_i_ynode *root) {
  static const char *const keys[] = {"name",   "year",   "codebook", "description",
                                     "source", "model",  "protocol", "issues",
                                     "actors", "forums", NULL};
  concert_status st = need(c, root, true, "the document");
  if (!st) st = only_keys(c, root, keys);
  if (st) return st;
  s->root = root;
  size_t m = push(c, "name");
  s->name = scalar(get(root, "name"));
  if (!s->name)
    st = fail(c, get(root, "name") ? get(root, "name") : root,
              get(root, "name") ? CONCERT_ERR_TYPE : CONCERT_ERR_MISSING,
              "the spec needs a 'name' (a text)");
  pop(c, m);
  if (st) return st;
  m = push(c, "year");
  st = get(root, "year") ? get_int(c, get(root, "year"), "year", 1947, 2100, &s->year)
                         : fail(c, root, CONCERT_ERR_MISSING, "the spec needs a 'year'");
  pop(c, m);
  if (!st && get(root, "codebook")) {
    int v;
    m = push(c, "codebook");
    st = get_int(c, get(root, "codebook"), "codebook", 1, 1, &v);
    pop(c, m);
  }
  for (size_t k = 0; !st && k < 2; k++) {
    const char *key = k ? "protocol" : "model";
    if (!get(root, key)) continue;
    m = push(c, "%s", key);
    st = need(c, get(root, key), true, key);
    pop(c, m);
  }
  if (!st) st = section(c, root, "issues", sizeof *s->issues, (void **)&s->issues, &s->n_issues);
  size_t it = 0;
  const concert_i_ynode *e;
  while (!st && (e = concert_i_yaml_next(get(root, "issues"), &it))) {
    m = push(c, "issues[%zu]", s->n_issues);
    s->n_issues++;
    st = read_issue(c, s, e, &s->issues[s->n_issues - 1]);
    pop(c, m);
  }
  if (!st) st = section(c, root, "actors", sizeof *s->actors, (void **)&s->actors, &s->n_actors);
  it = 0;
  while (!st && (e = concert_i_yaml_next(get(root, "actors"), &it))) {
    m = push(c, "actors[%zu]", s->n_actors);
    s->n_actors++;
    st = read_actor(c, s, e, &s->actors[s->n_actors - 1]);
    pop(c, m);
  }
  if (!st) st = section(c, root, "forums", 1, NULL, NULL);
  it = 0;
  for (size_t i = 0; !st && (e = concert_i_yaml_next(get(root, "forums"), &it)); i++) {
    m = push(c, "forums[%zu]", i);
    st = read_forum(c, s, e);
    pop(c, m);
  }
  s->forums = get(root, "forums");
  return st;
}

concert_status concert_i_spec_parse(const char *text, size_t len, const char *file,
                                    concert_i_spec *s, concert_diag *d) {
  memset(s, 0, sizeof *s);
  concert_status st = concert_i_yaml_parse(text, len, file, &s->doc, d);
  if (!st) {
    ctx c = {.y = {.file = file, .d = d}};
    st = read_document(&c, s, concert_i_ydoc_root(s->doc));
  }
  return st;
}

void concert_i_spec_free(concert_i_spec *s) {
  if (!s) return;
  concert_i_ydoc_free(s->doc);
  free(s->issues);
  free(s->actors);
  memset(s, 0, sizeof *s);
}
