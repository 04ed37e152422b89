/* cmd_compare.c: `concert compare FILE --forums A,B`: one agenda under several forums,
 * with the forum measures of docs/measures.md under the table. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

/* Long-only options of compare (values outside the character range). */
enum { OPT_DATA = 1000, OPT_YEAR, OPT_ACTOR, OPT_COST, OPT_NO_MEASURES, OPT_RUNS, OPT_SEED, OPT_THREADS };

/* Takes a measures option; returns 1 if taken, 0 if not ours, -1 on a bad value. */
static int take_measures_option(int opt, const char *arg, concert_measures_options *mo,
                                const char **data, int *no_measures) {
  char *end;
  switch (opt) {
    case OPT_DATA:
      *data = arg;
      return 1;
    case OPT_ACTOR:
      mo->actor = arg;
      return 1;
    case OPT_NO_MEASURES:
      *no_measures = 1;
      return 1;
    case OPT_YEAR: {
      errno = 0;
      long y = strtol(arg, &end, 10);
      if (end == arg || *end || errno || y < 1000 || y > 3000) {
        fprintf(stderr, "concert compare: --year must be an integer in 1000-3000, not '%s'\n", arg);
        return -1;
      }
      mo->year = (int)y;
      return 1;
    }
    case OPT_COST: {
      errno = 0;
      double c = strtod(arg, &end);
      if (end == arg || *end || errno || !isfinite(c) || !(c > 0) || c > 1e15) {
        fprintf(stderr, "concert compare: --cost must be a number in (0, 1e15], not '%s'\n", arg);
        return -1;
      }
      mo->cost = c;
      return 1;
    }
  }
  return 0;
}

