/* cmd_plot.c: `concert plot KIND ...`: one chart alone, as SVG. */
#include <stdlib.h>
#include <string.h>

#include "report_inputs.h"

#define USAGE "plot issue|trajectory|network|rift|compare|sweep|distribution|tipping FILE [--forum ID] [--issue ID] [--runs N] [-o FILE] ...\n" \
              "       concert plot network FILE --format svg|graphml|dot [-o FILE] ...\n" \
              "       concert plot history [--forum G7|G20] [--data DIR] [-o FILE]\n" \
              "       concert plot cohesion --members ISO3|GROUP,... [--years FROM-TO] [--issue CODE] [--by-year] [--data DIR] [-o FILE]\n" \
              "       concert plot power (--scenario FILE [--forum ID] | --game NAME | --csv ... | --weights ... --quota Q) [-o FILE]\n" \
              "       concert plot calibration [DIR] [--runs N] [--seed S] [--threads T] [-o FILE]"

#define COHESION_MAX_MEMBERS 64

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
  } else if (strcmp(kind, "distribution") == 0) {
    st = concert_plot_distribution(in->sweep, svg, d);
  } else if (strcmp(kind, "tipping") == 0) {
    st = concert_plot_tipping(in->sensitivity, svg, d);
  } else {
    st = concert_plot_sweep(in->sweep, svg, d);
  }
  return st ? concert_cli_report("plot", st, d) : 0;
}

/* plot cohesion: the UNGA agreement matrix of --members over --years (docs/cohesion.md). */
static int plot_cohesion(const report_inputs *in, char **svg, concert_diag *d) {
  if (!in->members || !*in->members) {
    fprintf(stderr, "concert plot: cohesion needs --members ISO3|GROUP,... (e.g. USA,CHN or G7)\n");
    return 2;
  }
  char buf[1024];
  if (strlen(in->members) >= sizeof buf) {
    fprintf(stderr, "concert plot: --members is too long\n");
    return 2;
  }
  memcpy(buf, in->members, strlen(in->members) + 1);
  const char *list[COHESION_MAX_MEMBERS + 1];
  size_t n = 0;
  for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && n <= COHESION_MAX_MEMBERS;
       tok = strtok_r(NULL, ",", &save))
    list[n++] = tok;
  char world[4096];
  if (in->data) snprintf(world, sizeof world, "%s/world", in->data);
  concert_unga *u = NULL;
  concert_cohesion *c = NULL;
  concert_cohesion_query q = {list, n, in->year_from, in->year_to, in->issue};
  concert_status st = concert_unga_load(&u, in->data ? world : NULL, d);
  if (!st) st = concert_cohesion_compute(u, &q, &c, d);
  if (!st) st = concert_plot_cohesion(c, in->by_year, svg, d);
  concert_cohesion_free(c);
  concert_unga_free(u);
  return st ? concert_cli_report("plot", st, d) : 0;
}

/* plot power: a voting game (the options of `concert power`) against its weight shares. */
static int plot_power(const report_inputs *in, char **svg, concert_diag *d) {
  power_game_opts o = in->game;
  o.forum = in->forum, o.members = in->members, o.data = in->data;
  concert_game *g = NULL;
  int rc = power_game_build(&o, "plot", &g);
  if (rc) return rc;
  concert_status st = concert_plot_power(g, svg, d);
  concert_game_free(g);
  return st ? concert_cli_report("plot", st, d) : 0;
}

/* plot calibration: the backtest of the record in dir (default: record/ under the data
 * root) as a calibration plot (docs/backtest.md). */
static int plot_calibration(const report_inputs *in, const char *dir, char **svg, concert_diag *d) {
  char def[4096];
  if (!dir) {
    snprintf(def, sizeof def, "%s/record", in->data ? in->data : concert_data_dir());
    dir = def;
  }
  concert_record *r = NULL;
  concert_backtest *b = NULL;
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  o.runs = in->runs ? in->runs : 1, o.seed = in->seed, o.threads = in->threads;
  concert_status st = concert_record_load(dir, &r, d);
  if (!st) st = concert_backtest_run(r, &o, &b, d);
  if (!st) st = concert_plot_calibration(b, svg, d);
  concert_backtest_free(b);
  concert_record_free(r);
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
  bool alone = history || strcmp(kind, "cohesion") == 0 || strcmp(kind, "power") == 0; /* no FILE */
  bool calibration = strcmp(kind, "calibration") == 0;
  if (!alone && !calibration && strcmp(kind, "issue") && strcmp(kind, "trajectory") &&
      strcmp(kind, "network") && strcmp(kind, "rift") && strcmp(kind, "compare") &&
      strcmp(kind, "sweep") && strcmp(kind, "distribution") && strcmp(kind, "tipping")) {
    fprintf(stderr, "concert plot: unknown chart '%s' (issue, trajectory, network, rift, compare, "
                    "sweep, distribution, tipping, history, cohesion, power, calibration)\n", kind);
    rc = 2;
    goto out;
  }
  if (in.format && strcmp(in.format, "svg") && strcmp(kind, "network")) {
    fprintf(stderr, "concert plot: --format %s is for the network only (other charts are SVG)\n", in.format);
    rc = 2;
    goto out;
  }
  if (calibration ? npos > 2 : npos != (alone ? 1u : 2u)) {
    fprintf(stderr, "usage: concert %s\n", USAGE);
    rc = 2;
    goto out;
  }
  rc = 1;
  if (strcmp(kind, "cohesion") == 0 || strcmp(kind, "power") == 0 || calibration) {
    int r = calibration                     ? plot_calibration(&in, npos == 2 ? pos[1] : NULL, &svg, &d)
            : strcmp(kind, "cohesion") == 0 ? plot_cohesion(&in, &svg, &d)
                                            : plot_power(&in, &svg, &d);
    if (r) {
      rc = r;
      goto out;
    }
  } else if (history) {
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
    if ((strcmp(kind, "sweep") == 0 || strcmp(kind, "distribution") == 0) && in.runs == 0) {
      fprintf(stderr, "concert plot: the %s chart needs --runs N\n", kind);
      goto out;
    }
    in.tipping = strcmp(kind, "tipping") == 0;
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
