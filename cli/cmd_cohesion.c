/* cmd_cohesion.c: `concert cohesion`: pairwise agreement of a group of states in UN General
 * Assembly roll calls, the group's mean agreement and the dispersion of their ideal points
 * (docs/cohesion.md), as text or JSON. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_MEMBERS 64

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
        print_value(which ? concert_cohesion_lijphart(c, i, j) : concert_cohesion_agreement(c, i, j));
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

int concert_cli_cohesion(int argc, char **argv) {
  static const struct option opts[] = {{"members", required_argument, NULL, 'm'},
                                       {"years", required_argument, NULL, 'y'},
                                       {"issue", required_argument, NULL, 'i'},
                                       {"by-year", no_argument, NULL, 'b'},
                                       {"format", required_argument, NULL, 'o'},
                                       {"data", required_argument, NULL, 'd'},
                                       {NULL, 0, NULL, 0}};
  const char *members = NULL, *issue = NULL, *dir = NULL;
  int from = 1946, to = 2019, json = 0, by_year = 0, ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, ":m:y:i:bo:d:", opts, NULL)) != -1) {
    switch (ch) {
    case 'm': members = optarg; break;
    case 'y':
      if (concert_cli_parse_years(optarg, &from, &to) != 0) {
        fprintf(stderr, "concert cohesion: --years must be YYYY or YYYY-YYYY in 1900-2100, "
                        "not '%s'\n", optarg);
        return 2;
      }
      break;
    case 'i': issue = optarg; break;
    case 'b': by_year = 1; break;
    case 'o':
      if ((json = concert_cli_format("cohesion", optarg)) < 0) return 2;
      break;
    case 'd': dir = optarg; break;
    case ':':
      fprintf(stderr, "concert cohesion: option %s needs a value\n", argv[optind - 1]);
      return 2;
    default:
      fprintf(stderr, "concert cohesion: unknown option '%s'\n", argv[optind - 1]);
      return 2;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "concert cohesion: unexpected argument '%s'\n", argv[optind]);
    return 2;
  }
  if (!members || !*members) {
    fprintf(stderr, "concert cohesion: --members ISO3|GROUP,... is required (e.g. USA,CHN or G7)\n");
    return 2;
  }
  char buf[1024];
  if (strlen(members) >= sizeof buf) {
    fprintf(stderr, "concert cohesion: --members is too long\n");
    return 2;
  }
  memcpy(buf, members, strlen(members) + 1);
  const char *list[MAX_MEMBERS + 1];
  size_t n = 0;
  for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    if (n > MAX_MEMBERS) break;
    list[n++] = tok;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_unga *u = NULL;
  char world[4096];
  if (dir) snprintf(world, sizeof world, "%s/world", dir);
  concert_status st = concert_unga_load(&u, dir ? world : NULL, &d);
  if (st != CONCERT_OK) return concert_cli_report("cohesion", st, &d);
  concert_cohesion_query q = {list, n, from, to, issue};
  concert_cohesion *c = NULL;
  st = concert_cohesion_compute(u, &q, &c, &d);
  if (st != CONCERT_OK) {
    concert_unga_free(u);
    return concert_cli_report("cohesion", st, &d);
  }
  int rc = 0;
  if (json) {
    char *text = NULL;
    st = concert_cohesion_to_json(c, &text, &d);
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
