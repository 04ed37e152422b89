/* run_options.c: parsing of the options `run` and `compare` share. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

int run_options_take(run_options *o, int opt, const char *arg, const char *cmd) {
  concert_diag d;
  concert_diag_clear(&d);
  switch (opt) {
    case 'm':
      o->model = arg;
      return 1;
    case 'p':
      if (!o->mparams) o->mparams = concert_params_new();
      if (!o->mparams || concert_params_set_text(o->mparams, arg, &d)) {
        concert_cli_report(cmd, d.status, &d);
        return -1;
      }
      return 1;
    case 's':
      if (!o->protocol) o->protocol = concert_params_new();
      if (!o->protocol || concert_params_set_text(o->protocol, arg, &d)) {
        concert_cli_report(cmd, d.status, &d);
        return -1;
      }
      return 1;
    case 'F':
      if (concert_cli_format(cmd, arg) < 0) return -1;
      o->format = arg;
      return 1;
    case 'r': {
      char *end;
      errno = 0;
      double x = strtod(arg, &end);
      if (*end || end == arg || errno || !isfinite(x) || x < 0 || x > 100) {
        fprintf(stderr, "concert %s: --reversion must be a number in [0, 100], not '%s'\n", cmd, arg);
        return -1;
      }
      o->reversion = x;
      return 1;
    }
  }
  return 0;
}

concert_scenario *run_options_load(const run_options *o, const char *path, const char *cmd) {
  concert_diag d;
  concert_diag_clear(&d);
  concert_scenario *s = NULL;
  concert_status st = concert_scenario_load(path, o->reversion, &s, &d);
  if (st) {
    concert_cli_report(cmd, st, &d);
    return NULL;
  }
  return s;
}

const concert_model *run_options_model(const run_options *o, const char *cmd, int *ok) {
  *ok = 1;
  if (!o->model) {
    if (o->mparams) {
      fprintf(stderr, "concert %s: --param needs --model\n", cmd);
      *ok = 0;
    }
    return NULL;
  }
  const concert_model *m = concert_model_find(o->model);
  if (!m) {
    fprintf(stderr, "concert %s: unknown model '%s' (see 'concert models')\n", cmd, o->model);
    *ok = 0;
  }
  return m;
}

void run_options_free(run_options *o) {
  concert_params_free(o->mparams);
  concert_params_free(o->protocol);
}

int run_options_forum(const concert_scenario *s, const char *id, const char *path,
                      const char *cmd, size_t *f) {
  *f = 0;
  if (!id || concert_scenario_forum_find(s, id, f)) return 1;
  fprintf(stderr, "concert %s: %s: no forum '%s' (forums:", cmd, path, id);
  for (size_t i = 0; i < concert_scenario_forum_count(s); i++)
    fprintf(stderr, " %s", concert_scenario_forum_id(s, i));
  fprintf(stderr, ")\n");
  return 0;
}

int run_options_parse(int argc, char **argv, const char *cmd, const char *forum_opt,
                      bool with_set, const char *usage, run_options *o, const char **forum,
                      const char **file) {
  const struct option longs[] = {{forum_opt, required_argument, NULL, 'f'}, RUN_LONG_OPTIONS,
                                 {NULL, 0, NULL, 0}};
  int opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:m:p:s:F:r:", longs, NULL)) != -1) {
    if (opt == 'f') {
      *forum = optarg;
      continue;
    }
    int t = (opt == 's' && !with_set) ? 0 : run_options_take(o, opt, optarg, cmd);
    if (t < 0) return 1;
    if (t == 0) {
      fprintf(stderr, "usage: concert %s\n", usage);
      return 2;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "usage: concert %s\n", usage);
    return 2;
  }
  *file = argv[optind];
  return 0;
}
