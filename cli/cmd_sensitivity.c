/* cmd_sensitivity.c: `concert sensitivity FILE`: the tipping points of a forum's headline
 * results (docs/sensitivity.md): for each, the smallest change of one judgment number, within
 * its range, that flips it. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

#define USAGE                                                                      \
  "sensitivity FILE [--forum ID] [--model NAME] [--param k=v]... [--set k=v]...\n" \
  "             [--format text|json|csv] [--top N] [-o FILE]"

static int usage(void) {
  fprintf(stderr, "usage: concert " USAGE "\n");
  return 2;
}

int concert_cli_sensitivity(int argc, char **argv) {
  static const struct option longs[] = {{"forum", required_argument, NULL, 'f'},
                                        RUN_LONG_OPTIONS,
                                        {"top", required_argument, NULL, 't'},
                                        {"output", required_argument, NULL, 'o'},
                                        {NULL, 0, NULL, 0}};
  run_options ro = {.format = "text", .reversion = NAN};
  const char *forum = NULL, *file = NULL, *output = NULL, *format = "text";
  size_t top = 5;
  int rc = 1, opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:m:p:s:F:r:t:o:", longs, NULL)) != -1) {
    if (opt == 'f') {
      forum = optarg;
    } else if (opt == 'o') {
      output = optarg;
    } else if (opt == 'F') {
      format = optarg;
      if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv")) {
        fprintf(stderr, "concert sensitivity: --format must be text, json or csv, not '%s'\n",
                format);
        goto out;
      }
    } else if (opt == 't') {
      char *end;
      errno = 0;
      long n = strtol(optarg, &end, 10);
      if (*end || end == optarg || n < 0 || errno) {
        fprintf(stderr, "concert sensitivity: --top must be a count >= 0 (0: all), not '%s'\n",
                optarg);
        goto out;
      }
      top = (size_t)n;
    } else {
      int t = run_options_take(&ro, opt, optarg, "sensitivity");
      if (t < 0) goto out;
      if (t == 0) {
        rc = usage();
        goto out;
      }
    }
  }
  if (optind != argc - 1) {
    rc = usage();
    goto out;
  }
  file = argv[optind];
  int ok;
  const concert_model *model = run_options_model(&ro, "sensitivity", &ok);
  if (!ok) goto out;
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
  } else if (strcmp(format, "json") == 0) {
    char *json = NULL;
    st = concert_sensitivity_to_json(x, &json, &d);
    if (st)
      concert_cli_report("sensitivity", st, &d);
    else
      fprintf(fp, "%s\n", json);
    free(json);
  } else if (strcmp(format, "csv") == 0) {
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
  run_options_free(&ro);
  return rc;
}
