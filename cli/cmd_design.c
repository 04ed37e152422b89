/* cmd_design.c: `concert design FILE --candidates A,B,... --size K`: every K-member forum of
 * the candidates, built from a template forum, ranked by an objective (docs/design.md). */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mpi.h"
#include "run_options.h"

enum {
  OPT_CANDIDATES = 1000,
  OPT_SIZE,
  OPT_TEMPLATE,
  OPT_OBJECTIVE,
  OPT_RUNS,
  OPT_SEED,
  OPT_THREADS,
  OPT_TOP,
  OPT_DATA,
  OPT_YEAR,
  OPT_FORMAT
};

static const char usage[] =
    "usage: concert design FILE --candidates A,B,... --size K [--template FORUM]\n"
    "         [--objective agreed-coverage|communique|agreed|balance] [--runs N] [--seed S]\n"
    "         [--threads T] [--top M] [--format text|json|csv] [--year Y] [--data DIR]\n";

/* Parses an unsigned integer option in lo..hi; prints an error and returns false if bad. */
static bool number(const char *name, const char *arg, unsigned long long lo, unsigned long long hi,
                   unsigned long long *v) {
  char *end;
  errno = 0;
  *v = strtoull(arg, &end, 10);
  if (end == arg || *end || errno || arg[0] == '-' || *v < lo || *v > hi) {
    fprintf(stderr, "concert design: %s must be an integer in %llu..%llu, not '%s'\n", name, lo, hi,
            arg);
    return false;
  }
  return true;
}

