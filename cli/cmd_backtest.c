/* cmd_backtest.c: `concert backtest [DIR]`: plays every summit of a record of observed
 * outcomes and scores concert beside naive forecasters (docs/backtest.md). DIR defaults to
 * record/ under the data root ($CONCERT_DATADIR, else the shipped data/). --fit builds a
 * leave-one-summit-out grid fit (concert_backtest_grid) of protocol parameters. */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "backtest [DIR] [--runs N] [--seed S] [--threads T] [--fit KEY=V1,V2,...]... "
    "[--fit-target fate|all] [--format text|json|csv]";

int concert_cli_backtest(int argc, char **argv) {
  const char *format = "text", *fit_target = NULL;
  concert_backtest_grid *grid = NULL;
  concert_record *r = NULL;
  concert_backtest *b = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  int rc = 1;
  unsigned long long runs = 1, seed = 1, threads = 1;
  const struct option longs[] = {{"runs", required_argument, NULL, 'n'},
                                 {"seed", required_argument, NULL, 'S'},
                                 {"threads", required_argument, NULL, 'T'},
                                 {"format", required_argument, NULL, 'F'},
                                 {"fit", required_argument, NULL, 'f'},
                                 {"fit-target", required_argument, NULL, 't'},
                                 {NULL, 0, NULL, 0}};
  int opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "n:", longs, NULL)) != -1) {
    if (opt == 'n') {
      if (concert_cli_count("backtest", "--runs", optarg, 1, 100000000, &runs)) goto done;
    } else if (opt == 'S') {
      if (concert_cli_count("backtest", "--seed", optarg, 0, UINT64_MAX, &seed)) goto done;
    } else if (opt == 'T') {
      if (concert_cli_count("backtest", "--threads", optarg, 1, 256, &threads)) goto done;
    } else if (opt == 'F') {
      if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv")) {
        fprintf(stderr, "concert backtest: --format must be text, json or csv, not '%s'\n", optarg);
        goto done;
      }
      format = optarg;
    } else if (opt == 'f') {
      if ((!grid && concert_backtest_grid_new(&grid, &d)) ||
          concert_backtest_grid_add(grid, optarg, &d)) {
        char buf[2048];
        fprintf(stderr, "concert backtest: --fit %s: %s\n", optarg,
                concert_diag_format(&d, buf, sizeof buf));
        goto done;
      }
    } else if (opt == 't') {
      if (strcmp(optarg, "fate") && strcmp(optarg, "all")) {
        fprintf(stderr, "concert backtest: --fit-target must be fate or all, not '%s'\n", optarg);
        goto done;
      }
      fit_target = optarg;
    } else {
      fprintf(stderr, "usage: concert %s\n", usage);
      rc = 2;
      goto done;
    }
  }
  if (optind < argc - 1) {
    fprintf(stderr, "usage: concert %s\n", usage);
    rc = 2;
    goto done;
  }
  if (fit_target && !grid) {
    fprintf(stderr, "concert backtest: --fit-target needs --fit\n");
    goto done;
  }
  if (fit_target && strcmp(fit_target, "all") == 0 &&
      concert_backtest_grid_set_target(grid, CONCERT_FIT_ALL)) {
    fprintf(stderr, "concert backtest: out of memory\n");
    goto done;
  }
  char def[4096];
  const char *dir = optind == argc - 1 ? argv[optind] : NULL;
  if (!dir) {
    snprintf(def, sizeof def, "%s/record", concert_data_dir());
    dir = def;
  }
  concert_status st = concert_record_load(dir, &r, &d);
  if (st) {
    concert_cli_report("backtest", st, &d);
    goto done;
  }
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  o.runs = (size_t)runs, o.seed = (uint64_t)seed, o.threads = (unsigned)threads;
  if (grid) concert_backtest_grid_use(grid, &o);
  if ((st = concert_backtest_run(r, &o, &b, &d))) {
    concert_cli_report("backtest", st, &d);
    goto done;
  }
  if (strcmp(format, "json") == 0) {
    char *json = NULL;
    st = concert_backtest_to_json(b, &json, &d);
    if (st)
      concert_cli_report("backtest", st, &d);
    else
      printf("%s\n", json);
    free(json);
  } else if (strcmp(format, "csv") == 0) {
    st = concert_backtest_write_csv(b, stdout);
  } else {
    st = concert_backtest_write_text(b, stdout);
  }
  rc = st ? 1 : 0;
done:
  concert_backtest_free(b);
  concert_record_free(r);
  concert_backtest_grid_free(grid);
  return rc;
}
