/* cmd_derive.c: `concert derive`: writes a scenario skeleton with capabilities and
 * positions from data and every judgment number marked TO FILL (docs/derive.md). The
 * library writes into memory; the file is written only when the derivation succeeded, and
 * the library's warnings go to stderr. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Writes len bytes of text to path ("-" or NULL: stdout); 0, or 1 with a message. */
static int write_out(const char *path, const char *text, size_t len) {
  bool std = !path || strcmp(path, "-") == 0;
  FILE *f = std ? stdout : fopen(path, "w");
  if (!f) {
    fprintf(stderr, "concert derive: cannot write '%s': %s\n", path, strerror(errno));
    return 1;
  }
  bool ok = fwrite(text, 1, len, f) == len;
  ok = (std ? fflush(f) : fclose(f)) == 0 && ok;
  if (!ok) {
    fprintf(stderr, "concert derive: cannot write '%s': %s\n", std ? "(stdout)" : path,
            strerror(errno));
    return 1;
  }
  return 0;
}

static const cli_opt o_members = {"members", 'm', "ISO3,...",
                                  "member states by ISO3 code (EU and AU allowed)", false};
static const cli_opt o_forum = {"forum", 'f', "G7|G8|G20|G5|G2",
                                "a known forum, its members as of the year", false};
static const cli_opt o_year = {"year", 'y', "Y", "summit year: data come from the years before it",
                               false};
static const cli_opt o_name = {"name", 0, "TEXT", "the scenario's name", false};
static const cli_opt *const opts[] = {&o_members,    &o_forum,    &o_year, &o_name,
                                      &cli_o_output, &cli_o_data, NULL};
const cli_spec concert_cli_derive_spec = {
    "derive",
    "[SPEC.yaml]",
    0,
    1,
    NULL,
    opts,
    "Give --members or --forum with --year, or SPEC.yaml: issues (family, direction, years),\n"
    "actors, forums (docs/derive.md)."};

typedef struct derive_args {
  concert_derive_options o;
  const char *output;
  int year_given;
} derive_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  derive_args *a = ctx;
  if (o == &o_members)
    a->o.members = arg;
  else if (o == &o_forum)
    a->o.forum = arg;
  else if (o == &o_name)
    a->o.name = arg;
  else if (o == &cli_o_output)
    a->output = arg;
  else if (o == &cli_o_data)
    a->o.data_dir = arg;
  else if (o == &o_year) {
    int to;
    if (concert_cli_parse_years(arg, &a->o.year, &to) != 0 || to != a->o.year)
      return cli_usage("derive", "--year must be a year in 1900-2100, not '%s'", arg);
    a->year_given = 1;
  }
  return 0;
}

int concert_cli_derive(int argc, char **argv) {
  derive_args a = {{0}, NULL, 0};
  const char *spec = NULL;
  size_t npos;
  int prc = cli_parse(&concert_cli_derive_spec, argc, argv, take, &a, &spec, &npos, NULL);
  if (prc >= 0) return prc;
  concert_derive_options o = a.o;
  const char *output = a.output;
  int year_given = a.year_given;
  if (!npos) spec = NULL;
  if (spec && (o.members || o.forum || year_given)) {
    return cli_usage("derive",
                     "a spec file gives its own members and year; drop --members, "
                     "--forum and --year");
  }
  if (!spec && ((o.members == NULL) == (o.forum == NULL) || !year_given)) {
    return cli_usage("derive",
                     "give SPEC.yaml, or --members ISO3,... or --forum "
                     "G7|G8|G20|G5|G2, with --year Y");
  }
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  if (!mem) {
    fprintf(stderr, "concert derive: out of memory\n");
    return 1;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_derive_report *w = NULL;
  concert_status st = concert_derive_run(&o, spec, mem, &w, &d);
  fclose(mem);
  for (size_t i = 0; i < concert_derive_report_count(w); i++)
    fprintf(stderr, "concert derive: warning: %s\n", concert_derive_report_at(w, i));
  concert_derive_report_free(w);
  int rc = st ? concert_cli_report("derive", st, &d) : write_out(output, text, len);
  free(text);
  return rc;
}
