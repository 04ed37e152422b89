/* cmd_backtest.c: `concert backtest [DIR]`: plays every summit of a record of observed
 * outcomes and scores concert beside naive forecasters (docs/backtest.md). DIR defaults to
 * record/ under the data root ($CONCERT_DATADIR, else the shipped data/). --fit builds a
 * leave-one-summit-out grid fit (concert_backtest_grid) of protocol parameters. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt o_fit = {
    "fit", 0, "KEY=V1,V2,...",
    "fit this protocol parameter leave-one-summit-out over the values\n(every combination, the "
    "first --fit varying slowest): each summit is\nplayed with the grid point of lowest mean Brier "
    "score on the others",
    true};
static const cli_opt o_fit_target = {
    "fit-target", 0, "T",
    "what the fit minimises: fate (default: the fate Brier score) or all\n(fate, statement, "
    "signatory and blocker mean Brier scores summed)",
    false};
static const cli_opt *const opts[] = {CLI_SWEEP_OPTS, &o_fit,      &o_fit_target,
                                      &cli_o_format,  &cli_o_data, NULL};
const cli_spec concert_cli_backtest_spec = {
    "backtest",
    "[DIR]",
    0,
    1,
    "text|json|csv",
    opts,
    "DIR is a record of observed outcomes: summits.csv, statements.csv, PROVENANCE.md\n"
    "(default: record/ under the data root). --runs 1 (default): each summit's point run\n"
    "(probabilities 0 or 1); N > 1: a sweep of N runs per summit. Scores the document's fate,\n"
    "each agenda issue's statement, signatories and blockers beside naive forecasters, with a\n"
    "calibration table (docs/backtest.md). csv: tidy long rows (docs/csv.md).\n"
    "--fit: ties go to the first grid point; it costs grid x summits plays (runs or sweeps)\n"
    "plus one per summit. Without --fit no parameter is fitted on the record."};

typedef struct backtest_args {
  cli_sweep_values sv;
  concert_backtest_grid *grid;
  const char *fit_target, *data;
} backtest_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  backtest_args *a = ctx;
  concert_diag d;
  concert_diag_clear(&d);
  int t = cli_take_sweep("backtest", o, arg, &a->sv);
  if (t) return t == 1 ? 0 : t;
  if (o == &cli_o_data) {
    a->data = arg;
  } else if (o == &o_fit) {
    if ((!a->grid && concert_backtest_grid_new(&a->grid, &d)) ||
        concert_backtest_grid_add(a->grid, arg, &d)) {
      char buf[2048];
      return cli_usage("backtest", "--fit %s: %s", arg, concert_diag_format(&d, buf, sizeof buf));
    }
  } else if (o == &o_fit_target) {
    if (strcmp(arg, "fate") && strcmp(arg, "all"))
      return cli_usage("backtest", "--fit-target must be fate or all, not '%s'", arg);
    a->fit_target = arg;
  }
  return 0;
}

int concert_cli_backtest(int argc, char **argv) {
  backtest_args a = {.sv = {1, 1, 1}};
  concert_record *r = NULL;
  concert_backtest *b = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  const char *dir = NULL;
  size_t npos;
  int format = 0;
  int rc = cli_parse(&concert_cli_backtest_spec, argc, argv, take, &a, &dir, &npos, &format);
  concert_backtest_grid *grid = a.grid;
  const char *fit_target = a.fit_target;
  unsigned long long runs = a.sv.runs, seed = a.sv.seed, threads = a.sv.threads;
  if (rc >= 0) goto done;
  rc = 1;
  if (!npos) dir = NULL;
  if (dir && a.data) {
    rc = cli_usage("backtest", "give DIR or --data, not both");
    goto done;
  }
  if (fit_target && !grid) {
    rc = cli_usage("backtest", "--fit-target needs --fit");
    goto done;
  }
  if (fit_target && strcmp(fit_target, "all") == 0 &&
      concert_backtest_grid_set_target(grid, CONCERT_FIT_ALL)) {
    fprintf(stderr, "concert backtest: out of memory\n");
    goto done;
  }
  char def[4096];
  if (!dir)
    dir = concert_cli_data_sub(a.data ? a.data : concert_data_dir(), "record", def, sizeof def);
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
  if (format == 1) {
    char *json = NULL;
    st = concert_backtest_to_json(b, &json, &d);
    if (st)
      concert_cli_report("backtest", st, &d);
    else
      printf("%s\n", json);
    free(json);
  } else if (format == 2) {
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
