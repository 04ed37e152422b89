/* position.c: an actor's position on an issue from the UN General Assembly issue-support
 * table: for each year of the window the yearly value 100 x support (direction support) or
 * 100 x (1 - support) (oppose); the position is their mean weighted by the year's votes,
 * the range the lowest and highest yearly value. The EU (id EU) takes, each year, the
 * unweighted mean of the EU-27 member states' values, weighted across years by the most
 * votes any member cast that year. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "derive/derive_i.h"

/* The yearly value and weight of actor in year y; false when it has no vote. */
static bool yearly(const concert_i_support *t, const concert_i_countries *c, const char *actor,
                   const concert_i_family *fam, bool oppose, int y, double *v, int *n) {
  if (strcmp(actor, "EU") != 0) {
    const concert_i_support_row *r = concert_i_support_find(t, actor, fam->code, y);
    if (!r) return false;
    *v = 100 * (oppose ? 1 - r->support : r->support), *n = r->n;
    return true;
  }
  double sum = 0;
  int got = 0, most = 0;
  for (size_t i = 0; i < c->n_eu; i++) {
    const concert_i_support_row *r = concert_i_support_find(t, c->eu[i], fam->code, y);
    if (!r) continue;
    sum += 100 * (oppose ? 1 - r->support : r->support), got++;
    if (r->n > most) most = r->n;
  }
  if (!got) return false;
  *v = sum / got, *n = most;
  return true;
}

concert_status concert_i_position(const concert_i_support *t, const concert_i_countries *c,
                                  const char *actor, const concert_i_family *fam, bool oppose,
                                  int from, int to, concert_i_dnum *out) {
  memset(out, 0, sizeof *out);
  double sum = 0, lo = INFINITY, hi = -INFINITY;
  long n = 0;
  int first = 0, last = 0; /* years with votes */
  for (int y = from; y <= to; y++) {
    double v;
    int k;
    if (!yearly(t, c, actor, fam, oppose, y, &v, &k)) continue;
    sum += v * k, n += k;
    lo = fmin(lo, v), hi = fmax(hi, v);
    if (!first) first = y;
    last = y;
  }
  if (n == 0) return CONCERT_OK;
  out->ok = true;
  out->value = sum / (double)n, out->low = lo, out->high = hi;
  char used[48] = "";
  if (first != from || last != to)
    snprintf(used, sizeof used, first == last ? " (votes in %d only)" : " (votes in %d-%d only)",
             first, last);
  int len = snprintf(out->source, sizeof out->source,
                     "data: UNGA issue support, family %s%s, years %d-%d%s, n=%ld votes%s "
                     "(data/derived/unga_issue_support.csv)",
                     fam->code, oppose ? " (opposed)" : "", from, to, used, n,
                     strcmp(actor, "EU") == 0 ? ", mean of the EU-27" : "");
  if (strcmp(fam->code, "ua") == 0 && first <= 2025 && last >= 2025 && len > 0 &&
      (size_t)len < sizeof out->source)
    snprintf(out->source + len, sizeof out->source - len,
             "; 2025 lacks ES-11/7 and ES-11/8 (missing from the source)");
  return CONCERT_OK;
}
