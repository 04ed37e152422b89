/* backtest_csv.c: the backtest as a tidy long CSV (docs/backtest.md, docs/csv.md):
 * section,summit,issue,actor,forecaster,target,bin,quantity,value; one value per row, empty
 * for an unknown observation or an undefined score (io/csv_out.h). */
#include <math.h>
#include <stdio.h>

#include "backtest/backtest_i.h"
#include "io/csv_out.h"

/* The value cell and the end of the row. */
static void num(concert_csv_out *out, double x) {
  concert_i_csv_num(out, x);
  concert_i_csv_end(out);
}

static void row(concert_csv_out *out, const char *section, const char *summit, const char *issue,
                const char *actor, const char *forecaster, const char *target, const char *bin,
                const char *quantity) {
  const char *const cells[] = {section, summit, issue, actor ? actor : "", forecaster, target,
                               bin, quantity};
  for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) concert_i_csv_text(out, cells[i]);
}

concert_status concert_backtest_write_csv(const concert_backtest *b, FILE *file) {
  if (!b || !file) return CONCERT_ERR_ARGUMENT;
  concert_csv_out co, *out = &co;
  concert_i_csv_init(out, file);
  static const char *const header[] = {"section", "summit", "issue", "actor", "forecaster",
                                       "target", "bin", "quantity", "value", NULL};
  concert_i_csv_row(out, header);
  char q[48];
  for (size_t i = 0; i < b->r->n_summits; i++) {
    const concert_backtest_summit *bs = &b->summits[i];
    for (int k = 0; k < CONCERT_BACKTEST_FATES; k++) {
      snprintf(q, sizeof q, "p_%s", concert_document_fate_name((concert_document_fate)k));
      row(out, "summit", bs->id, "", NULL, "observed", "fate", "", q);
      num(out, bs->known ? (double)(bs->observed == (concert_document_fate)k) : NAN);
      for (int f = 0; f < CONCERT_FORECASTERS; f++) {
        row(out, "summit", bs->id, "", NULL, concert_forecaster_name((concert_forecaster)f), "fate",
            "", q);
        num(out, bs->p[f][k]);
      }
    }
  }
  for (size_t i = 0; b->fitted && i < b->r->n_summits; i++) {
    /* fit rows: the value of each fitted parameter the summit was played with */
    const concert_params *p = b->summits[i].protocol;
    for (size_t k = 0; k < concert_params_count(p); k++) {
      const char *key = concert_params_key(p, k), *w = concert_params_word(p, key, NULL);
      row(out, "fit", b->summits[i].id, "", NULL, "concert", "", "", key);
      if (w) {
        concert_i_csv_text(out, w);
        concert_i_csv_end(out);
      } else
        num(out, concert_params_number(p, key, 0));
    }
  }
  for (size_t i = 0; i < b->n_items; i++) {
    const concert_backtest_item *it = &b->items[i];
    const char *sid = b->r->summits[it->summit].id, *t = concert_backtest_target_name(it->target);
    row(out, "item", sid, it->issue, it->actor, "observed", t, "", "p");
    num(out, it->observed < 0 ? NAN : it->observed);
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      row(out, "item", sid, it->issue, it->actor, concert_forecaster_name((concert_forecaster)f), t,
          "", "p");
      num(out, it->p[f]);
    }
  }
  for (int t = 0; t < CONCERT_TARGETS; t++)
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      const concert_backtest_score *s = &b->score[f][t];
      const char *fn = concert_forecaster_name((concert_forecaster)f),
                 *tn = concert_backtest_target_name((concert_backtest_target)t);
      row(out, "score", "", "", NULL, fn, tn, "", "n");
      num(out, (double)s->n);
      row(out, "score", "", "", NULL, fn, tn, "", "unknown");
      num(out, (double)s->unknown);
      row(out, "score", "", "", NULL, fn, tn, "", "accuracy");
      num(out, s->accuracy);
      row(out, "score", "", "", NULL, fn, tn, "", "brier");
      num(out, s->brier);
      row(out, "score", "", "", NULL, fn, tn, "", "log_score");
      num(out, s->log_score);
      row(out, "score", "", "", NULL, fn, tn, "", "fallbacks");
      num(out, (double)s->fallbacks);
    }
  for (int k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    const concert_backtest_bin *bin = &b->bins[k];
    char range[16];
    snprintf(range, sizeof range, "%.1f-%.1f", bin->lo, bin->hi);
    row(out, "calibration", "", "", NULL, "concert", "binary", range, "n");
    num(out, (double)bin->n);
    row(out, "calibration", "", "", NULL, "concert", "binary", range, "forecast");
    num(out, bin->forecast);
    row(out, "calibration", "", "", NULL, "concert", "binary", range, "observed");
    num(out, bin->observed);
  }
  return concert_i_csv_finish(out, NULL);
}