int concert_cli_compare(int argc, char **argv) {
  static const struct option longs[] = {{"forums", required_argument, NULL, 'f'},
                                        {"data", required_argument, NULL, OPT_DATA},
                                        {"year", required_argument, NULL, OPT_YEAR},
                                        {"actor", required_argument, NULL, OPT_ACTOR},
                                        {"cost", required_argument, NULL, OPT_COST},
                                        {"no-measures", no_argument, NULL, OPT_NO_MEASURES},
                                        {"runs", required_argument, NULL, OPT_RUNS},
                                        {"seed", required_argument, NULL, OPT_SEED},
                                        {"threads", required_argument, NULL, OPT_THREADS},
                                        RUN_LONG_OPTIONS,
                                        {NULL, 0, NULL, 0}};
  run_options ro = {.format = "text", .reversion = NAN};
  concert_measures_options mo;
  concert_measures_options_init(&mo);
  const char *forums = NULL, *data = NULL;
  size_t runs = 0;
  uint64_t seed = 1;
  unsigned threads = 1;
  concert_sweep **sw = NULL;
  int opt, rc = 1, no_measures = 0;
  concert_worlddata *world = NULL;
  concert_measures **meas = NULL;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:m:p:s:F:r:", longs, NULL)) != -1) {
    if (opt == 'f') {
      forums = optarg;
      continue;
    }
    if (opt == OPT_RUNS || opt == OPT_SEED || opt == OPT_THREADS) {
      char *end;
      errno = 0;
      unsigned long long v = strtoull(optarg, &end, 10);
      const char *what = opt == OPT_RUNS ? "--runs" : opt == OPT_SEED ? "--seed" : "--threads";
      unsigned long long hi = opt == OPT_RUNS ? 100000000ull : opt == OPT_THREADS ? 256 : UINT64_MAX;
      unsigned long long lo = opt == OPT_SEED ? 0 : 1;
      if (end == optarg || *end || errno || optarg[0] == '-' || v < lo || v > hi) {
        fprintf(stderr, "concert compare: %s must be an integer in %llu..%llu, not '%s'\n", what,
                lo, hi, optarg);
        goto out;
      }
      if (opt == OPT_RUNS) runs = (size_t)v;
      else if (opt == OPT_SEED) seed = (uint64_t)v;
      else threads = (unsigned)v;
      continue;
    }
    int tm = take_measures_option(opt, optarg, &mo, &data, &no_measures);
    if (tm < 0) goto out;
    if (tm > 0) continue;
    int t = run_options_take(&ro, opt, optarg, "compare");
    if (t < 0) goto out;
    if (t == 0) {
      rc = 2;
      fprintf(stderr, "usage: concert compare FILE [--forums A,B,...] [--model NAME] ...\n");
      goto out;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "usage: concert compare FILE [--forums A,B,...] [--model NAME] ...\n");
    rc = 2;
    goto out;
  }
  int ok;
  const concert_model *model = run_options_model(&ro, "compare", &ok);
  if (!ok) goto out;
  concert_scenario *s = run_options_load(&ro, argv[optind], "compare");
  if (!s) goto out;
  size_t nf = concert_scenario_forum_count(s), n = 0;
  size_t *idx = malloc(nf * 4 * sizeof *idx + 1);
  concert_outcome **outs = calloc(nf * 4 + 1, sizeof *outs);
  char *list = forums ? strdup(forums) : NULL;
  if (!idx || !outs || (forums && !list)) {
    fprintf(stderr, "concert compare: out of memory\n");
    goto done;
  }
  if (list) {
    for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      if (n == nf * 4) {
        fprintf(stderr, "concert compare: too many forums listed\n");
        goto done;
      }
      if (!concert_scenario_forum_find(s, tok, &idx[n])) {
        fprintf(stderr, "concert compare: %s: no forum '%s'\n", argv[optind], tok);
        goto done;
      }
      n++;
    }
  } else {
    for (; n < nf; n++) idx[n] = n;
  }
  concert_diag d;
  concert_diag_clear(&d);
  if (runs > 0) {
    sw = calloc(n + 1, sizeof *sw);
    if (!sw) {
      fprintf(stderr, "concert compare: out of memory\n");
      goto done;
    }
    for (size_t i = 0; i < n; i++) {
      concert_sweep_options so;
      concert_sweep_options_init(&so);
      so.runs = runs, so.seed = seed, so.threads = threads, so.forum = idx[i];
      so.model = model, so.model_params = ro.mparams, so.protocol = ro.protocol;
      concert_status st = concert_sweep_run(s, &so, &sw[i], &d);
      if (st) {
        concert_cli_report("compare", st, &d);
        goto done;
      }
    }
    const concert_sweep *const *cw = (const concert_sweep *const *)sw;
    if (strcmp(ro.format, "json") == 0) {
      char *json = NULL;
      if (concert_compare_sweeps_to_json(cw, n, &json, &d)) {
        concert_cli_report("compare", d.status, &d);
        goto done;
      }
      printf("%s\n", json);
      free(json);
    } else if (concert_compare_sweeps_write_text(cw, n, stdout)) {
      goto done;
    }
    rc = 0;
    goto done;
  }
  if (!no_measures) {
    if (!data) data = concert_data_dir();
    concert_status st = concert_worlddata_load(data, &world, &d);
    if (st) {
      concert_cli_report("compare", st, &d);
      goto done;
    }
    meas = calloc(n + 1, sizeof *meas);
    if (!meas) {
      fprintf(stderr, "concert compare: out of memory\n");
      goto done;
    }
  }
  for (size_t i = 0; i < n; i++) {
    concert_status st = concert_summit_run(s, idx[i], model, ro.mparams, ro.protocol, &outs[i], &d);
    if (!st && meas) st = concert_measures_compute(outs[i], world, &mo, &meas[i], &d);
    if (st) {
      concert_cli_report("compare", st, &d);
      goto done;
    }
  }
  const concert_measures *const *cm = (const concert_measures *const *)meas;
  if (strcmp(ro.format, "json") == 0) {
    char *json = NULL;
    if (concert_compare_to_json((const concert_outcome *const *)outs, cm, n, &json, &d)) {
      concert_cli_report("compare", d.status, &d);
      goto done;
    }
    printf("%s\n", json);
    free(json);
  } else if (concert_compare_write_text((const concert_outcome *const *)outs, cm, n, stdout)) {
    goto done;
  }
  rc = 0;
done:
  for (size_t i = 0; sw && i < n; i++) concert_sweep_free(sw[i]);
  free(sw);
  for (size_t i = 0; meas && i < n; i++) concert_measures_free(meas[i]);
  free(meas);
  concert_worlddata_free(world);
  for (size_t i = 0; outs && i < n; i++) concert_outcome_free(outs[i]);
  free(outs), free(idx), free(list);
  concert_scenario_free(s);
out:
  run_options_free(&ro);
  return rc;
}
