/* cmd_report.c: `concert report FILE -o report.html`: the self-contained HTML report. */
#include <stdlib.h>

#include "report_inputs.h"

static const cli_opt *const opts[] = {CLI_RUN_OPTS, CLI_SWEEP_OPTS, &cli_o_output, NULL};
const cli_spec concert_cli_report_html_spec = {
    "report",
    "FILE",
    1,
    1,
    NULL,
    opts,
    "One self-contained HTML page (inline CSS and SVG, no script, no address): the outcome\n"
    "sheet, a chart per agenda issue, the rift, a dynamic model's rounds, the deal network,\n"
    "every forum of the file compared, with --runs the sweep, its outcome distributions and\n"
    "the tipping points, the scenario's sources (docs/report.md)."};

int concert_cli_report_html(int argc, char **argv) {
  report_inputs in;
  const char *pos[1];
  size_t npos;
  int rc = report_inputs_parse(&concert_cli_report_html_spec, argc, argv, &in, pos, &npos);
  if (rc >= 0) goto out;
  in.tipping = in.runs > 0; /* the tipping points come with the sweep's section */
  if ((rc = report_inputs_play(&in, "report", pos[0], true)) != 0) goto out;
  rc = 1;
  concert_report_extras x = {(const concert_outcome *const *)in.all, in.n_all, in.sweep,
                             in.solution, in.sensitivity};
  concert_diag d;
  concert_diag_clear(&d);
  char *html = NULL;
  concert_status st = concert_report_html(in.o, &x, &html, &d);
  if (st)
    concert_cli_report("report", st, &d);
  else
    rc = report_inputs_write(&in, "report", html);
  free(html);
out:
  report_inputs_free(&in);
  return rc;
}
