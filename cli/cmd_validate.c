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

static const cli_opt *const opts[] = {NULL};
const cli_spec concert_cli_validate_spec = {
    "validate",
    "FILE...",
    1,
    (size_t)-1,
    NULL,
    opts,
    "Each FILE is a scenario (YAML; - reads standard input) or an actor table (.csv).\n"
    "Every field not yet coded (TO FILL) is listed, not only the first."};

int concert_cli_validate(int argc, char **argv) {
  size_t npos;
  const char **files = malloc((size_t)argc * sizeof *files);
  if (!files) {
    fprintf(stderr, "concert validate: out of memory\n");
    return 1;
  }
  int rc = cli_parse(&concert_cli_validate_spec, argc, argv, NULL, NULL, files, &npos, NULL);
  if (rc >= 0) {
    free(files);
    return rc;
  }
  rc = 0;
  for (size_t k = 0; k < npos; k++) {
    const char *path = files[k];
    size_t len = strlen(path);
    if (len <= 4 || strcmp(path + len - 4, ".csv") != 0) {
      rc |= validate_yaml(path);
      continue;
    }
    concert_diag d;
    concert_diag_clear(&d);
    concert_scenario *s = NULL;
    concert_status st = concert_scenario_load(path, NAN, &s, &d);
    if (st) {
      concert_cli_report("validate", st, &d);
      rc = 1;
      continue;
    }
    printf("%s: ok: %zu actors, %zu issues, %zu forums\n", path, concert_scenario_actor_count(s),
           concert_scenario_issue_count(s), concert_scenario_forum_count(s));
    concert_scenario_free(s);
  }
  free(files);
  return rc;
}
