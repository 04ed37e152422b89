/* cmd_report.c: `concert report FILE -o report.html`: the self-contained HTML report. */
#include <stdlib.h>

#include "report_inputs.h"

#define USAGE "report FILE [--forum ID] [--runs N [--seed S] [--threads T]] [-o FILE] ..."

int concert_cli_report_html(int argc, char **argv) {
  report_inputs in;
  const char *pos[1];
  size_t npos;
  int rc = report_inputs_parse(argc, argv, "report", USAGE, 1, 1, &in, pos, &npos);
  if (rc) goto out;
  rc = 1;
  in.tipping = in.runs > 0; /* the tipping points come with the sweep's section */
  if (report_inputs_play(&in, "report", pos[0], true)) goto out;
  concert_report_extras x = {(const concert_outcome *const *)in.all, in.n_all, in.sweep, in.solution,
                           in.sensitivity};
  concert_diag d;
  concert_diag_clear(&d);
  char *html = NULL;
  concert_status st = concert_report_html(in.o, &x, &html, &d);
  if (st) concert_cli_report("report", st, &d);
  else rc = report_inputs_write(&in, "report", html);
  free(html);
out:
  report_inputs_free(&in);
  return rc;
}
