/* common.c: helpers shared by the subcommands. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void concert_cli_warnings(const char *cmd, const concert_scenario *s) {
  char buf[2048];
  for (size_t i = 0; i < concert_scenario_warning_count(s); i++)
    fprintf(stderr, "concert %s: warning: %s\n", cmd,
            concert_diag_format(concert_scenario_warning(s, i), buf, sizeof buf));
}

int concert_cli_report(const char *cmd, concert_status st, const concert_diag *d) {
  char buf[2048];
  if (d && d->status == CONCERT_OK) {
    fprintf(stderr, "concert %s: %s\n", cmd, concert_status_message(st));
  } else {
    fprintf(stderr, "concert %s: %s\n", cmd, concert_diag_format(d, buf, sizeof buf));
  }
  return 1;
}

/* A year in 1900-2100 at the start of s; *end is set past it. */
static int year_at(const char *s, char **end, int *out) {
  errno = 0;
  long v = strtol(s, end, 10);
  if (errno || *end == s || v < 1900 || v > 2100) return -1;
  *out = (int)v;
  return 0;
}

int concert_cli_parse_years(const char *s, int *from, int *to) {
  char *end;
  if (!s || year_at(s, &end, from) != 0) return -1;
  if (*end == '\0') {
    *to = *from;
    return 0;
  }
  if (*end != '-') return -1;
  if (year_at(end + 1, &end, to) != 0 || *end != '\0' || *to < *from) return -1;
  return 0;
}

int concert_cli_count(const char *cmd, const char *opt, const char *arg, unsigned long long lo,
                      unsigned long long hi, unsigned long long *out) {
  errno = 0;
  char *end;
  unsigned long long v = strtoull(arg, &end, 10);
  if (errno || end == arg || *end || arg[0] == '-' || v < lo || v > hi) {
    return cli_usage(cmd, "%s must be an integer in [%llu, %llu], not '%s'", opt, lo, hi, arg);
  }
  *out = v;
  return 0;
}

const char *concert_cli_data_sub(const char *data, const char *sub, char *buf, size_t size) {
  if (!data) return NULL;
  snprintf(buf, size, "%s/%s", data, sub);
  return buf;
}