int concert_cli_design(int argc, char **argv) {
  static const struct option longs[] = {{"candidates", required_argument, NULL, OPT_CANDIDATES},
                                        {"size", required_argument, NULL, OPT_SIZE},
                                        {"template", required_argument, NULL, OPT_TEMPLATE},
                                        {"objective", required_argument, NULL, OPT_OBJECTIVE},
                                        {"runs", required_argument, NULL, OPT_RUNS},
                                        {"seed", required_argument, NULL, OPT_SEED},
                                        {"threads", required_argument, NULL, OPT_THREADS},
                                        {"top", required_argument, NULL, OPT_TOP},
                                        {"data", required_argument, NULL, OPT_DATA},
                                        {"year", required_argument, NULL, OPT_YEAR},
                                        {"format", required_argument, NULL, OPT_FORMAT},
                                        {"model", required_argument, NULL, 'm'},
                                        {"param", required_argument, NULL, 'p'},
                                        {"set", required_argument, NULL, 's'},
                                        {NULL, 0, NULL, 0}};
  run_options ro = {.format = "text", .reversion = NAN};
  concert_design_options o;
  concert_design_options_init(&o);
  const char *cands = NULL, *tmpl = NULL, *data = NULL, *format = "text";
  unsigned long long v, top = 10;
  int opt, rc = 1;
  bool have_size = false;
  concert_scenario *s = NULL;
  concert_worlddata *world = NULL;
  concert_design *d = NULL;
  size_t *idx = NULL;
  char *list = NULL;
  cli_mpi mpi;
  bool agreed = false;
  if (cli_mpi_start(&mpi, &argc, &argv, "design")) return 1;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "m:p:s:", longs, NULL)) != -1) {
    switch (opt) {
      case OPT_CANDIDATES:
        cands = optarg;
        continue;
      case OPT_TEMPLATE:
        tmpl = optarg;
        continue;
      case OPT_DATA:
        data = optarg;
        continue;
      case OPT_FORMAT:
        if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv")) {
          fprintf(stderr, "concert design: --format must be text, json or csv, not '%s'\n", optarg);
          goto out;
        }
        format = optarg;
        continue;
      case OPT_OBJECTIVE:
        if (!concert_design_objective_find(optarg, &o.objective)) {
          fprintf(stderr,
                  "concert design: unknown objective '%s' (agreed-coverage, communique, "
                  "agreed, balance)\n",
                  optarg);
          goto out;
        }
        continue;
      case OPT_SIZE:
        if (!number("--size", optarg, 1, 1000, &v)) goto out;
        o.size = (size_t)v, have_size = true;
        continue;
      case OPT_RUNS:
        if (!number("--runs", optarg, 1, 100000000, &v)) goto out;
        o.runs = (size_t)v;
        continue;
      case OPT_SEED:
        if (!number("--seed", optarg, 0, UINT64_MAX, &v)) goto out;
        o.seed = (uint64_t)v;
        continue;
      case OPT_THREADS:
        if (!number("--threads", optarg, 1, 256, &v)) goto out;
        o.threads = (unsigned)v;
        continue;
      case OPT_TOP:
        if (!number("--top", optarg, 0, SIZE_MAX, &top)) goto out;
        continue;
      case OPT_YEAR:
        if (!number("--year", optarg, 1000, 3000, &v)) goto out;
        o.year = (int)v;
        continue;
    }
    int t = run_options_take(&ro, opt, optarg, "design");
    if (t < 0) goto out;
    if (t == 0) {
      fputs(usage, stderr);
      rc = 2;
      goto out;
    }
  }
  if (optind != argc - 1 || !cands || !have_size) {
    fputs(usage, stderr);
    rc = 2;
    goto out;
  }
  int ok;
  o.model = run_options_model(&ro, "design", &ok);
  if (!ok) goto out;
  o.model_params = ro.mparams, o.protocol = ro.protocol;
  s = run_options_load(&ro, argv[optind], "design");
  if (!s) goto out;
  if (!run_options_forum(s, tmpl, argv[optind], "design", &o.template_forum)) goto out;
  list = strdup(cands);
  idx = malloc((strlen(cands) + 1) * sizeof *idx);
  if (!list || !idx) {
    fprintf(stderr, "concert design: out of memory\n");
    goto out;
  }
  for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok;
       tok = strtok_r(NULL, ",", &save)) {
    if (!concert_scenario_actor_find(s, tok, &idx[o.n_candidates])) {
      fprintf(stderr, "concert design: %s: no actor '%s'\n", argv[optind], tok);
      goto out;
    }
    o.n_candidates++;
  }
  o.candidates = idx;
  concert_diag dg;
  concert_diag_clear(&dg);
  if (o.objective == CONCERT_DESIGN_AGREED_COVERAGE) {
    concert_status st = concert_worlddata_load(data ? data : concert_data_dir(), &world, &dg);
    if (st) {
      concert_cli_report("design", st, &dg);
      goto out;
    }
    o.world = world;
  }
  o.part = (size_t)mpi.rank, o.parts = (size_t)mpi.size;
  concert_status st = concert_design_run(s, &o, &d, &dg);
  if (st) concert_cli_report("design", st, &dg);
  agreed = true;
  if (cli_mpi_agree(&mpi, st != CONCERT_OK, "design")) goto out;
  if (mpi.size > 1) {
    size_t nv;
    uint64_t *vals = concert_design_values(d, &nv);
    if (cli_mpi_or(&mpi, vals, nv, "design")) goto out;
    st = concert_design_merge_values(d, &dg);
    if (st) {
      concert_cli_report("design", st, &dg);
      goto out;
    }
  }
  if (strcmp(format, "json") == 0) {
    char *json = NULL;
    if (concert_design_to_json(d, (size_t)top, &json, &dg)) {
      concert_cli_report("design", dg.status, &dg);
      goto out;
    }
    printf("%s\n", json);
    free(json);
  } else if (strcmp(format, "csv") == 0) {
    if (concert_design_write_csv(d, (size_t)top, stdout)) goto out;
  } else if (concert_design_write_text(d, (size_t)top, stdout)) {
    goto out;
  }
  rc = 0;
out:
  /* a rank that stopped early still answers the others' agreement, so none waits forever */
  if (!agreed) cli_mpi_agree(&mpi, 1, "design");
  cli_mpi_end(&mpi);
  concert_design_free(d);
  concert_worlddata_free(world);
  concert_scenario_free(s);
  free(list), free(idx);
  run_options_free(&ro);
  return rc;
}
