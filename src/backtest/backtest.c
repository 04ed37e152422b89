/* backtest.c: concert_backtest_run (play every summit, add the naive forecasters, score)
 * and the getters of its results (docs/backtest.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "status/diag.h"

void concert_backtest_options_init(concert_backtest_options *o) {
  if (!o) return;
  memset(o, 0, sizeof *o);
  o->runs = 1;
  o->seed = 1;
  o->threads = 1;
}

void concert_backtest_free(concert_backtest *b) {
  if (!b) return;
  if (b->protocols)
    for (size_t i = 0; i < b->r->n_summits; i++) concert_params_free(b->protocols[i]);
  free(b->protocols);
  free(b->fit_label);
  free(b->summits);
  free(b->items);
  free(b);
}

concert_status concert_backtest_run(const concert_record *r, const concert_backtest_options *o,
                                    concert_backtest **out, concert_diag *diag) {
  concert_diag_clear(diag);
  if (!r || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "backtest: NULL argument");
  *out = NULL;
  concert_backtest_options def;
  if (!o) {
    concert_backtest_options_init(&def);
    o = &def;
  }
  if (o->runs == 0) return CONCERT_FAIL(diag, CONCERT_ERR_RANGE, "backtest: runs must be >= 1");
  concert_backtest *b = calloc(1, sizeof *b);
  if (b) b->r = r;
  if (!b || !(b->summits = calloc(r->n_summits + 1, sizeof *b->summits)) ||
      !(b->protocols = calloc(r->n_summits + 1, sizeof *b->protocols)) ||
      (o->fit && o->fit_label && !(b->fit_label = strdup(o->fit_label)))) {
    concert_backtest_free(b);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  b->r = r;
  b->runs = o->runs;
  b->seed = o->seed;
  b->fitted = o->fit != NULL;
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < r->n_summits && !st; i++) st = concert_i_backtest_play(b, i, o, diag);
  if (!st) st = concert_i_backtest_naive(b, diag);
  if (st) {
    concert_backtest_free(b);
    return st;
  }
  concert_i_backtest_score(b);
  *out = b;
  return CONCERT_OK;
}

concert_backtest_score concert_backtest_get_score(const concert_backtest *b, concert_forecaster f,
                                                  concert_backtest_target t) {
  concert_backtest_score none = {0, 0, NAN, NAN, NAN, 0};
  if (!b || (unsigned)f >= CONCERT_FORECASTERS || (unsigned)t >= CONCERT_TARGETS) return none;
  return b->score[f][t];
}

size_t concert_backtest_summit_count(const concert_backtest *b) { return b ? b->r->n_summits : 0; }
const concert_backtest_summit *concert_backtest_summit_at(const concert_backtest *b, size_t i) {
  return b && i < b->r->n_summits ? &b->summits[i] : NULL;
}
size_t concert_backtest_item_count(const concert_backtest *b) { return b ? b->n_items : 0; }
const concert_backtest_item *concert_backtest_item_at(const concert_backtest *b, size_t i) {
  return b && i < b->n_items ? &b->items[i] : NULL;
}
concert_backtest_bin concert_backtest_calibration(const concert_backtest *b, size_t k) {
  concert_backtest_bin none = {NAN, NAN, 0, NAN, NAN};
  return b && k < CONCERT_BACKTEST_BINS ? b->bins[k] : none;
}
size_t concert_backtest_runs(const concert_backtest *b) { return b ? b->runs : 0; }
uint64_t concert_backtest_seed(const concert_backtest *b) { return b ? b->seed : 0; }
bool concert_backtest_fitted(const concert_backtest *b) { return b && b->fitted; }
const char *concert_backtest_fit_label(const concert_backtest *b) {
  return b ? b->fit_label : NULL;
}

const char *concert_forecaster_name(concert_forecaster f) {
  static const char *const names[] = {"concert", "base_rate", "always", "previous"};
  return (unsigned)f < CONCERT_FORECASTERS ? names[f] : "?";
}
const char *concert_backtest_target_name(concert_backtest_target t) {
  static const char *const names[] = {"fate", "statement", "signatory", "blocker"};
  return (unsigned)t < CONCERT_TARGETS ? names[t] : "?";
}

const char *concert_i_backtest_num(char *buf, size_t size, int digits, double x) {
  if (!isfinite(x))
    snprintf(buf, size, "n/a");
  else
    snprintf(buf, size, "%.*f", digits, x == 0 ? 0.0 : x);
  return buf;
}
