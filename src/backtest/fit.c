/* fit.c: the leave-one-summit-out grid fit (docs/backtest.md, "No fitting to the test").
 *
 * A grid is a list of protocol parameters, each with the values to try; its points are every
 * combination, the first parameter varying slowest. Used as concert_backtest_options.fit, it
 * plays every summit of the record at every point once (the cache: grid x summits summit
 * runs or sweeps, each scored by concert_backtest_run itself) and keeps each (point, summit)
 * pair's Brier sums and counts per target. For held-out summit h it returns the point with
 * the lowest criterion on the other summits:
 *   fate: sum over s != h of the fate Brier score / the known fates among them;
 *   all:  the same mean for each of the four targets, summed (a target with no known
 *         observation on the other summits adds 0);
 * ties go to the first point. Summit h's own observations never enter its choice. */
#include <concert/summit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "io/number.h"
#include "status/diag.h"

/* One parameter of the grid and its values. */
typedef struct grid_param {
  char *key;               /* the protocol parameter (owned) */
  concert_params **values; /* one set per value, holding key = that value (owned) */
  char **texts;            /* each value as shown (owned) */
  size_t n;                /* values */
} grid_param;

struct concert_backtest_grid {
  grid_param *params; /* in the order added (owned) */
  size_t n_params;
  size_t size;                        /* points: the product of the value counts */
  concert_backtest_fit_target target; /* what is minimised */
  char *label;                        /* the description (owned) */
  /* the cache, filled by the first fit call for a record and options */
  const concert_record *r; /* the record it was filled for (borrowed; NULL: empty) */
  size_t runs;             /* the options it was filled with */
  uint64_t seed;
  size_t n_summits;
  double *sum; /* [point][summit][target] Brier sums (owned) */
  size_t *n;   /* [point][summit][target] known observations (owned) */
};

static void cache_clear(concert_backtest_grid *g) {
  free(g->sum);
  free(g->n);
  g->sum = NULL;
  g->n = NULL;
  g->r = NULL;
  g->n_summits = 0;
}

concert_status concert_backtest_grid_new(concert_backtest_grid **out, concert_diag *diag) {
  concert_diag_clear(diag);
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "backtest grid: NULL argument");
  *out = calloc(1, sizeof **out);
  if (!*out) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

static void param_free(grid_param *p) {
  for (size_t i = 0; i < p->n; i++) {
    concert_params_free(p->values[i]);
    free(p->texts[i]);
  }
  free(p->values);
  free(p->texts);
  free(p->key);
}

void concert_backtest_grid_free(concert_backtest_grid *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n_params; i++) param_free(&g->params[i]);
  free(g->params);
  free(g->label);
  cache_clear(g);
  free(g);
}

/* Rebuilds g->label; false without memory. */
static bool relabel(concert_backtest_grid *g) {
  size_t len = 128;
  for (size_t i = 0; i < g->n_params; i++) {
    len += strlen(g->params[i].key) + 16;
    for (size_t j = 0; j < g->params[i].n; j++) len += strlen(g->params[i].texts[j]) + 2;
  }
  char *s = malloc(len);
  if (!s) return false;
  size_t used = 0;
  for (size_t i = 0; i < g->n_params; i++) {
    const grid_param *p = &g->params[i];
    used += (size_t)snprintf(s + used, len - used, "%s%s over {", i ? ", " : "", p->key);
    for (size_t j = 0; j < p->n; j++)
      used += (size_t)snprintf(s + used, len - used, "%s%s", j ? ", " : "", p->texts[j]);
    used += (size_t)snprintf(s + used, len - used, "}");
  }
  snprintf(s + used, len - used, "; by %s on the other summits",
           g->target == CONCERT_FIT_ALL
               ? "the sum of the mean fate, statement, signatory and blocker Brier scores"
               : "the mean fate Brier score");
  free(g->label);
  g->label = s;
  return true;
}

/* The value text [v, v + len) of parameter key as a one-entry set, checked by the protocol's
 * table; its text for the label into *text. */
