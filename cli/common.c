/* common.c: helpers shared by the subcommands. */
#include "cli.h"

int concert_cli_report(const char *cmd, concert_status st, const concert_diag *d) {
  char buf[1200];
  if (d && d->status == CONCERT_OK) {
    fprintf(stderr, "concert %s: %s\n", cmd, concert_status_message(st));
  } else {
    fprintf(stderr, "concert %s: %s\n", cmd, concert_diag_format(d, buf, sizeof buf));
  }
  return 1;
}
