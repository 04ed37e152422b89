/* cmd_cohesion.c: `concert cohesion`: pairwise agreement of a group of states in UN General
 * Assembly roll calls, the group's mean agreement and the dispersion of their ideal points
 * (docs/cohesion.md), as text or JSON. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cohesion_query.h"

static void print_value(double v) {
  if (isnan(v))
    printf("    n/a");
  else
    printf("  %5.3f", v);
}

static void print_matrix(const concert_cohesion *c, int which) {
  size_t k = concert_cohesion_size(c);
  printf("     ");
  for (size_t j = 0; j < k; j++) printf("  %5s", concert_cohesion_member(c, j));
  putchar('\n');
  for (size_t i = 0; i < k; i++) {
    printf("%-5s", concert_cohesion_member(c, i));
    for (size_t j = 0; j < k; j++) {
      if (which == 2)
        printf("  %5zu", concert_cohesion_joint(c, i, j));
      else
        print_value(which ? concert_cohesion_lijphart(c, i, j)
                          : concert_cohesion_agreement(c, i, j));
    }
    putchar('\n');
  }
}

static void print_text(const concert_cohesion *c, int from, int to, const char *issue,
                       int by_year) {
  size_t k = concert_cohesion_size(c);
  printf("UN General Assembly cohesion, sessions %d-%d, %s%s\n", from, to,
         issue ? "issue " : "all roll calls", issue ? issue : "");
  printf("members:");
  for (size_t i = 0; i < k; i++)
    printf(" %s (%s)%s", concert_cohesion_member(c, i), concert_cohesion_member_name(c, i),
           i + 1 < k ? "," : "");
  printf("\nroll calls in scope: %zu\n\n", concert_cohesion_roll_calls(c));
  printf("agreement: share of roll calls where both voted and voted the same\n");
  print_matrix(c, 0);
  printf("\nLijphart agreement: same vote 1, one abstains 1/2, yes against no 0\n");
  print_matrix(c, 1);
  printf("\nroll calls on which both voted\n");
  print_matrix(c, 2);
  size_t pairs = k * (k - 1) / 2;
  printf("\nmean agreement over %zu pairs: ", pairs);
  double m = concert_cohesion_mean(c, 0), ml = concert_cohesion_mean(c, 1);
  if (isnan(m))
    printf("n/a");
  else
    printf("%.3f (Lijphart %.3f)", m, ml);
  size_t nd = concert_cohesion_dispersion_years(c);
  printf("\nideal-point dispersion (sd of BSV ideal points, per year): ");
  if (nd == 0)
    printf("n/a (fewer than two members with ideal points)\n");
  else
    printf("mean %.3f over %zu years\n", concert_cohesion_dispersion_mean(c), nd);
  if (!by_year) return;
  printf("\nyear  roll calls  mean agreement  ideal-point sd\n");
  size_t ny = concert_cohesion_years(c), kd = 0;
  for (size_t y = 0; y < ny; y++) {
    int year, dyear = 0;
    double mean, sd = NAN;
    size_t rc;
    concert_cohesion_year_at(c, y, &year, &mean, &rc);
    while (kd < nd && (concert_cohesion_dispersion_at(c, kd, &dyear, NULL, NULL), dyear < year))
      kd++;
    if (kd < nd && dyear == year) concert_cohesion_dispersion_at(c, kd, NULL, &sd, NULL);
    printf("%d  %10zu", year, rc);
    if (isnan(mean))
      printf("  %14s", "n/a");
    else
      printf("  %14.3f", mean);
    if (isnan(sd))
      printf("  %14s\n", "n/a");
    else
      printf("  %14.3f\n", sd);
  }
}

static const cli_opt o_members = {
    "members", 'm', "LIST",
    "ISO3 codes or groups (G7, G20, P5, BRICS...), comma-separated (required)", false};
static const cli_opt o_years = {"years", 'y', "FROM-TO",
                                "UN General Assembly sessions of these years (default 1946-2019)",
                                false};
static const cli_opt o_issue = {
    "issue", 'i', "CODE",
    "only roll calls on one issue: me, nu, di, hr, co or ec (docs/cohesion.md)", false};
static const cli_opt o_by_year = {
    "by-year", 'b', NULL, "add the mean agreement and ideal-point spread per year (text)", false};
static const cli_opt *const opts[] = {&o_members,    &o_years,    &o_issue, &o_by_year,
                                      &cli_o_format, &cli_o_data, NULL};
const cli_spec concert_cli_cohesion_spec = {
    "cohesion",
    "",
    0,
    0,
    "text|json|csv",
    opts,
    "Reads DIR/world/unga_votes.csv and unga_ideal_points.csv. csv: one row per member pair\n"
    "and measure, then the group's means (docs/csv.md)."};

typedef struct cohesion_args {
  const char *members, *issue, *dir;
  int from, to, by_year;
} cohesion_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  cohesion_args *a = ctx;
  if (o == &o_members)
    a->members = arg;
  else if (o == &o_issue)
    a->issue = arg;
  else if (o == &o_by_year)
    a->by_year = 1;
  else if (o == &cli_o_data)
    a->dir = arg;
  else if (o == &o_years && concert_cli_parse_years(arg, &a->from, &a->to) != 0)
    return cli_usage("cohesion", "--years must be YYYY or YYYY-YYYY in 1900-2100, not '%s'", arg);
  return 0;
}

int concert_cli_cohesion(int argc, char **argv) {
  cohesion_args a = {NULL, NULL, NULL, 1946, 2019, 0};
  int format;
  size_t npos;
  int rc = cli_parse(&concert_cli_cohesion_spec, argc, argv, take, &a, NULL, &npos, &format);
  if (rc >= 0) return rc;
  const char *members = a.members, *issue = a.issue, *dir = a.dir;
  int from = a.from, to = a.to, by_year = a.by_year;
  if (!members || !*members)
    return cli_usage("cohesion", "--members ISO3|GROUP,... is required (e.g. USA,CHN or G7)");
  concert_unga *u = NULL;
  concert_cohesion *c = NULL;
  rc = cohesion_query("cohesion", members, from, to, issue, dir, &u, &c);
  if (rc) return rc;
  if (format == 2) {
    rc = concert_cohesion_write_csv(c, stdout) ? 1 : 0;
  } else if (format == 1) {
    concert_diag d;
    concert_diag_clear(&d);
    char *text = NULL;
    concert_status st = concert_cohesion_to_json(c, &text, &d);
    if (st == CONCERT_OK)
      puts(text);
    else
      rc = concert_cli_report("cohesion", st, &d);
    free(text);
  } else {
    print_text(c, from, to, issue, by_year);
  }
  concert_cohesion_free(c);
  concert_unga_free(u);
  return rc;
}
