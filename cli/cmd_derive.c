/* cmd_derive.c: `concert derive`: writes a scenario skeleton with capabilities and
 * positions from data and every judgment number marked TO FILL (docs/derive.md). The
 * library writes into memory; the file is written only when the derivation succeeded, and
 * the library's warnings go to stderr. */
#include <errno.h>
#include <getopt.h>
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

int concert_cli_derive(int argc, char **argv) {
  static const struct option opts[] = {{"members", required_argument, NULL, 'm'},
                                       {"forum", required_argument, NULL, 'f'},
                                       {"year", required_argument, NULL, 'y'},
                                       {"name", required_argument, NULL, 'n'},
                                       {"output", required_argument, NULL, 'o'},
                                       {"data", required_argument, NULL, 'd'},
                                       {NULL, 0, NULL, 0}};
  concert_derive_options o = {0};
  const char *output = NULL;
  int ch, year_given = 0;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, ":m:f:y:n:o:d:", opts, NULL)) != -1) {
    switch (ch) {
      case 'm':
        o.members = optarg;
        break;
      case 'f':
        o.forum = optarg;
        break;
      case 'y': {
        int to;
        if (concert_cli_parse_years(optarg, &o.year, &to) != 0 || to != o.year) {
          fprintf(stderr, "concert derive: --year must be a year in 1900-2100, not '%s'\n", optarg);
          return 2;
        }
        year_given = 1;
        break;
      }
      case 'n':
        o.name = optarg;
        break;
      case 'o':
        output = optarg;
        break;
      case 'd':
        o.data_dir = optarg;
        break;
      case ':':
        fprintf(stderr, "concert derive: option %s needs a value\n", argv[optind - 1]);
        return 2;
      default:
        fprintf(stderr, "concert derive: unknown option '%s'\n", argv[optind - 1]);
        return 2;
    }
  }
  const char *spec = optind < argc ? argv[optind++] : NULL;
  if (optind < argc) {
    fprintf(stderr, "concert derive: unexpected argument '%s'\n", argv[optind]);
    return 2;
  }
  if (spec && (o.members || o.forum || year_given)) {
    fprintf(stderr,
            "concert derive: a spec file gives its own members and year; drop "
            "--members, --forum and --year\n");
    return 2;
  }
  if (!spec && ((o.members == NULL) == (o.forum == NULL) || !year_given)) {
    fprintf(stderr,
            "concert derive: give SPEC.yaml, or --members ISO3,... or --forum "
            "G7|G8|G20|G5|G2, with --year Y\n");
    return 2;
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
