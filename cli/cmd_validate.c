/* cmd_validate.c: `concert validate FILE...`: check scenario files and say what is wrong. */
#include <math.h>

#include "cli.h"

int concert_cli_validate(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: concert validate FILE...\n");
    return 2;
  }
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    concert_diag d;
    concert_diag_clear(&d);
    concert_scenario *s = NULL;
    concert_status st = concert_scenario_load(argv[i], NAN, &s, &d);
    if (st) {
      concert_cli_report("validate", st, &d);
      rc = 1;
      continue;
    }
    printf("%s: ok: %zu actors, %zu issues, %zu forums\n", argv[i], concert_scenario_actor_count(s),
           concert_scenario_issue_count(s), concert_scenario_forum_count(s));
    concert_scenario_free(s);
  }
  return rc;
}