static concert_status parse_value(const char *key, const char *v, size_t len, concert_params **out,
                                  char **text, concert_diag *d) {
  *out = NULL;
  *text = NULL;
  if (len == 0)
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, key,
                          "an empty value in the list of '%s' (write KEY=V1,V2,...)", key);
  size_t kl = strlen(key);
  char *a = malloc(kl + len + 2);
  concert_params *p = concert_params_new();
  if (!a || !p) {
    free(a);
    concert_params_free(p);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  memcpy(a, key, kl);
  a[kl] = '=';
  memcpy(a + kl + 1, v, len);
  a[kl + len + 1] = '\0';
  size_t n_specs = 0;
  const concert_param_spec *specs = concert_summit_params(&n_specs);
  concert_status st = concert_params_set_text(p, a, d);
  if (!st) st = concert_params_check(p, specs, n_specs, "the summit protocol", d);
  free(a);
  if (st) {
    concert_params_free(p);
    return st;
  }
  const char *w = concert_params_word(p, key, NULL);
  char num[32];
  *text = strdup(w ? w : concert_i_number_text(concert_params_number(p, key, 0), num, sizeof num));
  if (!*text) {
    concert_params_free(p);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  *out = p;
  return CONCERT_OK;
}

concert_status concert_backtest_grid_add(concert_backtest_grid *g, const char *assignment,
                                         concert_diag *diag) {
  concert_diag_clear(diag);
  if (!g || !assignment)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "backtest grid: NULL argument");
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return CONCERT_FAIL(diag, CONCERT_ERR_INVALID,
                        "'%s' is not KEY=V1,V2,... (a protocol parameter and its values)",
                        assignment);
  grid_param p = {0};
  if (!(p.key = strndup(assignment, (size_t)(eq - assignment))))
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < g->n_params && !st; i++)
    if (strcmp(g->params[i].key, p.key) == 0)
      st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, NULL, 0, 0, p.key,
                          "'%s' is given twice; list all its values once", p.key);
  size_t cap = 1;
  for (const char *c = eq + 1; *c; c++) cap += *c == ',';
  if (!st &&
      (!(p.values = calloc(cap, sizeof *p.values)) || !(p.texts = calloc(cap, sizeof *p.texts))))
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  for (const char *v = eq + 1; !st;) {
    const char *end = strchr(v, ',');
    size_t len = end ? (size_t)(end - v) : strlen(v);
    st = parse_value(p.key, v, len, &p.values[p.n], &p.texts[p.n], diag);
    if (!st) p.n++;
    if (!end) break;
    v = end + 1;
  }
  if (!st && (g->size ? g->size : 1) * p.n > CONCERT_BACKTEST_GRID_MAX)
    st = concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, p.key,
                        "the grid would have %zu points; at most %d", (g->size ? g->size : 1) * p.n,
                        CONCERT_BACKTEST_GRID_MAX);
  grid_param *np = st ? NULL : realloc(g->params, (g->n_params + 1) * sizeof *np);
  if (!st && !np) st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  if (st) {
    param_free(&p);
    return st;
  }
  g->params = np;
  g->params[g->n_params++] = p;
  g->size = (g->size ? g->size : 1) * p.n;
  cache_clear(g);
  if (!relabel(g)) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

concert_status concert_backtest_grid_set_target(concert_backtest_grid *g,
                                                concert_backtest_fit_target t) {
  if (!g || (t != CONCERT_FIT_FATE && t != CONCERT_FIT_ALL)) return CONCERT_ERR_ARGUMENT;
  g->target = t;
  cache_clear(g);
  return relabel(g) ? CONCERT_OK : CONCERT_ERR_NOMEM;
}

size_t concert_backtest_grid_size(const concert_backtest_grid *g) { return g ? g->size : 0; }
const char *concert_backtest_grid_label(const concert_backtest_grid *g) {
  return g && g->label ? g->label : "";
}

void concert_backtest_grid_use(concert_backtest_grid *g, concert_backtest_options *o) {
  if (!o) return;
  o->fit = concert_backtest_grid_fit;
  o->fit_user = g;
  o->fit_label = g ? g->label : NULL;
}

