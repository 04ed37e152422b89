/* cmd_compare.c: `concert compare FILE --forums A,B`: one agenda under several forums. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

int concert_cli_compare(int argc, char **argv) {
  static const struct option longs[] = {{"forums", required_argument, NULL, 'f'}, RUN_LONG_OPTIONS,
                                        {NULL, 0, NULL, 0}};
  run_options ro = {.format = "text", .reversion = NAN};
  const char *forums = NULL;
  int opt, rc = 1;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:m:p:s:F:r:", longs, NULL)) != -1) {
    if (opt == 'f') {
      forums = optarg;
      continue;
    }
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
  for (size_t i = 0; i < n; i++) {
    concert_status st = concert_summit_run(s, idx[i], model, ro.mparams, ro.protocol, &outs[i], &d);
    if (st) {
      concert_cli_report("compare", st, &d);
      goto done;
    }
  }
  if (strcmp(ro.format, "json") == 0) {
    char *json = NULL;
    if (concert_compare_to_json((const concert_outcome *const *)outs, n, &json, &d)) {
      concert_cli_report("compare", d.status, &d);
      goto done;
    }
    printf("%s\n", json);
    free(json);
  } else if (concert_compare_write_text((const concert_outcome *const *)outs, n, stdout)) {
    goto done;
  }
  rc = 0;
done:
  for (size_t i = 0; outs && i < n; i++) concert_outcome_free(outs[i]);
  free(outs), free(idx), free(list);
  concert_scenario_free(s);
out:
  run_options_free(&ro);
  return rc;
}
