/* sensitivity_csv.c: every tipping point as one CSV row (docs/sensitivity.md), for
 * spreadsheets: headline, issue, result, rank, actor, partner, field, input issue, value,
 * low, high, direction, flip_at, change, within_range, result_there. */
#include <stdint.h>

#include "scenario/scenario_i.h"
#include "sensitivity/sensitivity_i.h"

/* Ids and the result words need no quoting except the words with a comma. */
static void word(FILE *out, const char *w) {
  fputc('"', out);
  for (const char *c = w; *c; c++) {
    if (*c == '"') fputc('"', out);
    fputc(*c, out);
  }
  fputc('"', out);
}

concert_status concert_sensitivity_write_csv(const concert_sensitivity *x, FILE *out) {
  if (!x || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = x->s;
  static const char *const kinds[] = {"document", "document_expected", "statement"};
  fprintf(out,
          "headline,issue,result,rank,actor,partner,field,input_issue,value,low,high,"
          "direction,flip_at,change,within_range,result_there\n");
  for (size_t i = 0; i < x->n_h; i++) {
    const concert_headline *h = &x->h[i];
    for (size_t j = 0; j < h->n_points; j++) {
      const concert_tipping_point *p = &h->points[j];
      fprintf(out, "%s,%s,", kinds[h->kind], h->issue == SIZE_MAX ? "" : s->issues[h->issue].id);
      word(out, concert_headline_result_words(h->kind, h->result));
      fprintf(out, ",%zu,%s,%s,%s,%s,%.6g,%.6g,%.6g,%s,%.6g,%.6g,%s,", j + 1,
              p->actor == SIZE_MAX ? "" : s->actors[p->actor].id, p->partner ? "true" : "false",
              concert_hinge_field_name(p->field),
              p->issue == SIZE_MAX ? "" : s->issues[p->issue].id, p->value, p->lo, p->hi,
              p->direction < 0 ? "down" : "up", p->at, p->change, p->within ? "true" : "false");
      word(out, concert_headline_result_words(h->kind, p->result));
      fputc('\n', out);
    }
  }
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}
