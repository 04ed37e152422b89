/* cmd_validate.c: `concert validate FILE...`: check scenario files and say what is wrong.
 * For a YAML file every field not yet coded (TO FILL) is listed, not only the first. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Validates one YAML file; returns 0 when it loads. */
static int validate_yaml(const char *path) {
  concert_diag d, *fields = NULL;
  concert_diag_clear(&d);
  size_t n = 0;
  /* standard input can be read only once: there the first field not coded is reported */
  concert_status st =
      strcmp(path, "-") == 0 ? CONCERT_OK : concert_scenario_unfilled_file(path, &fields, &n, &d);
  for (size_t i = 0; i < n; i++) concert_cli_report("validate", fields[i].status, &fields[i]);
  free(fields);
  if (n)
    fprintf(stderr, "concert validate: %s: %zu field%s not yet coded\n", path, n,
            n == 1 ? "" : "s");
  if (st) concert_cli_report("validate", st, &d);
  if (st || n) return 1;
  concert_scenario *s = NULL;
  st = concert_scenario_load_file(path, &s, &d);
  if (st) return concert_cli_report("validate", st, &d);
  concert_cli_warnings("validate", s);
  printf("%s: ok: %zu actors, %zu issues, %zu forums%s\n", path, concert_scenario_actor_count(s),
         concert_scenario_issue_count(s), concert_scenario_forum_count(s),
         concert_scenario_codebook(s) ? " (codebook 1, strict)" : "");
  concert_scenario_free(s);
  return 0;
}

int concert_cli_validate(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: concert validate FILE...\n");
    return 2;
  }
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    size_t len = strlen(argv[i]);
    if (len <= 4 || strcmp(argv[i] + len - 4, ".csv") != 0) {
      rc |= validate_yaml(argv[i]);
      continue;
    }
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
