/* cohesion_json.c: a cohesion result (agreement matrices, means, ideal-point dispersion,
 * per-year figures) as JSON (schema concert-cohesion/1, docs/json-schema.md), via jansson. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "cohesion/cohesion_i.h"
#include "io/json_out.h"
#include "status/diag.h"

/* The k x k matrix: 0 simple agreement, 1 Lijphart agreement, 2 joint roll calls. */
static json_t *matrix(const concert_cohesion *c, int which, int *bad) {
  size_t k = concert_cohesion_size(c);
  json_t *m = json_array();
  for (size_t i = 0; i < k; i++) {
    json_t *row = json_array();
    for (size_t j = 0; j < k; j++)
      concert_i_json_push(row,
                          which == 2   ? json_integer((json_int_t)concert_cohesion_joint(c, i, j))
                          : which == 1 ? concert_i_json_num(concert_cohesion_lijphart(c, i, j))
                                       : concert_i_json_num(concert_cohesion_agreement(c, i, j)),
                          bad);
    concert_i_json_push(m, row, bad);
  }
  return m;
}

concert_status concert_cohesion_to_json(const concert_cohesion *c, char **out, concert_diag *d) {
  if (out) *out = NULL;
  if (!c || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  int from, to, bad = 0;
  const char *issue;
  concert_i_cohesion_query_of(c, &from, &to, &issue);
  json_t *root = json_object();
  concert_i_json_set(root, "schema", json_string("concert-cohesion/1"), &bad);
  json_t *years = json_array();
  concert_i_json_push(years, json_integer(from), &bad);
  concert_i_json_push(years, json_integer(to), &bad);
  concert_i_json_set(root, "years", years, &bad);
  concert_i_json_set(root, "issue", issue ? json_string(issue) : json_null(), &bad);
  json_t *members = json_array();
  for (size_t i = 0; i < concert_cohesion_size(c); i++) {
    json_t *x = json_object();
    concert_i_json_set(x, "iso3", json_string(concert_cohesion_member(c, i)), &bad);
    concert_i_json_set(x, "name", json_string(concert_cohesion_member_name(c, i)), &bad);
    concert_i_json_push(members, x, &bad);
  }
  concert_i_json_set(root, "members", members, &bad);
  concert_i_json_set(root, "roll_calls", json_integer((json_int_t)concert_cohesion_roll_calls(c)),
                     &bad);
  concert_i_json_set(root, "agreement", matrix(c, 0, &bad), &bad);
  concert_i_json_set(root, "lijphart", matrix(c, 1, &bad), &bad);
  concert_i_json_set(root, "joint", matrix(c, 2, &bad), &bad);
  concert_i_json_set(root, "mean_agreement", concert_i_json_num(concert_cohesion_mean(c, 0)), &bad);
  concert_i_json_set(root, "mean_lijphart", concert_i_json_num(concert_cohesion_mean(c, 1)), &bad);
  concert_i_json_set(root, "dispersion_mean",
                     concert_i_json_num(concert_cohesion_dispersion_mean(c)), &bad);
  /* the years of the range, each with its dispersion when it has one (both in year order) */
  json_t *by_year = json_array();
  size_t ny = concert_cohesion_years(c), nd = concert_cohesion_dispersion_years(c), kd = 0;
  for (size_t y = 0; y < ny; y++) {
    int year, dyear = 0;
    double mean, sd = NAN;
    size_t rc, nm = 0;
    concert_cohesion_year_at(c, y, &year, &mean, &rc);
    while (kd < nd && (concert_cohesion_dispersion_at(c, kd, &dyear, NULL, NULL), dyear < year))
      kd++;
    if (kd < nd && dyear == year) concert_cohesion_dispersion_at(c, kd, NULL, &sd, &nm);
    json_t *x = json_object();
    concert_i_json_set(x, "year", json_integer(year), &bad);
    concert_i_json_set(x, "roll_calls", json_integer((json_int_t)rc), &bad);
    concert_i_json_set(x, "mean_agreement", concert_i_json_num(mean), &bad);
    concert_i_json_set(x, "dispersion", concert_i_json_num(sd), &bad);
    concert_i_json_set(x, "dispersion_members", json_integer((json_int_t)nm), &bad);
    concert_i_json_push(by_year, x, &bad);
  }
  concert_i_json_set(root, "by_year", by_year, &bad);
  return concert_i_json_finish(root, bad, 10, out, d,
                               "cannot write the cohesion result as JSON: a name is not valid "
                               "UTF-8, or memory ran out");
}
