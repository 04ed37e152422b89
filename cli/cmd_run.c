/* cmd_run.c: `concert run FILE`: play a forum's summit and print the outcome sheet. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

static const cli_opt *const opts[] = {CLI_RUN_OPTS, &cli_o_format, NULL};
const cli_spec concert_cli_run_spec = {"run", "FILE", 1, 1, "text|json|csv", opts,
                                       "FILE is a scenario (YAML) or an actor table (CSV); - reads standard input.\n"
                                       "csv: the outcome in long rows (docs/csv.md)."};

int concert_cli_run(int argc, char **argv) {
  run_options ro = {.reversion = NAN};
  const char *file = NULL;
  int rc = run_options_parse(&concert_cli_run_spec, argc, argv, &ro, &file);
  if (rc >= 0) goto out;
  int ok;
  const concert_model *model = run_options_model(&ro, "run", &ok);
  rc = ok ? 1 : 2;
  if (!ok) goto out;
  concert_scenario *s = run_options_load(&ro, file, "run");
  if (!s) goto out;
  concert_cli_warnings("run", s); /* validate prints them too; the other commands do not */
  size_t f;
  if (!run_options_forum(s, ro.forum, file, "run", &f)) {
    concert_scenario_free(s);
    goto out;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_outcome *o = NULL;
  concert_status st = concert_summit_run(s, f, model, ro.mparams, ro.protocol, &o, &d);
  if (st) {
    concert_cli_report("run", st, &d);
  } else if (ro.format == 2) {
    st = concert_outcome_write_csv(o, stdout);
  } else if (ro.format == 1) {
    char *json = NULL;
    st = concert_outcome_to_json(o, &json, &d);
    if (st) concert_cli_report("run", st, &d);
    else printf("%s\n", json);
    free(json);
  } else {
    st = concert_outcome_write_text(o, stdout);
  }
  rc = st ? 1 : 0;
  concert_outcome_free(o);
  concert_scenario_free(s);
out:
  run_options_free(&ro);
  return rc;
}