/* Grid point k as protocol overrides (a new set) into *out. */
static concert_status point_params(const concert_backtest_grid *g, size_t k, concert_params **out,
                                   concert_diag *d) {
  concert_params *p = concert_params_new();
  if (!p) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  size_t stride = g->size;
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < g->n_params && !st; i++) {
    const grid_param *gp = &g->params[i];
    stride /= gp->n;
    const concert_params *v = gp->values[(k / stride) % gp->n];
    const char *w = concert_params_word(v, gp->key, NULL);
    st = w ? concert_params_set_word(p, gp->key, w)
           : concert_params_set_number(p, gp->key, concert_params_number(v, gp->key, 0));
  }
  if (st) {
    concert_params_free(p);
    return CONCERT_FAIL(d, st, "out of memory");
  }
  *out = p;
  return CONCERT_OK;
}

/* The fit of the cache's backtests: the same overrides (user) for every summit. */
static concert_status fixed_fit(const concert_record *r, const concert_backtest_options *o,
                                size_t held_out, concert_params **protocol, void *user,
                                concert_diag *d) {
  (void)r, (void)o, (void)held_out;
  *protocol = concert_params_clone(user);
  return *protocol ? CONCERT_OK : CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
}

/* Plays every summit of r at every point of g (o: runs, seed, threads) into the cache. */
static concert_status fill_cache(concert_backtest_grid *g, const concert_record *r,
                                 const concert_backtest_options *o, concert_diag *d) {
  cache_clear(g);
  size_t ns = r->n_summits, cells = g->size * (ns ? ns : 1) * CONCERT_TARGETS;
  g->sum = calloc(cells, sizeof *g->sum);
  g->n = calloc(cells, sizeof *g->n);
  if (!g->sum || !g->n) {
    cache_clear(g);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  concert_status st = CONCERT_OK;
  for (size_t k = 0; k < g->size && !st; k++) {
    concert_params *p = NULL;
    concert_backtest *b = NULL;
    concert_backtest_options ok = *o;
    ok.fit = fixed_fit;
    ok.fit_label = NULL;
    if (!(st = point_params(g, k, &p, d))) {
      ok.fit_user = p;
      st = concert_backtest_run(r, &ok, &b, d);
    }
    if (!st)
      concert_i_backtest_brier_sums(b, g->sum + k * ns * CONCERT_TARGETS,
                                    g->n + k * ns * CONCERT_TARGETS);
    concert_backtest_free(b);
    concert_params_free(p);
  }
  if (st) {
    cache_clear(g);
    return st;
  }
  g->r = r, g->runs = o->runs, g->seed = o->seed, g->n_summits = ns;
  return CONCERT_OK;
}

double concert_backtest_grid_criterion(const concert_backtest_grid *g, size_t held_out, size_t k) {
  if (!g || !g->r || held_out >= g->n_summits || k >= g->size) return NAN;
  size_t ns = g->n_summits;
  int targets = g->target == CONCERT_FIT_ALL ? CONCERT_TARGETS : 1;
  double c = 0;
  for (int t = 0; t < targets; t++) {
    double sum = 0;
    size_t n = 0;
    for (size_t s = 0; s < ns; s++) {
      if (s == held_out) continue;
      sum += g->sum[(k * ns + s) * CONCERT_TARGETS + (size_t)t];
      n += g->n[(k * ns + s) * CONCERT_TARGETS + (size_t)t];
    }
    if (n) c += sum / (double)n;
  }
  return c;
}

concert_status concert_backtest_grid_fit(const concert_record *r, const concert_backtest_options *o,
                                         size_t held_out, concert_params **protocol, void *user,
                                         concert_diag *diag) {
  concert_backtest_grid *g = user;
  if (!r || !o || !protocol || !g)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "backtest grid fit: NULL argument");
  *protocol = NULL;
  if (!g->size) return CONCERT_FAIL(diag, CONCERT_ERR_EMPTY, "backtest grid fit: empty grid");
  if (held_out >= r->n_summits)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "backtest grid fit: no summit %zu", held_out);
  concert_status st;
  if ((g->r != r || g->runs != o->runs || g->seed != o->seed || g->n_summits != r->n_summits) &&
      (st = fill_cache(g, r, o, diag)))
    return st;
  size_t best = 0;
  double best_c = concert_backtest_grid_criterion(g, held_out, 0);
  for (size_t k = 1; k < g->size; k++) {
    double c = concert_backtest_grid_criterion(g, held_out, k);
    if (c < best_c) best = k, best_c = c;
  }
  return point_params(g, best, protocol, diag);
}
