/* cmd_sensitivity.c: `concert sensitivity FILE`: the tipping points of a forum's headline
 * results (docs/sensitivity.md): for each, the smallest change of one judgment number, within
 * its range, that flips it. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

static const cli_opt o_top = {
    "top", 0, "N", "tipping points shown per headline in text (default 5, 0 all)", false};
static const cli_opt *const opts[] = {CLI_RUN_OPTS, &cli_o_format, &o_top, &cli_o_output, NULL};
const cli_spec concert_cli_sensitivity_spec = {
    "sensitivity",
    "FILE",
    1,
    1,
    "text|json|csv",
    opts,
    "For the document's fate (as it happens and as the chair expects it) and each agenda\n"
    "issue's statement: the smallest change of one judgment number, within its range, that\n"
    "flips it, by bisection (docs/sensitivity.md)."};

typedef struct sensitivity_args {
  run_options ro;
  const char *output;
  size_t top;
} sensitivity_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  sensitivity_args *a = ctx;
  int t = run_options_take(&a->ro, o, arg, "sensitivity");
  if (t) return t == 1 ? 0 : t;
  if (o == &cli_o_output) {
    a->output = arg;
  } else if (o == &o_top) {
    unsigned long long n;
    if (concert_cli_count("sensitivity", "--top", arg, 0, SIZE_MAX, &n)) return 2;
    a->top = (size_t)n;
  }
  return 0;
}

int concert_cli_sensitivity(int argc, char **argv) {
  sensitivity_args a = {.ro = {.reversion = NAN}, .top = 5};
  const char *file = NULL;
  size_t npos;
  int rc =
      cli_parse(&concert_cli_sensitivity_spec, argc, argv, take, &a, &file, &npos, &a.ro.format);
  if (rc >= 0) goto out;
  rc = 1;
  run_options ro = a.ro;
  const char *forum = ro.forum, *output = a.output;
  size_t top = a.top;
  int ok;
  const concert_model *model = run_options_model(&ro, "sensitivity", &ok);
  if (!ok) {
    rc = 2;
    goto out;
  }
  concert_scenario *s = run_options_load(&ro, file, "sensitivity");
  if (!s) goto out;
  size_t f;
  if (!run_options_forum(s, forum, file, "sensitivity", &f)) {
    concert_scenario_free(s);
    goto out;
  }
  FILE *fp = stdout;
  if (output && !(fp = fopen(output, "w"))) {
    fprintf(stderr, "concert sensitivity: cannot write '%s': %s\n", output, strerror(errno));
    concert_scenario_free(s);
    goto out;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_sensitivity *x = NULL;
  concert_status st = concert_sensitivity_run(s, f, model, ro.mparams, ro.protocol, &x, &d);
  if (st) {
    concert_cli_report("sensitivity", st, &d);
  } else if (ro.format == 1) {
    char *json = NULL;
    st = concert_sensitivity_to_json(x, &json, &d);
    if (st)
      concert_cli_report("sensitivity", st, &d);
    else
      fprintf(fp, "%s\n", json);
    free(json);
  } else if (ro.format == 2) {
    st = concert_sensitivity_write_csv(x, fp);
  } else {
    st = concert_sensitivity_write_text(x, fp, top);
  }
  int lost = fp != stdout && ferror(fp); /* a failed write earlier than the close */
  if (fp != stdout && (fclose(fp) != 0 || lost) && !st) {
    fprintf(stderr, "concert sensitivity: cannot write '%s': %s\n", output, strerror(errno));
    st = CONCERT_ERR_IO;
  }
  rc = st ? 1 : 0;
  concert_sensitivity_free(x);
  concert_scenario_free(s);
out:
  run_options_free(&a.ro);
  return rc;
}
