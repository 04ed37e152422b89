/* run_options.c: the options of a played summit that several commands share. */
#include "run_options.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int run_options_take(run_options *ro, const cli_opt *o, const char *arg, const char *cmd) {
  concert_diag d;
  concert_diag_clear(&d);
  char buf[2048];
  if (o == &cli_o_forum || cli_is(o, "forums")) {
    ro->forum = arg;
    return 1;
  }
  if (o == &cli_o_model) {
    ro->model = arg;
    return 1;
  }
  if (o == &cli_o_param || o == &cli_o_set) {
    concert_params **p = o == &cli_o_param ? &ro->mparams : &ro->protocol;
    if (!*p) *p = concert_params_new();
    if (!*p) {
      fprintf(stderr, "concert %s: out of memory\n", cmd);
      return 2;
    }
    if (concert_params_set_text(*p, arg, &d))
      return cli_usage(cmd, "--%s: %s", o->name, concert_diag_format(&d, buf, sizeof buf));
    return 1;
  }
  if (o == &cli_o_reversion) {
    char *end;
    errno = 0;
    double x = strtod(arg, &end);
    if (*end || end == arg || errno || !isfinite(x) || x < 0 || x > 100)
      return cli_usage(cmd, "--reversion must be a number in [0, 100], not '%s'", arg);
    ro->reversion = x;
    return 1;
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
      cli_usage(cmd, "--param needs --model");
      *ok = 0;
    }
    return NULL;
  }
  const concert_model *m = concert_model_find(o->model);
  if (!m) {
    cli_usage(cmd, "unknown model '%s' (see 'concert models')", o->model);
    *ok = 0;
  }
  return m;
}

void run_options_free(run_options *o) {
  concert_params_free(o->mparams);
  concert_params_free(o->protocol);
}

int run_options_forum(const concert_scenario *s, const char *id, const char *path, const char *cmd,
                      size_t *f) {
  *f = 0;
  if (!id || concert_scenario_forum_find(s, id, f)) return 1;
  fprintf(stderr, "concert %s: %s: no forum '%s' (forums:", cmd, path, id);
  for (size_t i = 0; i < concert_scenario_forum_count(s); i++)
    fprintf(stderr, " %s", concert_scenario_forum_id(s, i));
  fprintf(stderr, ")\n");
  return 0;
}

static int take(void *ctx, const cli_opt *o, const char *arg) {
  run_options *ro = ctx;
  int t = run_options_take(ro, o, arg, ro->cmd);
  return t == 1 ? 0 : t ? t : cli_usage(ro->cmd, "option --%s is not handled", o->name);
}

int run_options_parse(const cli_spec *spec, int argc, char **argv, run_options *o,
                      const char **file) {
  size_t n;
  o->cmd = spec->name;
  return cli_parse(spec, argc, argv, take, o, file, &n, &o->format);
}
