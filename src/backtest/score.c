/* score.c: scores every forecaster on every target (docs/backtest.md) and builds the
 * calibration table of concert's binary forecasts.
 *   fate (five classes): right when the most probable fate (ties: the first in the order
 *     issued, issued_with_carve_out, forgone, failed, disowned) is the observed one;
 *     Brier = sum over the five fates of (p_f - o_f)^2; log = ln clip(p_observed);
 *   binary: right when (p >= 0.5) equals the observation; Brier = (p - o)^2;
 *     log = ln clip(o ? p : 1 - p);
 * clip(p) = min(max(p, EPS), 1 - EPS), EPS = CONCERT_BACKTEST_EPS. Means over the known
 * observations; the unknown ones are counted apart. */
#include <math.h>
#include <string.h>

#include "backtest/backtest_i.h"

static double clip(double p) {
  if (p < CONCERT_BACKTEST_EPS) return CONCERT_BACKTEST_EPS;
  if (p > 1 - CONCERT_BACKTEST_EPS) return 1 - CONCERT_BACKTEST_EPS;
  return p;
}

/* Running sums of one score. */
typedef struct acc {
  size_t n, unknown, right, fallbacks;
  double brier, log;
} acc;

static void finish(const acc *a, concert_backtest_score *s) {
  s->n = a->n;
  s->unknown = a->unknown;
  s->fallbacks = a->fallbacks;
  s->accuracy = a->n ? (double)a->right / (double)a->n : NAN;
  s->brier = a->n ? a->brier / (double)a->n : NAN;
  s->log_score = a->n ? a->log / (double)a->n : NAN;
}

/* The fate Brier score of probabilities p against the observed fate. */
static double fate_brier(const double *p, concert_document_fate observed) {
  double brier = 0;
  for (size_t k = 0; k < CONCERT_BACKTEST_FATES; k++) {
    double o = k == (size_t)observed;
    brier += (p[k] - o) * (p[k] - o);
  }
  return brier;
}

void concert_i_backtest_brier_sums(const concert_backtest *b, double *sum, size_t *n) {
  const int f = CONCERT_FORECASTER_CONCERT;
  for (size_t si = 0; si < b->r->n_summits; si++) {
    const concert_backtest_summit *bs = &b->summits[si];
    if (!bs->known) continue;
    sum[si * CONCERT_TARGETS + CONCERT_TARGET_FATE] += fate_brier(bs->p[f], bs->observed);
    n[si * CONCERT_TARGETS + CONCERT_TARGET_FATE]++;
  }
  for (size_t i = 0; i < b->n_items; i++) {
    const concert_backtest_item *it = &b->items[i];
    if (it->observed < 0) continue;
    double d = it->p[f] - it->observed;
    sum[it->summit * CONCERT_TARGETS + it->target] += d * d;
    n[it->summit * CONCERT_TARGETS + it->target]++;
  }
}

void concert_i_backtest_score(concert_backtest *b) {
  acc a[CONCERT_FORECASTERS][CONCERT_TARGETS];
  memset(a, 0, sizeof a);
  for (size_t si = 0; si < b->r->n_summits; si++) {
    const concert_backtest_summit *bs = &b->summits[si];
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      acc *x = &a[f][CONCERT_TARGET_FATE];
      if (f == CONCERT_FORECASTER_PREVIOUS) x->fallbacks += bs->previous_fallback;
      if (!bs->known) {
        x->unknown++;
        continue;
      }
      const double *p = bs->p[f];
      size_t best = 0;
      for (size_t k = 1; k < CONCERT_BACKTEST_FATES; k++)
        if (p[k] > p[best]) best = k;
      double brier = fate_brier(p, bs->observed);
      x->n++;
      x->right += best == (size_t)bs->observed;
      x->brier += brier;
      x->log += log(clip(p[bs->observed]));
    }
  }
  size_t bn[CONCERT_BACKTEST_BINS] = {0};
  double bp[CONCERT_BACKTEST_BINS] = {0}, bo[CONCERT_BACKTEST_BINS] = {0};
  for (size_t i = 0; i < b->n_items; i++) {
    const concert_backtest_item *it = &b->items[i];
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      acc *x = &a[f][it->target];
      if (f == CONCERT_FORECASTER_PREVIOUS) x->fallbacks += it->previous_fallback;
      if (it->observed < 0) {
        x->unknown++;
        continue;
      }
      double p = it->p[f], o = it->observed;
      x->n++;
      x->right += (p >= 0.5) == (it->observed == 1);
      x->brier += (p - o) * (p - o);
      x->log += log(clip(it->observed ? p : 1 - p));
    }
    if (it->observed < 0) continue;
    double p = it->p[CONCERT_FORECASTER_CONCERT];
    int k = (int)floor(p * CONCERT_BACKTEST_BINS + 1e-9);
    if (k < 0) k = 0;
    if (k >= CONCERT_BACKTEST_BINS) k = CONCERT_BACKTEST_BINS - 1;
    bn[k]++;
    bp[k] += p;
    bo[k] += it->observed;
  }
  for (int f = 0; f < CONCERT_FORECASTERS; f++)
    for (int t = 0; t < CONCERT_TARGETS; t++) finish(&a[f][t], &b->score[f][t]);
  for (int k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    concert_backtest_bin *bin = &b->bins[k];
    bin->lo = (double)k / CONCERT_BACKTEST_BINS;
    bin->hi = (double)(k + 1) / CONCERT_BACKTEST_BINS;
    bin->n = bn[k];
    bin->forecast = bn[k] ? bp[k] / (double)bn[k] : NAN;
    bin->observed = bn[k] ? bo[k] / (double)bn[k] : NAN;
  }
}
