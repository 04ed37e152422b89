/* compare_csv.c: `concert compare --format csv`: every forum's outcome in the long rows of
 * concert_outcome_write_csv, then its forum measures (docs/measures.md) as rows of section
 * "measure" (docs/csv.md). */
#include <concert/compare.h>
#include <math.h>

#include "io/csv_out.h"
#include "scenario/scenario_i.h"
#include "summit/outcome_i.h"

static void row(concert_csv_out *c, const char *forum, const char *actor, const char *quantity,
                double value, const char *label) {
  concert_i_csv_text(c, forum);
  concert_i_csv_text(c, "measure");
  concert_i_csv_text(c, "");
  concert_i_csv_text(c, actor);
  concert_i_csv_text(c, quantity);
  concert_i_csv_num(c, value);
  concert_i_csv_text(c, label);
  concert_i_csv_end(c);
}

static void measure_rows(concert_csv_out *c, const concert_outcome *o, const concert_measures *m) {
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), nm = concert_scenario_forum_member_count(s, f);
  const char *fo = concert_scenario_forum_id(s, f);
  char q[64];
  concert_coverage cv = concert_measures_coverage(m);
  if (cv.computed) {
    row(c, fo, "", "coverage_year", cv.year, NULL);
    static const char *const ids[CONCERT_INDICATOR_COUNT] = {"gdp", "milex", "population"};
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      const char *ind = ids[k];
      snprintf(q, sizeof q, "coverage_%s", ind);
      row(c, fo, "", q, cv.share[k], NULL);
      snprintf(q, sizeof q, "members_counted_%s", ind);
      row(c, fo, "", q, (double)cv.counted[k], NULL);
    }
  }
  concert_balance b = concert_measures_balance(m);
  row(c, fo, concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, b.cap_largest_i)),
      "capability_largest_share", b.cap_largest, NULL);
  row(c, fo, "", "capability_hhi", b.cap_hhi, NULL);
  if (cv.computed) {
    row(c, fo,
        isnan(b.gdp_largest)
            ? ""
            : concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, b.gdp_largest_i)),
        "gdp_largest_share", b.gdp_largest, NULL);
    row(c, fo, "", "gdp_hhi", b.gdp_hhi, NULL);
  }
  concert_proximity p = concert_measures_proximity(m);
  if (p.computed) {
    const char *ac = concert_scenario_actor_id(s, p.actor);
    row(c, fo, ac, "proximity_issues", (double)p.n_issues, NULL);
    row(c, fo, ac, "proximity_distance", p.distance, NULL);
    row(c, fo, ac, "proximity_share_closer", p.share_closer, NULL);
  }
  for (size_t i = 0; i < nm; i++) {
    double by_share, by_shapley;
    double cost = concert_measures_burden(m, i, &by_share, &by_shapley);
    const char *ac = concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, i));
    if (i == 0) row(c, fo, "", "burden_cost", cost, NULL);
    row(c, fo, ac, "burden_by_share", by_share, NULL);
    row(c, fo, ac, "burden_by_shapley", by_shapley, NULL);
  }
}

concert_status concert_compare_write_csv(const concert_outcome *const *outcomes,
                                         const concert_measures *const *measures, size_t n,
                                         FILE *out) {
  if (!outcomes || !out) return CONCERT_ERR_ARGUMENT;
  for (size_t i = 0; i < n; i++)
    if (!outcomes[i]) return CONCERT_ERR_ARGUMENT;
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  concert_i_outcome_csv_header(&c);
  for (size_t i = 0; i < n; i++) {
    concert_i_outcome_csv_rows(&c, outcomes[i]);
    if (measures && measures[i]) measure_rows(&c, outcomes[i], measures[i]);
  }
  return concert_i_csv_finish(&c, NULL);
}
