/* cmd_plot.c: `concert plot KIND ...`: one chart alone, as SVG. */
#include <stdlib.h>
#include <string.h>

#include "report_inputs.h"

static const cli_opt o_issue = {"issue", 0, "ID", "the agenda issue of issue and trajectory (default: the first)", false};
static const cli_opt *const opts[] = {CLI_RUN_OPTS, &o_issue,     CLI_SWEEP_OPTS, &cli_o_format,
                                     &cli_o_data,  &cli_o_output, NULL};
const cli_spec concert_cli_plot_spec = {
    "plot", "KIND [FILE]", 1, 2, "svg|graphml|dot", opts,
    "KIND is one of:\n"
    "  issue       one agenda issue on its 0-100 line (--issue ID)\n"
    "  trajectory  a dynamic model's rounds on one agenda issue (--issue ID; --model eum,\n"
    "              exchange or smp when the scenario's has no rounds)\n"
    "  network     the bilateral deals (exchange model) with their hub; --format graphml or\n"
    "              dot: the deal graph with the issues traded and the gains on each edge\n"
    "  rift        the rift components as bars\n"
    "  compare     every forum of the file as grouped bars\n"
    "  sweep       the sweep's probabilities with error whiskers (needs --runs N)\n"
    "  history     the recorded G7 or G20 summits (--forum G7|G20, --data DIR; no FILE)\n"
    "--format is for the network only; the other charts are SVG (docs/report.md)."};

/* The chart of `kind` from the played inputs into *svg; 0, or 1 (message printed). */
static int draw(report_inputs *in, const char *kind, char **svg, concert_diag *d) {
  concert_status st;
  if (strcmp(kind, "issue") == 0 || strcmp(kind, "trajectory") == 0) {
    size_t n = concert_outcome_issue_count(in->o), i = 0;
    if (in->issue) {
      while (i < n && strcmp(concert_scenario_issue_id(in->s, concert_outcome_issue(in->o, i)->issue), in->issue) != 0) i++;
      if (i == n) {
        fprintf(stderr, "concert plot: no agenda issue '%s' in forum %s (agenda:", in->issue,
                concert_scenario_forum_id(in->s, in->f));
        for (size_t j = 0; j < n; j++)
          fprintf(stderr, " %s", concert_scenario_issue_id(in->s, concert_outcome_issue(in->o, j)->issue));
        fprintf(stderr, ")\n");
        return 1;
      }
    }
    if (strcmp(kind, "issue") == 0) {
      st = concert_plot_issue(in->o, i, svg, d);
    } else if (concert_solution_rounds(in->solution) < 2) {
      fprintf(stderr, "concert plot: model %s has no rounds to chart (a dynamic model has: eum, "
                      "exchange, smp; --model NAME)\n", concert_outcome_model(in->o));
      return 1;
    } else {
      st = concert_plot_trajectory(in->s, in->f, in->solution, i, svg, d);
    }
  } else if (strcmp(kind, "network") == 0) {
    if (in->format_index == 1) st = concert_network_to_graphml(in->o, svg, d);
    else if (in->format_index == 2) st = concert_network_to_dot(in->o, svg, d);
    else st = concert_plot_network(in->o, svg, d);
  } else if (strcmp(kind, "rift") == 0) {
    st = concert_plot_rift(in->o, svg, d);
  } else if (strcmp(kind, "compare") == 0) {
    st = concert_plot_compare((const concert_outcome *const *)in->all, in->n_all, svg, d);
  } else {
    st = concert_plot_sweep(in->sweep, svg, d);
  }
  return st ? concert_cli_report("plot", st, d) : 0;
}

int concert_cli_plot(int argc, char **argv) {
  report_inputs in;
  const char *pos[2];
  size_t npos;
  char *svg = NULL;
  concert_history *h = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  int rc = report_inputs_parse(&concert_cli_plot_spec, argc, argv, &in, pos, &npos);
  if (rc >= 0) goto out;
  const char *kind = pos[0];
  bool history = strcmp(kind, "history") == 0;
  if (!history && strcmp(kind, "issue") && strcmp(kind, "trajectory") && strcmp(kind, "network") &&
      strcmp(kind, "rift") && strcmp(kind, "compare") &&
      strcmp(kind, "sweep")) {
    rc = cli_usage("plot", "unknown chart '%s' (issue, trajectory, network, rift, compare, sweep, history)", kind);
    goto out;
  }
  if (in.format_index && strcmp(kind, "network")) {
    rc = cli_usage("plot", "--format graphml or dot is for the network only (other charts are SVG)");
    goto out;
  }
  if (npos != (history ? 1u : 2u)) {
    rc = history ? cli_usage("plot", "plot history reads no FILE")
                 : cli_usage("plot", "missing FILE (plot %s FILE)", kind);
    goto out;
  }
  rc = 1;
  if (history) {
    concert_forum_kind fk = CONCERT_FORUM_G7;
    if (in.forum && concert_forum_kind_parse(in.forum, &fk, &d)) {
      concert_cli_report("plot", d.status, &d);
      goto out;
    }
    char world[4096];
    if (in.data) snprintf(world, sizeof world, "%s/world", in.data);
    concert_status st = concert_history_load(&h, in.data ? world : NULL, &d);
    if (!st) st = concert_plot_history(h, fk, &svg, &d);
    if (st) {
      concert_cli_report("plot", st, &d);
      goto out;
    }
  } else {
    if (strcmp(kind, "sweep") == 0 && in.runs == 0) {
      rc = cli_usage("plot", "the sweep chart needs --runs N");
      goto out;
    }
    if ((rc = report_inputs_play(&in, "plot", pos[1], strcmp(kind, "compare") == 0)) != 0) goto out;
    rc = 1;
    if (draw(&in, kind, &svg, &d)) goto out;
  }
  rc = report_inputs_write(&in, "plot", svg);
out:
  free(svg);
  concert_history_free(h);
  report_inputs_free(&in);
  return rc;
}
