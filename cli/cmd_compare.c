/* cmd_compare.c: `concert compare FILE --forums A,B`: one agenda under several forums,
 * with the forum measures of docs/measures.md under the table. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

static const cli_opt o_forums = {"forums", 'f', "A,B,...", "forums to compare (default: all in the file)", false};
static const cli_opt o_year = {"year", 0, "Y", "coverage year (default: the latest with data for all members)", false};
static const cli_opt o_actor = {"actor", 0, "ID", "measure the proximity of the outcomes to this actor", false};
static const cli_opt o_cost = {"cost", 0, "C", "common cost to share among members (default 100)", false};
static const cli_opt o_no_measures = {"no-measures", 0, NULL, "only the table, no forum measures (docs/measures.md)", false};
static const cli_opt *const opts[] = {&o_forums, &cli_o_model, &cli_o_param, &cli_o_set,
                                     &cli_o_reversion, &cli_o_format, &o_year, &o_actor,
                                     &o_cost, &cli_o_data, &o_no_measures, CLI_SWEEP_OPTS, NULL};
const cli_spec concert_cli_compare_spec = {
    "compare", "FILE", 1, 1, "text|json|csv", opts,
    "With --runs N each forum is swept N runs over the judgment ranges (same seed):\n"
    "probabilities with standard errors instead of one run (no measures then).\n"
    "csv: one row per forum and quantity (docs/csv.md)."};

typedef struct compare_args {
  run_options ro;
  concert_measures_options mo;
  const char *data;
  int no_measures;
  cli_sweep_values sv;
} compare_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  compare_args *a = ctx;
  int t = run_options_take(&a->ro, o, arg, "compare");
  if (t) return t == 1 ? 0 : t;
  t = cli_take_sweep("compare", o, arg, &a->sv);
  if (t) return t == 1 ? 0 : t;
  char *end;
  if (o == &cli_o_data) {
    a->data = arg;
  } else if (o == &o_actor) {
    a->mo.actor = arg;
  } else if (o == &o_no_measures) {
    a->no_measures = 1;
  } else if (o == &o_year) {
    errno = 0;
    long y = strtol(arg, &end, 10);
    if (end == arg || *end || errno || y < 1000 || y > 3000)
      return cli_usage("compare", "--year must be an integer in 1000-3000, not '%s'", arg);
    a->mo.year = (int)y;
  } else if (o == &o_cost) {
    errno = 0;
    double c = strtod(arg, &end);
    if (end == arg || *end || errno || !isfinite(c) || !(c > 0) || c > 1e15)
      return cli_usage("compare", "--cost must be a number in (0, 1e15], not '%s'", arg);
    a->mo.cost = c;
  }
  return 0;
}

int concert_cli_compare(int argc, char **argv) {
  compare_args a = {.ro = {.reversion = NAN}, .sv = {0, 1, 1}};
  concert_measures_options_init(&a.mo);
  const char *file = NULL;
  size_t npos;
  concert_sweep **sw = NULL;
  concert_worlddata *world = NULL;
  concert_measures **meas = NULL;
  concert_scenario *s = NULL;
  size_t *idx = NULL, n = 0;
  concert_outcome **outs = NULL;
  char *list = NULL;
  int rc = cli_parse(&concert_cli_compare_spec, argc, argv, take, &a, &file, &npos, &a.ro.format);
  if (rc >= 0) goto out;
  int ok;
  const concert_model *model = run_options_model(&a.ro, "compare", &ok);
  rc = ok ? 1 : 2;
  if (!ok) goto out;
  s = run_options_load(&a.ro, file, "compare");
  if (!s) goto out;
  size_t nf = concert_scenario_forum_count(s);
  idx = malloc(nf * 4 * sizeof *idx + 1);
  outs = calloc(nf * 4 + 1, sizeof *outs);
  const char *forums = a.ro.forum, *data = a.data;
  size_t runs = (size_t)a.sv.runs;
  list = forums ? strdup(forums) : NULL;
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
        fprintf(stderr, "concert compare: %s: no forum '%s'\n", file, tok);
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
      so.runs = runs, so.seed = a.sv.seed, so.threads = (unsigned)a.sv.threads, so.forum = idx[i];
      so.model = model, so.model_params = a.ro.mparams, so.protocol = a.ro.protocol;
      concert_status st = concert_sweep_run(s, &so, &sw[i], &d);
      if (st) {
        concert_cli_report("compare", st, &d);
        goto done;
      }
    }
    const concert_sweep *const *cw = (const concert_sweep *const *)sw;
    if (a.ro.format == 2) {
      if (concert_compare_sweeps_write_csv(cw, n, stdout)) goto done;
    } else if (a.ro.format == 1) {
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
  if (!a.no_measures) {
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
    concert_status st = concert_summit_run(s, idx[i], model, a.ro.mparams, a.ro.protocol, &outs[i], &d);
    if (!st && meas) st = concert_measures_compute(outs[i], world, &a.mo, &meas[i], &d);
    if (st) {
      concert_cli_report("compare", st, &d);
      goto done;
    }
  }
  const concert_measures *const *cm = (const concert_measures *const *)meas;
  if (a.ro.format == 2) {
    if (concert_compare_write_csv((const concert_outcome *const *)outs, cm, n, stdout)) goto done;
  } else if (a.ro.format == 1) {
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
  run_options_free(&a.ro);
  return rc;
}
