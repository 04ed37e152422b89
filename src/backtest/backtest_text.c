/* backtest_text.c: the readable backtest report (docs/backtest.md): per summit the forecast
 * fate against the observed one, per agenda issue the statement call, the scores of concert
 * and the naive forecasters side by side, the calibration table and the unknowns. */
#include <math.h>
#include <stdio.h>

#include "backtest/backtest_i.h"
#include "io/number.h"

#define NUM(slot, x, dg) concert_i_backtest_num(nb[slot], sizeof nb[0], dg, x)

static const char *fate_name(int f) { return concert_document_fate_name((concert_document_fate)f); }

static void summits_table(const concert_backtest *b, FILE *out) {
  char nb[8][32];
  const concert_record *r = b->r;
  fprintf(out, "Document's fate, summit by summit (concert)\n");
  fprintf(out, "  %-16s %-10s %-10s  %-22s %5s  %-22s %-5s %5s\n", "summit", "forum", "date",
          "forecast", "p", "observed", "right", "p(obs)");
  size_t unknown = 0;
  for (size_t i = 0; i < r->n_summits; i++) {
    const concert_i_rsummit *s = &r->summits[i];
    const concert_backtest_summit *bs = &b->summits[i];
    fprintf(out, "  %-16.16s %-10.10s %-10s  %-22s %5s  %-22s %-5s %5s\n", s->id, s->forum_name,
            s->date, fate_name(bs->forecast), NUM(0, bs->p_forecast, 2),
            bs->known ? fate_name(bs->observed) : "unknown",
            bs->known ? (bs->forecast == bs->observed ? "yes" : "no") : "-",
            bs->known ? NUM(1, bs->p_observed, 2) : "-");
    unknown += !bs->known;
  }
  if (!r->n_summits) fprintf(out, "  (no summit in the record)\n");
  fprintf(out, "  unknown fates (skipped): %zu\n", unknown);
}

/* The protocol overrides each summit was played with (a fit's choice on the others). */
static void fitted_table(const concert_backtest *b, FILE *out) {
  const concert_record *r = b->r;
  fprintf(out, "\nFitted values, summit by summit (each chosen on the other summits)\n");
  fprintf(out, "  %-16s %s\n", "summit", "values");
  for (size_t i = 0; i < r->n_summits; i++) {
    const concert_params *p = b->summits[i].protocol;
    fprintf(out, "  %-16.16s", r->summits[i].id);
    for (size_t k = 0; k < concert_params_count(p); k++) {
      const char *key = concert_params_key(p, k), *w = concert_params_word(p, key, NULL);
      char num[32];
      fprintf(out, " %s=%s", key,
              w ? w : concert_i_number_text(concert_params_number(p, key, 0), num, sizeof num));
    }
    fprintf(out, "%s\n", concert_params_count(p) ? "" : " (none)");
  }
}

static void statements_table(const concert_backtest *b, FILE *out) {
  char nb[8][32];
  fprintf(out, "\nStatements, issue by issue (concert)\n");
  fprintf(out, "  %-16s %-22s %12s  %-8s %-5s\n", "summit", "issue", "P(statement)", "observed",
          "right");
  size_t shown = 0;
  for (size_t i = 0; i < b->n_items; i++) {
    const concert_backtest_item *it = &b->items[i];
    if (it->target != CONCERT_TARGET_STATEMENT) continue;
    double p = it->p[CONCERT_FORECASTER_CONCERT];
    fprintf(out, "  %-16.16s %-22.22s %12s  %-8s %-5s\n", b->r->summits[it->summit].id, it->issue,
            NUM(0, p, 2),
            it->observed < 0 ? "unknown"
            : it->observed   ? "yes"
                             : "no",
            it->observed < 0 ? "-" : ((p >= 0.5) == (it->observed == 1) ? "yes" : "no"));
    shown++;
  }
  if (!shown) fprintf(out, "  (no agenda issue)\n");
}

static void scores_table(const concert_backtest *b, FILE *out) {
  char nb[8][32];
  fprintf(out,
          "\nScores (Brier: lower is better; log: mean ln p(observed), p clipped to "
          "[%.2f, %.2f], higher is better)\n",
          CONCERT_BACKTEST_EPS, 1 - CONCERT_BACKTEST_EPS);
  fprintf(out, "  %-10s %-10s %6s %8s %9s %7s %8s\n", "target", "forecaster", "n", "unknown",
          "accuracy", "Brier", "log");
  for (int t = 0; t < CONCERT_TARGETS; t++)
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      const concert_backtest_score *s = &b->score[f][t];
      fprintf(out, "  %-10s %-10s %6zu %8zu %9s %7s %8s\n",
              f == 0 ? concert_backtest_target_name((concert_backtest_target)t) : "",
              concert_forecaster_name((concert_forecaster)f), s->n, s->unknown,
              NUM(0, s->accuracy, 3), NUM(1, s->brier, 3), NUM(2, s->log_score, 3));
    }
  size_t fb_fate = b->score[CONCERT_FORECASTER_PREVIOUS][CONCERT_TARGET_FATE].fallbacks, fb = 0;
  for (int t = 1; t < CONCERT_TARGETS; t++)
    fb += b->score[CONCERT_FORECASTER_PREVIOUS][t].fallbacks;
  fprintf(out,
          "  previous: fell back to the base rate on %zu fate(s) and %zu issue item(s) (a "
          "forum's first summit, or nothing known at the previous one)\n",
          fb_fate, fb);
}

static void calibration_table(const concert_backtest *b, FILE *out) {
  char nb[8][32];
  fprintf(out, "\nCalibration (concert's statement, signatory and blocker forecasts pooled)\n");
  fprintf(out, "  %-9s %6s %9s %9s\n", "forecast", "n", "mean p", "observed");
  for (int k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    const concert_backtest_bin *bin = &b->bins[k];
    char range[16];
    snprintf(range, sizeof range, "%.1f-%.1f", bin->lo, bin->hi);
    fprintf(out, "  %-9s %6zu %9s %9s\n", range, bin->n, NUM(0, bin->forecast, 3),
            NUM(1, bin->observed, 3));
  }
}

concert_status concert_backtest_write_text(const concert_backtest *b, FILE *out) {
  if (!b || !out) return CONCERT_ERR_ARGUMENT;
  fprintf(out, "Backtest: record %s, %zu summit(s); ", b->r->dir, b->r->n_summits);
  if (b->runs <= 1)
    fprintf(out, "point runs (probabilities 0 or 1)\n");
  else
    fprintf(out, "sweeps of %zu runs, seed %llu\n", b->runs, (unsigned long long)b->seed);
  if (b->fitted && b->fit_label)
    fprintf(out, "Protocol parameters fitted leave-one-summit-out: %s.\n\n", b->fit_label);
  else
    fprintf(out, "%s\n\n",
            b->fitted ? "Protocol parameters fitted leave-one-summit-out by the "
                        "caller's procedure."
                      : "No parameter fitted on the record.");
  summits_table(b, out);
  if (b->fitted) fitted_table(b, out);
  statements_table(b, out);
  scores_table(b, out);
  calibration_table(b, out);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}
