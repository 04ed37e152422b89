/* cohesion_csv.c: the cohesion of a group as tidy long CSV (docs/csv.md): year,member_a,
 * member_b,quantity,value. Whole-range rows have no year: per pair of members (a before b in
 * the query's order) the agreement, the Lijphart agreement and the joint roll calls; for the
 * group (no members) the roll calls, the two mean agreements and the mean ideal-point
 * dispersion. Then per year of the range the roll calls, the mean agreement and the
 * ideal-point dispersion (sd, when at least two members have an ideal point). */
#include <concert/cohesion.h>
#include <math.h>

#include "io/csv_out.h"

static void row(concert_csv_out *c, int year, const char *a, const char *b, const char *quantity,
                double value) {
  if (year)
    concert_i_csv_int(c, year);
  else
    concert_i_csv_text(c, "");
  concert_i_csv_text(c, a);
  concert_i_csv_text(c, b);
  concert_i_csv_text(c, quantity);
  concert_i_csv_num(c, value);
  concert_i_csv_end(c);
}

concert_status concert_cohesion_write_csv(const concert_cohesion *c, FILE *out) {
  if (!c || !out) return CONCERT_ERR_ARGUMENT;
  static const char *const header[] = {"year", "member_a", "member_b", "quantity", "value", NULL};
  concert_csv_out w;
  concert_i_csv_init(&w, out);
  concert_i_csv_row(&w, header);
  size_t k = concert_cohesion_size(c);
  for (size_t i = 0; i < k; i++)
    for (size_t j = i + 1; j < k; j++) {
      const char *a = concert_cohesion_member(c, i), *b = concert_cohesion_member(c, j);
      row(&w, 0, a, b, "agreement", concert_cohesion_agreement(c, i, j));
      row(&w, 0, a, b, "lijphart", concert_cohesion_lijphart(c, i, j));
      row(&w, 0, a, b, "joint_roll_calls", (double)concert_cohesion_joint(c, i, j));
    }
  row(&w, 0, "", "", "roll_calls", (double)concert_cohesion_roll_calls(c));
  row(&w, 0, "", "", "mean_agreement", concert_cohesion_mean(c, 0));
  row(&w, 0, "", "", "mean_lijphart", concert_cohesion_mean(c, 1));
  row(&w, 0, "", "", "mean_ideal_point_sd", concert_cohesion_dispersion_mean(c));
  size_t nd = concert_cohesion_dispersion_years(c), kd = 0;
  for (size_t y = 0; y < concert_cohesion_years(c); y++) {
    int year = 0, dyear = 0;
    double mean = NAN, sd = NAN;
    size_t rc = 0;
    concert_cohesion_year_at(c, y, &year, &mean, &rc);
    while (kd < nd && (concert_cohesion_dispersion_at(c, kd, &dyear, NULL, NULL), dyear < year))
      kd++;
    if (kd < nd && dyear == year) concert_cohesion_dispersion_at(c, kd, NULL, &sd, NULL);
    row(&w, year, "", "", "roll_calls", (double)rc);
    row(&w, year, "", "", "mean_agreement", mean);
    row(&w, year, "", "", "ideal_point_sd", sd);
  }
  return concert_i_csv_finish(&w, NULL);
}
