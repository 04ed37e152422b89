/* report_inputs.c: the options and inputs `report` and `plot` share. */
#include "report_inputs.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const cli_opt report_o_members = {"members", 0, "LIST",
                                  "cohesion: ISO3 codes or groups (G7, G20...), comma-separated;\n"
                                  "power with --weights: a member quota (at least M players)",
                                  false};
const cli_opt report_o_years = {"years", 0, "FROM-TO",
                                "cohesion: the years of the votes (default 1946-2019)", false};
const cli_opt report_o_by_year = {"by-year", 0, NULL,
                                  "cohesion: add the group's mean agreement year by year", false};

static int take(void *ctx, const cli_opt *o, const char *arg) {
  report_inputs *in = ctx;
  cli_sweep_values sv = {in->runs, in->seed, in->threads};
  int t = run_options_take(&in->ro, o, arg, in->cmd);
  if (t) return t == 1 ? 0 : t;
  t = cli_take_sweep(in->cmd, o, arg, &sv);
  if (t == 1) in->runs = (size_t)sv.runs, in->seed = sv.seed, in->threads = (unsigned)sv.threads;
  if (t) return t == 1 ? 0 : t;
  if (power_game_take(&in->game, o, arg)) return 0;
  if (o == &report_o_members)
    in->members = arg;
  else if (o == &report_o_by_year)
    in->by_year = true;
  else if (o == &report_o_years) {
    if (concert_cli_parse_years(arg, &in->year_from, &in->year_to))
      return cli_usage(in->cmd, "--years must be YYYY or YYYY-YYYY in 1900-2100, not '%s'", arg);
  } else if (o == &cli_o_output)
    in->output = arg;
  else if (o == &cli_o_data)
    in->data = arg;
  else if (cli_is(o, "issue"))
    in->issue = arg;
  return 0;
}

int report_inputs_parse(const cli_spec *spec, int argc, char **argv, report_inputs *in,
                        const char **pos, size_t *npos) {
  memset(in, 0, sizeof *in);
  in->ro.reversion = NAN, in->seed = 1, in->threads = 1, in->cmd = spec->name;
  in->year_from = 1946, in->year_to = 2019;
  int format = 0;
  int rc = cli_parse(spec, argc, argv, take, in, pos, npos, &format);
  in->forum = in->ro.forum;
  in->format_index = format;
  return rc;
}

int report_inputs_play(report_inputs *in, const char *cmd, const char *file, bool all_forums) {
  int ok;
  const concert_model *model = run_options_model(&in->ro, cmd, &ok);
  if (!ok) return 2;
  in->s = run_options_load(&in->ro, file, cmd);
  if (!in->s || !run_options_forum(in->s, in->forum, file, cmd, &in->f)) return 1;
  size_t nf = concert_scenario_forum_count(in->s);
  in->all = calloc(nf + 1, sizeof *in->all);
  if (!in->all) {
    fprintf(stderr, "concert %s: out of memory\n", cmd);
    return 1;
  }
  concert_diag d;
  concert_diag_clear(&d);
  for (size_t f = 0; f < nf; f++) {
    if (!all_forums && f != in->f) continue;
    concert_status st =
        concert_summit_run(in->s, f, model, in->ro.mparams, in->ro.protocol, &in->all[f], &d);
    if (st) return concert_cli_report(cmd, st, &d);
  }
  in->n_all = nf, in->o = in->all[in->f];
  concert_status sst = concert_forum_solve(in->s, in->f, model, in->ro.mparams, &in->solution, &d);
  if (sst) return concert_cli_report(cmd, sst, &d);
  if (in->runs > 0) {
    concert_sweep_options so;
    concert_sweep_options_init(&so);
    so.runs = in->runs, so.seed = in->seed, so.threads = in->threads, so.forum = in->f;
    so.model = model, so.model_params = in->ro.mparams, so.protocol = in->ro.protocol;
    concert_status st = concert_sweep_run(in->s, &so, &in->sweep, &d);
    if (st) return concert_cli_report(cmd, st, &d);
  }
  if (in->tipping) {
    concert_status st = concert_sensitivity_run(in->s, in->f, model, in->ro.mparams,
                                                in->ro.protocol, &in->sensitivity, &d);
    if (st) return concert_cli_report(cmd, st, &d);
  }
  return 0;
}

int report_inputs_write(const report_inputs *in, const char *cmd, const char *text) {
  FILE *out = in->output ? fopen(in->output, "wb") : stdout;
  if (!out) {
    fprintf(stderr, "concert %s: cannot write %s: %s\n", cmd, in->output, strerror(errno));
    return 1;
  }
  size_t len = strlen(text);
  bool bad = fwrite(text, 1, len, out) != len;
  bad = (in->output ? fclose(out) : fflush(out)) != 0 || bad;
  if (bad) {
    fprintf(stderr, "concert %s: cannot write %s\n", cmd, in->output ? in->output : "the output");
    return 1;
  }
  return 0;
}

void report_inputs_free(report_inputs *in) {
  for (size_t i = 0; in->all && i < in->n_all; i++) concert_outcome_free(in->all[i]);
  free(in->all);
  concert_sweep_free(in->sweep);
  concert_sensitivity_free(in->sensitivity);
  concert_solution_free(in->solution);
  concert_scenario_free(in->s);
  run_options_free(&in->ro);
}
