/* sensitivity_csv.c: every tipping point as one CSV row (docs/sensitivity.md), for
 * spreadsheets: headline, issue, result, rank, actor, partner, field, input issue, value,
 * low, high, direction, flip_at, change, within_range, result_there. */
#include <stdint.h>

#include "io/csv_out.h"
#include "scenario/scenario_i.h"
#include "sensitivity/sensitivity_i.h"

concert_status concert_sensitivity_write_csv(const concert_sensitivity *x, FILE *f) {
  if (!x || !f) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = x->s;
  static const char *const kinds[] = {"document", "document_expected", "statement"};
  static const char *const header[] = {
      "headline", "issue", "result", "rank",      "actor",   "partner", "field",        "input_issue",
      "value",    "low",   "high",   "direction", "flip_at", "change",  "within_range", "result_there",
      NULL};
  concert_csv_out co, *out = &co;
  concert_i_csv_init(out, f);
  concert_i_csv_row(out, header);
  for (size_t i = 0; i < x->n_h; i++) {
    const concert_headline *h = &x->h[i];
    for (size_t j = 0; j < h->n_points; j++) {
      const concert_tipping_point *p = &h->points[j];
      concert_i_csv_text(out, kinds[h->kind]);
      concert_i_csv_text(out, h->issue == SIZE_MAX ? "" : s->issues[h->issue].id);
      concert_i_csv_text(out, concert_headline_result_words(h->kind, h->result));
      concert_i_csv_int(out, (long long)(j + 1));
      concert_i_csv_text(out, p->actor == SIZE_MAX ? "" : s->actors[p->actor].id);
      concert_i_csv_text(out, p->partner ? "true" : "false");
      concert_i_csv_text(out, concert_hinge_field_name(p->field));
      concert_i_csv_text(out, p->issue == SIZE_MAX ? "" : s->issues[p->issue].id);
      concert_i_csv_num(out, p->value);
      concert_i_csv_num(out, p->lo);
      concert_i_csv_num(out, p->hi);
      concert_i_csv_text(out, p->direction < 0 ? "down" : "up");
      concert_i_csv_num(out, p->at);
      concert_i_csv_num(out, p->change);
      concert_i_csv_text(out, p->within ? "true" : "false");
      concert_i_csv_text(out, concert_headline_result_words(h->kind, p->result));
      concert_i_csv_end(out);
    }
  }
  return concert_i_csv_finish(out, NULL);
}
