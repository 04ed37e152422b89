/* cmd_run.c: `concert run FILE`: play a forum's summit and print the outcome sheet. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_options.h"

int concert_cli_run(int argc, char **argv) {
  run_options ro = {.format = "text", .reversion = NAN};
  const char *forum = NULL, *file = NULL;
  int rc = run_options_parse(argc, argv, "run", "forum", true,
                             "run FILE [--forum ID] [--model NAME] [--param k=v]... [--set k=v]... [--format text|json] [--reversion X]", &ro, &forum, &file);
  if (rc) goto out;
  rc = 1;
  int ok;
  const concert_model *model = run_options_model(&ro, "run", &ok);
  if (!ok) goto out;
  concert_scenario *s = run_options_load(&ro, file, "run");
  if (!s) goto out;
  concert_cli_warnings("run", s); /* validate prints them too; the other commands do not */
  size_t f;
  if (!run_options_forum(s, forum, file, "run", &f)) {
    concert_scenario_free(s);
    goto out;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_outcome *o = NULL;
  concert_status st = concert_summit_run(s, f, model, ro.mparams, ro.protocol, &o, &d);
  if (st) {
    concert_cli_report("run", st, &d);
  } else if (strcmp(ro.format, "json") == 0) {
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
