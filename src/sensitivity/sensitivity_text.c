/* sensitivity_text.c: the readable sensitivity sheet (docs/sensitivity.md): per headline its
 * result, what it hinges on (the nearest tipping point) and a table of the nearest ones. */
#include <math.h>
#include <stdint.h>

#include "scenario/scenario_i.h"
#include "sensitivity/sensitivity_i.h"

/* "USA", or "reversion" for a reversion point. */
static const char *who(const concert_scenario *s, const concert_tipping_point *p) {
  return p->actor == SIZE_MAX ? "-" : s->actors[p->actor].id;
}

static const char *what(const concert_scenario *s, const concert_tipping_point *p) {
  return p->issue == SIZE_MAX ? "-" : s->issues[p->issue].id;
}

/* "USA position on ai", "reversion point of ai", "USA capability". */
static void input(FILE *out, const concert_scenario *s, const concert_tipping_point *p) {
  if (p->field == CONCERT_HINGE_REVERSION)
    fprintf(out, "reversion point of %s", s->issues[p->issue].id);
  else if (p->field == CONCERT_HINGE_CAPABILITY)
    fprintf(out, "%s capability", s->actors[p->actor].id);
  else
    fprintf(out, "%s%s %s on %s", s->actors[p->actor].id, p->partner ? " (partner)" : "",
            concert_hinge_field_name(p->field), s->issues[p->issue].id);
}

/* Numbers at the bisection's resolution: three decimals for saliences, two otherwise. */
static int digits(const concert_tipping_point *p) {
  return p->field == CONCERT_HINGE_SALIENCE ? 3 : 2;
}

static void title(FILE *out, const concert_scenario *s, const concert_i_forum *f,
                  const concert_headline *h) {
  const char *doc = f->declaration ? "Declaration" : "Communique";
  if (h->kind == CONCERT_HEADLINE_DOCUMENT)
    fprintf(out, "%s, at the summit (its events, the chair's choice)", doc);
  else if (h->kind == CONCERT_HEADLINE_DOCUMENT_EXPECTED)
    fprintf(out, "%s, as the chair expects it", doc);
  else
    fprintf(out, "Statement on %s", s->issues[h->issue].id);
}

concert_status concert_sensitivity_write_text(const concert_sensitivity *x, FILE *out, size_t top) {
  if (!x || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = x->s;
  const concert_i_forum *f = &s->forums[x->forum];
  fprintf(out, "%s\n", s->name);
  fprintf(out, "Forum %s (%s), model %s: tipping points\n", f->id, f->name, x->model);
  fprintf(out,
          "%zu judgment ranges, one number moved at a time toward each end (the rest at their\n"
          "values); flip points by bisection to 0.05 points (saliences 0.001, capabilities\n"
          "0.01); %zu summit plays. Results may change more than once along a range: bisection\n"
          "then finds a flip point, not necessarily the nearest (docs/sensitivity.md).\n",
          x->n_ranges, x->n_plays);
  for (size_t i = 0; i < x->n_h; i++) {
    const concert_headline *h = &x->h[i];
    fprintf(out, "\n");
    title(out, s, f, h);
    fprintf(out, ": %s\n", concert_headline_result_words(h->kind, h->result));
    if (h->n_points == 0) {
      fprintf(out,
              "  hinges on nothing: no single number flips it within its range (%zu directions"
              " tried)\n",
              h->n_no_flip);
      continue;
    }
    const concert_tipping_point *p = &h->points[0];
    int dg = digits(p);
    fprintf(out, "  hinges on ");
    input(out, s, p);
    fprintf(out, ": %.*f -> %.*f (%.1f%% of its range %.*f-%.*f): %s\n", dg, p->value, dg, p->at,
            100 * p->change, dg, p->lo, dg, p->hi,
            concert_headline_result_words(h->kind, p->result));
    size_t n = top && top < h->n_points ? top : h->n_points;
    fprintf(out, "  %zu tipping point%s (%zu directions without a flip within the range)%s\n",
            h->n_points, h->n_points == 1 ? "" : "s", h->n_no_flip,
            n < h->n_points ? ", nearest shown:" : ":");
    fprintf(out, "    %-5s %-10s %-18s %8s %8s %17s %6s  %-6s %s\n", "actor", "field", "issue",
            "value", "flip at", "range", "change", "within", "result there");
    for (size_t j = 0; j < n; j++) {
      p = &h->points[j];
      dg = digits(p);
      char range[48];
      snprintf(range, sizeof range, "%.*f-%.*f", dg, p->lo, dg, p->hi);
      fprintf(out, "    %-5s %-10s %-18s %8.*f %8.*f %17s %5.1f%%  %-6s %s\n", who(s, p),
              concert_hinge_field_name(p->field), what(s, p), dg, p->value, dg, p->at, range,
              100 * p->change, p->within ? "yes" : "no",
              concert_headline_result_words(h->kind, p->result));
    }
  }
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}
