/* capability.c: an actor's capability from the World Bank and SIPRI tables: the mean of
 * its world shares (%) of GDP, military expenditure and population, each for the latest
 * table year <= summit year - 1 that has a world total; the range is the lowest and
 * highest of the three leave-one-out two-indicator means. The EU (id EU) is the EU-27
 * minus the member states seated as actors themselves: GDP and population from the World
 * Bank's EU aggregate (EUU) minus theirs, military expenditure the sum over the others. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "derive/derive_i.h"
#include "status/diag.h"

static const char *const table_file[CONCERT_INDICATOR_COUNT] = {
    "wb_gdp_current_usd.csv", "milex_current_usd.csv", "wb_population.csv"};
static const char *const ind_name[CONCERT_INDICATOR_COUNT] = {"GDP", "military expenditure",
                                                              "population"};
/* How many years back a member's own figure may be taken when its table year is empty. */
#define LOOK_BACK 10

concert_status concert_i_capability_years(concert_i_capctx *x, int summit_year,
                                          concert_derive_report *rep, concert_diag *d) {
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
    x->year[k] = 0;
    for (int y = summit_year - 1; y >= summit_year - 80 && !x->year[k]; y--)
      if (concert_worlddata_value(x->w, (concert_indicator)k, "WLD", y, NULL)) x->year[k] = y;
    if (!x->year[k])
      return concert_i_fail(d, CONCERT_ERR_NOT_FOUND, table_file[k], 0, 0, NULL,
                            "no world total of %s in any year before %d", ind_name[k], summit_year);
    if (x->year[k] < summit_year - 1 &&
        concert_i_report_add(rep, "capability: %s has no %s for %d; using %d, its latest year",
                             table_file[k], ind_name[k], summit_year - 1, x->year[k]))
      return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  return CONCERT_OK;
}

static bool seated(const char *code, const char *const *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s[i], code) == 0) return true;
  return false;
}

/* The EU's figure of indicator k in year y, without the seated member states. */
static bool eu_value(const concert_i_capctx *x, int k, int y, const char *const *s, size_t ns,
                     double *out) {
  double v = 0, e;
  concert_indicator ind = (concert_indicator)k;
  if (ind != CONCERT_INDICATOR_MILEX && concert_worlddata_value(x->w, ind, "EUU", y, &e)) {
    for (size_t i = 0; i < x->c->n_eu; i++) {
      if (!seated(x->c->eu[i], s, ns)) continue;
      double m;
      if (!concert_worlddata_value(x->w, ind, x->c->eu[i], y, &m)) return false;
      e -= m;
    }
    *out = e;
    return e > 0;
  }
  size_t got = 0;
  for (size_t i = 0; i < x->c->n_eu; i++) {
    double m;
    if (seated(x->c->eu[i], s, ns)) continue;
    if (!concert_worlddata_value(x->w, ind, x->c->eu[i], y, &m)) return false;
    v += m, got++;
  }
  *out = v;
  return got > 0;
}

concert_status concert_i_capability(const concert_i_capctx *x, const char *actor,
                                    const char *const *seat, size_t n_seated, concert_i_dnum *out,
                                    concert_derive_report *rep) {
  memset(out, 0, sizeof *out);
  bool eu = strcmp(actor, "EU") == 0;
  double share[CONCERT_INDICATOR_COUNT];
  int used[CONCERT_INDICATOR_COUNT];
  size_t have = 0;
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
    share[k] = NAN, used[k] = 0;
    for (int y = x->year[k]; y >= x->year[k] - (eu ? 0 : LOOK_BACK) && !used[k]; y--) {
      double v, w;
      bool ok = eu ? eu_value(x, k, y, seat, n_seated, &v)
                   : concert_worlddata_value(x->w, (concert_indicator)k, actor, y, &v);
      if (ok && concert_worlddata_value(x->w, (concert_indicator)k, "WLD", y, &w) && w > 0)
        share[k] = 100 * v / w, used[k] = y, have++;
    }
    if (used[k] && used[k] < x->year[k] &&
        concert_i_report_add(rep, "capability of %s: no %s for %d in %s; using %d", actor,
                             ind_name[k], x->year[k], table_file[k], used[k]))
      return CONCERT_ERR_NOMEM;
  }
  if (have == 0)
    return concert_i_report_add(rep,
                                "capability of %s: no GDP, military expenditure or "
                                "population figure; left as a judgment TO FILL",
                                actor);
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
    if (!used[k] && concert_i_report_add(rep,
                                         "capability of %s: no %s figure; the capability "
                                         "averages the other %zu share%s",
                                         actor, ind_name[k], have, have == 1 ? "" : "s"))
      return CONCERT_ERR_NOMEM;
  /* value: mean of the shares; range: the leave-one-out means (with two shares, the shares
   * themselves; with one, the share). */
  double sum = 0, lo = INFINITY, hi = -INFINITY;
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
    if (used[k]) sum += share[k];
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
    if (have == 3) {
      double loo = (sum - share[k]) / 2;
      lo = fmin(lo, loo), hi = fmax(hi, loo);
    } else if (used[k]) {
      lo = fmin(lo, share[k]), hi = fmax(hi, share[k]);
    }
  }
  out->ok = true;
  out->value = sum / (double)have, out->low = lo, out->high = hi;
  size_t len =
      (size_t)snprintf(out->source, sizeof out->source, "data: mean of world shares (%%) of");
  const char *sep[] = {" ", ", ", " and "};
  size_t j = 0;
  for (int k = 0; k < CONCERT_INDICATOR_COUNT && len < sizeof out->source; k++)
    if (used[k])
      len += (size_t)snprintf(out->source + len, sizeof out->source - len, "%s%s %.3f (%d, %s)",
                              sep[j == 0 ? 0 : (j + 1 == have ? 2 : 1)], ind_name[k], share[k],
                              used[k], table_file[k]),
          j++;
  if (len < sizeof out->source)
    len += (size_t)snprintf(out->source + len, sizeof out->source - len,
                            "; range: the leave-one-out means");
  if (eu && len < sizeof out->source) {
    len += (size_t)snprintf(out->source + len, sizeof out->source - len, "; EU-27");
    size_t m = 0;
    for (size_t i = 0; i < x->c->n_eu && len < sizeof out->source; i++)
      if (seated(x->c->eu[i], seat, n_seated))
        len += (size_t)snprintf(out->source + len, sizeof out->source - len, "%s%s",
                                m++ ? ", " : " minus ", x->c->eu[i]);
    if (m && len < sizeof out->source)
      snprintf(out->source + len, sizeof out->source - len, " (seated themselves)");
  }
  return CONCERT_OK;
}
