/* backtest_json.c: the backtest as JSON, schema concert-backtest/1 (docs/json-schema.md),
 * through the library's one JSON writer (io/json_out.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "io/json_out.h"

/* {"concert": p, "base_rate": p, ...} for one fate-probability row per forecaster. */
static json_t *fate_probs(const double p[CONCERT_BACKTEST_FATES], int *bad) {
  json_t *o = json_object();
  for (int f = 0; f < CONCERT_BACKTEST_FATES; f++)
    concert_i_json_set(o, concert_document_fate_name((concert_document_fate)f),
                       concert_i_json_num(p[f]), bad);
  return o;
}

static json_t *summit_json(const concert_backtest *b, size_t i, int *bad) {
  const concert_i_rsummit *s = &b->r->summits[i];
  const concert_backtest_summit *bs = &b->summits[i];
  json_t *o = json_object();
  concert_i_json_set(o, "id", json_string(s->id), bad);
  concert_i_json_set(o, "forum_name", json_string(s->forum_name), bad);
  concert_i_json_set(o, "date", json_string(s->date), bad);
  concert_i_json_set(o, "scenario", json_string(s->scenario_path), bad);
  concert_i_json_set(o, "forum", json_string(s->forum_id), bad);
  concert_i_json_set(o, "forecast", json_string(concert_document_fate_name(bs->forecast)), bad);
  concert_i_json_set(o, "p_forecast", concert_i_json_num(bs->p_forecast), bad);
  concert_i_json_set(
      o, "observed",
      bs->known ? json_string(concert_document_fate_name(bs->observed)) : json_null(), bad);
  concert_i_json_set(o, "right",
                     bs->known ? json_boolean(bs->forecast == bs->observed) : json_null(), bad);
  concert_i_json_set(o, "p_observed", bs->known ? concert_i_json_num(bs->p_observed) : json_null(),
                     bad);
  concert_i_json_set(
      o, "previous",
      bs->previous == SIZE_MAX ? json_null() : json_string(b->r->summits[bs->previous].id), bad);
  concert_i_json_set(o, "previous_fallback", json_boolean(bs->previous_fallback), bad);
  json_t *p = json_object();
  for (int f = 0; f < CONCERT_FORECASTERS; f++)
    concert_i_json_set(p, concert_forecaster_name((concert_forecaster)f), fate_probs(bs->p[f], bad),
                       bad);
  concert_i_json_set(o, "probabilities", p, bad);
  if (b->fitted) { /* the fit's choice for this summit, made on the other summits */
    json_t *fit = json_object();
    const concert_params *pp = bs->protocol;
    for (size_t k = 0; k < concert_params_count(pp); k++) {
      const char *key = concert_params_key(pp, k), *w = concert_params_word(pp, key, NULL);
      concert_i_json_set(fit, key,
                         w ? json_string(w) : concert_i_json_num(concert_params_number(pp, key, 0)),
                         bad);
    }
    concert_i_json_set(o, "fitted_protocol", fit, bad);
  }
  return o;
}

static json_t *item_json(const concert_backtest *b, const concert_backtest_item *it, int *bad) {
  json_t *o = json_object();
  concert_i_json_set(o, "summit", json_string(b->r->summits[it->summit].id), bad);
  concert_i_json_set(o, "target", json_string(concert_backtest_target_name(it->target)), bad);
  concert_i_json_set(o, "issue", json_string(it->issue), bad);
  concert_i_json_set(o, "actor", it->actor ? json_string(it->actor) : json_null(), bad);
  concert_i_json_set(o, "observed", it->observed < 0 ? json_null() : json_integer(it->observed),
                     bad);
  json_t *p = json_object();
  for (int f = 0; f < CONCERT_FORECASTERS; f++)
    concert_i_json_set(p, concert_forecaster_name((concert_forecaster)f),
                       concert_i_json_num(it->p[f]), bad);
  concert_i_json_set(o, "p", p, bad);
  concert_i_json_set(o, "previous_fallback", json_boolean(it->previous_fallback), bad);
  return o;
}

