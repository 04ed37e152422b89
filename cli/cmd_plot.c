/* cmd_plot.c: `concert plot KIND ...`: one chart alone, as SVG. */
#include <stdlib.h>
#include <string.h>

#include "report_inputs.h"

#define USAGE "plot issue|trajectory|network|rift|compare|sweep FILE [--forum ID] [--issue ID] [--runs N] [-o FILE] ...\n" \
              "       concert plot network FILE --format svg|graphml|dot [-o FILE] ...\n" \
              "       concert plot history [--forum G7|G20] [--data DIR] [-o FILE]"

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
    if (in->format && strcmp(in->format, "graphml") == 0) st = concert_network_to_graphml(in->o, svg, d);
    else if (in->format && strcmp(in->format, "dot") == 0) st = concert_network_to_dot(in->o, svg, d);
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
  int rc = report_inputs_parse(argc, argv, "plot", USAGE, 1, 2, &in, pos, &npos);
  if (rc) goto out;
  const char *kind = pos[0];
  bool history = strcmp(kind, "history") == 0;
  if (!history && strcmp(kind, "issue") && strcmp(kind, "trajectory") && strcmp(kind, "network") &&
      strcmp(kind, "rift") && strcmp(kind, "compare") &&
      strcmp(kind, "sweep")) {
    fprintf(stderr, "concert plot: unknown chart '%s' (issue, trajectory, network, rift, compare, sweep, history)\n", kind);
    rc = 2;
    goto out;
  }
  if (in.format && strcmp(in.format, "svg") && strcmp(kind, "network")) {
    fprintf(stderr, "concert plot: --format %s is for the network only (other charts are SVG)\n", in.format);
    rc = 2;
    goto out;
  }
  if (npos != (history ? 1u : 2u)) {
    fprintf(stderr, "usage: concert %s\n", USAGE);
    rc = 2;
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
      fprintf(stderr, "concert plot: the sweep chart needs --runs N\n");
      goto out;
    }
    if (report_inputs_play(&in, "plot", pos[1], strcmp(kind, "compare") == 0)) goto out;
    if (draw(&in, kind, &svg, &d)) goto out;
  }
  rc = report_inputs_write(&in, "plot", svg);
out:
  free(svg);
  concert_history_free(h);
  report_inputs_free(&in);
  return rc;
}
