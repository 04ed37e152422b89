/* report_inputs.c: the option table of `report` and `plot`, and their inputs. */
#include "report_inputs.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
  OPT_RUNS = 1000, OPT_SEED, OPT_THREADS, OPT_ISSUE, OPT_DATA, OPT_FORMAT,
  /* plot cohesion and plot power only */
  OPT_MEMBERS, OPT_YEARS, OPT_BY_YEAR, OPT_SCENARIO, OPT_GAME, OPT_CSV, OPT_GAME_ID,
  OPT_GAMES_CSV, OPT_WEIGHTS, OPT_QUOTA, OPT_IDS, OPT_ALWAYS_WIN
};

/* A plot-only option's value into *in: 0, or -1 (message printed). */
static int take_plot_option(const char *cmd, int opt, const char *arg, report_inputs *in) {
  power_game_opts *g = &in->game;
  switch (opt) {
    case OPT_MEMBERS: in->members = arg; break;
    case OPT_YEARS:
      if (concert_cli_parse_years(arg, &in->year_from, &in->year_to)) {
        fprintf(stderr, "concert %s: --years must be YYYY or YYYY-YYYY in 1900-2100, not '%s'\n",
                cmd, arg);
        return -1;
      }
      break;
    case OPT_BY_YEAR: in->by_year = true; break;
    case OPT_SCENARIO: g->scenario = arg; break;
    case OPT_GAME: g->game = arg; break;
    case OPT_CSV: g->csv = arg; break;
    case OPT_GAME_ID: g->game_id = arg; break;
    case OPT_GAMES_CSV: g->games_csv = arg; break;
    case OPT_WEIGHTS: g->weights = arg; break;
    case OPT_QUOTA: g->quota = arg; break;
    case OPT_IDS: g->ids = arg; break;
    default: g->always = arg; break;
  }
  return 0;
}

static int take_count(const char *cmd, int opt, const char *arg, report_inputs *in) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(arg, &end, 10);
  const char *what = opt == OPT_RUNS ? "--runs" : opt == OPT_SEED ? "--seed" : "--threads";
  unsigned long long hi = opt == OPT_RUNS ? 100000000ull : opt == OPT_THREADS ? 256 : UINT64_MAX;
  unsigned long long lo = opt == OPT_SEED ? 0 : 1;
  if (end == arg || *end || errno || arg[0] == '-' || v < lo || v > hi) {
    fprintf(stderr, "concert %s: %s must be an integer in %llu..%llu, not '%s'\n", cmd, what, lo,
            hi, arg);
    return -1;
  }
  if (opt == OPT_RUNS) in->runs = (size_t)v;
  else if (opt == OPT_SEED) in->seed = (uint64_t)v;
  else in->threads = (unsigned)v;
  return 0;
}

int report_inputs_parse(int argc, char **argv, const char *cmd, const char *usage,
                        size_t npos_min, size_t npos_max, report_inputs *in, const char **pos,
                        size_t *npos) {
  static const struct option longs[] = {{"forum", required_argument, NULL, 'f'},
                                        {"output", required_argument, NULL, 'o'},
                                        {"runs", required_argument, NULL, OPT_RUNS},
                                        {"seed", required_argument, NULL, OPT_SEED},
                                        {"threads", required_argument, NULL, OPT_THREADS},
                                        {"issue", required_argument, NULL, OPT_ISSUE},
                                        {"data", required_argument, NULL, OPT_DATA},
                                        {"format", required_argument, NULL, OPT_FORMAT},
                                        {"model", required_argument, NULL, 'm'},
                                        {"param", required_argument, NULL, 'p'},
                                        {"set", required_argument, NULL, 's'},
                                        {"reversion", required_argument, NULL, 'r'},
                                        {"members", required_argument, NULL, OPT_MEMBERS},
                                        {"years", required_argument, NULL, OPT_YEARS},
                                        {"by-year", no_argument, NULL, OPT_BY_YEAR},
                                        {"scenario", required_argument, NULL, OPT_SCENARIO},
                                        {"game", required_argument, NULL, OPT_GAME},
                                        {"csv", required_argument, NULL, OPT_CSV},
                                        {"game-id", required_argument, NULL, OPT_GAME_ID},
                                        {"games-csv", required_argument, NULL, OPT_GAMES_CSV},
                                        {"weights", required_argument, NULL, OPT_WEIGHTS},
                                        {"quota", required_argument, NULL, OPT_QUOTA},
                                        {"ids", required_argument, NULL, OPT_IDS},
                                        {"always-win", required_argument, NULL, OPT_ALWAYS_WIN},
                                        {NULL, 0, NULL, 0}};
  memset(in, 0, sizeof *in);
  in->ro.format = "text", in->ro.reversion = NAN, in->seed = 1, in->threads = 1;
  in->year_from = 1946, in->year_to = 2019;
  int opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:o:n:m:p:s:r:", longs, NULL)) != -1) {
    switch (opt) {
      case 'f': in->forum = optarg; continue;
      case 'o': in->output = optarg; continue;
      case OPT_ISSUE: in->issue = optarg; continue;
      case OPT_DATA: in->data = optarg; continue;
      case OPT_FORMAT:
        if (strcmp(cmd, "plot")) break; /* `report` writes HTML only: a usage error below */
        if (strcmp(optarg, "svg") && strcmp(optarg, "graphml") && strcmp(optarg, "dot")) {
          fprintf(stderr, "concert %s: --format must be svg, graphml or dot, not '%s'\n", cmd, optarg);
          return 1;
        }
        in->format = optarg;
        continue;
      case OPT_MEMBERS: case OPT_YEARS: case OPT_BY_YEAR: case OPT_SCENARIO: case OPT_GAME:
      case OPT_CSV: case OPT_GAME_ID: case OPT_GAMES_CSV: case OPT_WEIGHTS: case OPT_QUOTA:
      case OPT_IDS: case OPT_ALWAYS_WIN:
        if (strcmp(cmd, "plot")) break; /* not options of `report`: a usage error below */
        if (take_plot_option(cmd, opt, optarg, in)) return 1;
        continue;
      case 'n': opt = OPT_RUNS; /* fall through */
      case OPT_RUNS:
      case OPT_SEED:
      case OPT_THREADS:
        if (take_count(cmd, opt, optarg, in)) return 1;
        continue;
    }
    int t = run_options_take(&in->ro, opt, optarg, cmd);
    if (t < 0) return 1;
    if (t == 0) {
      fprintf(stderr, "usage: concert %s\n", usage);
      return 2;
    }
  }
  size_t n = (size_t)(argc - optind);
  if (n < npos_min || n > npos_max) {
    fprintf(stderr, "usage: concert %s\n", usage);
    return 2;
  }
  for (size_t i = 0; i < n; i++) pos[i] = argv[optind + (int)i];
  *npos = n;
  return 0;
}

int report_inputs_play(report_inputs *in, const char *cmd, const char *file, bool all_forums) {
  int ok;
  const concert_model *model = run_options_model(&in->ro, cmd, &ok);
  if (!ok) return 1;
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
    concert_status st = concert_summit_run(in->s, f, model, in->ro.mparams, in->ro.protocol,
                                           &in->all[f], &d);
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