concert_status concert_backtest_to_json(const concert_backtest *b, char **json,
                                        concert_diag *diag) {
  if (!b || !json) return CONCERT_ERR_ARGUMENT;
  int bad = 0;
  json_t *root = json_object();
  concert_i_json_set(root, "schema", json_string("concert-backtest/1"), &bad);
  concert_i_json_set(root, "record", json_string(b->r->dir), &bad);
  concert_i_json_set(root, "runs", json_integer((json_int_t)b->runs), &bad);
  concert_i_json_set(root, "seed", json_integer((json_int_t)b->seed), &bad);
  concert_i_json_set(root, "fitted", json_boolean(b->fitted), &bad);
  const char *fit_text = b->fitted ? "protocol parameters fitted leave-one-summit-out"
                                   : "no parameter fitted on the record";
  char *fitting = NULL;
  if (b->fitted && b->fit_label) {
    size_t len = strlen(fit_text) + strlen(b->fit_label) + 3;
    if ((fitting = malloc(len))) snprintf(fitting, len, "%s: %s", fit_text, b->fit_label);
    bad |= !fitting;
  }
  concert_i_json_set(root, "fitting", json_string(fitting ? fitting : fit_text), &bad);
  free(fitting);
  concert_i_json_set(root, "log_eps", json_real(CONCERT_BACKTEST_EPS), &bad);
  json_t *summits = json_array();
  for (size_t i = 0; i < b->r->n_summits; i++)
    concert_i_json_push(summits, summit_json(b, i, &bad), &bad);
  concert_i_json_set(root, "summits", summits, &bad);
  json_t *items = json_array();
  for (size_t i = 0; i < b->n_items; i++)
    concert_i_json_push(items, item_json(b, &b->items[i], &bad), &bad);
  concert_i_json_set(root, "items", items, &bad);
  json_t *scores = json_array();
  for (int t = 0; t < CONCERT_TARGETS; t++)
    for (int f = 0; f < CONCERT_FORECASTERS; f++) {
      const concert_backtest_score *s = &b->score[f][t];
      json_t *o = json_object();
      concert_i_json_set(
          o, "target", json_string(concert_backtest_target_name((concert_backtest_target)t)), &bad);
      concert_i_json_set(o, "forecaster",
                         json_string(concert_forecaster_name((concert_forecaster)f)), &bad);
      concert_i_json_set(o, "n", json_integer((json_int_t)s->n), &bad);
      concert_i_json_set(o, "unknown", json_integer((json_int_t)s->unknown), &bad);
      concert_i_json_set(o, "accuracy", concert_i_json_num(s->accuracy), &bad);
      concert_i_json_set(o, "brier", concert_i_json_num(s->brier), &bad);
      concert_i_json_set(o, "log_score", concert_i_json_num(s->log_score), &bad);
      concert_i_json_set(o, "fallbacks", json_integer((json_int_t)s->fallbacks), &bad);
      concert_i_json_push(scores, o, &bad);
    }
  concert_i_json_set(root, "scores", scores, &bad);
  json_t *cal = json_array();
  for (int k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    const concert_backtest_bin *bin = &b->bins[k];
    json_t *o = json_object();
    concert_i_json_set(o, "lo", json_real(bin->lo), &bad);
    concert_i_json_set(o, "hi", json_real(bin->hi), &bad);
    concert_i_json_set(o, "n", json_integer((json_int_t)bin->n), &bad);
    concert_i_json_set(o, "forecast", concert_i_json_num(bin->forecast), &bad);
    concert_i_json_set(o, "observed", concert_i_json_num(bin->observed), &bad);
    concert_i_json_push(cal, o, &bad);
  }
  concert_i_json_set(root, "calibration", cal, &bad);
  return concert_i_json_finish(root, bad, 6, json, diag, "cannot write the backtest as JSON");
}
