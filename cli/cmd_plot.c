/* cmd_plot.c: `concert plot KIND ...`: one chart alone, as SVG. */
#include <stdlib.h>
#include <string.h>

#include "cohesion_query.h"
#include "report_inputs.h"

static const cli_opt o_issue = {"issue", 0, "ID",
                                "issue, trajectory: the agenda issue (default: the first);\n"
                                "cohesion: the UN vote issue code (me, nu, di, hr, co, ec)",
                                false};
static const cli_opt *const opts[] = {
    CLI_RUN_OPTS,  &o_issue,          CLI_SWEEP_OPTS,  &cli_o_format,     &cli_o_data,
    &cli_o_output, &report_o_members, &report_o_years, &report_o_by_year, POWER_GAME_OPTS,
    NULL};
const cli_spec concert_cli_plot_spec = {
    "plot",
    "KIND [FILE|DIR]",
    1,
    2,
    "svg|graphml|dot",
    opts,
    "KIND is one of:\n"
    "  issue         one agenda issue on its 0-100 line (--issue ID)\n"
    "  trajectory    a dynamic model's rounds on one agenda issue (--issue ID; --model eum,\n"
    "                exchange or smp when the scenario's has no rounds)\n"
    "  network       the bilateral deals (exchange model) with their hub; --format graphml or\n"
    "                dot: the deal graph with the issues traded and the gains on each edge\n"
    "  rift          the rift components as bars\n"
    "  compare       every forum of the file as grouped bars\n"
    "  sweep         the sweep's probabilities with error whiskers (needs --runs N)\n"
    "  distribution  the sweep's quantiles: each issue's text, the share agreed and the rift\n"
    "                components as boxes and whiskers (needs --runs N)\n"
    "  tipping       the nearest tipping point of each headline (concert sensitivity)\n"
    "  history       the recorded G7 or G20 summits (--forum G7|G20, --data DIR; no FILE)\n"
    "  cohesion      the UNGA agreement matrix of --members as a heatmap; --by-year adds the\n"
    "                group's mean agreement year by year (no FILE; docs/cohesion.md)\n"
    "  power         Banzhaf and Shapley-Shubik indices against weight shares, with the\n"
    "                45-degree line; the game options of 'concert power' (no FILE)\n"
    "  calibration   the backtest of a record (DIR, default record/ under the data root) as\n"
    "                a calibration plot; --runs N sweeps each summit\n"
    "--format is for the network only; the other charts are SVG (docs/report.md)."};

/* The chart of `kind` from the played inputs into *svg; 0, or 1 (message printed). */
static int draw(report_inputs *in, const char *kind, char **svg, concert_diag *d) {
  concert_status st;
  if (strcmp(kind, "issue") == 0 || strcmp(kind, "trajectory") == 0) {
    size_t n = concert_outcome_issue_count(in->o), i = 0;
    if (in->issue) {
      while (i < n &&
             strcmp(concert_scenario_issue_id(in->s, concert_outcome_issue(in->o, i)->issue),
                    in->issue) != 0)
        i++;
      if (i == n) {
        fprintf(stderr, "concert plot: no agenda issue '%s' in forum %s (agenda:", in->issue,
                concert_scenario_forum_id(in->s, in->f));
        for (size_t j = 0; j < n; j++)
          fprintf(stderr, " %s",
                  concert_scenario_issue_id(in->s, concert_outcome_issue(in->o, j)->issue));
        fprintf(stderr, ")\n");
        return 1;
      }
    }
    if (strcmp(kind, "issue") == 0) {
      st = concert_plot_issue(in->o, i, svg, d);
    } else if (concert_solution_rounds(in->solution) < 2) {
      fprintf(stderr,
              "concert plot: model %s has no rounds to chart (a dynamic model has: eum, "
              "exchange, smp; --model NAME)\n",
              concert_outcome_model(in->o));
      return 1;
    } else {
      st = concert_plot_trajectory(in->s, in->f, in->solution, i, svg, d);
    }
  } else if (strcmp(kind, "network") == 0) {
    if (in->format_index == 1)
      st = concert_network_to_graphml(in->o, svg, d);
    else if (in->format_index == 2)
      st = concert_network_to_dot(in->o, svg, d);
    else
      st = concert_plot_network(in->o, svg, d);
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

/* plot cohesion: the UNGA agreement matrix of --members over --years (docs/cohesion.md).
 * 0, 1 or 2 (message printed). */
static int plot_cohesion(const report_inputs *in, char **svg, concert_diag *d) {
  if (!in->members || !*in->members)
    return cli_usage("plot", "cohesion needs --members ISO3|GROUP,... (e.g. USA,CHN or G7)");
  concert_unga *u = NULL;
  concert_cohesion *c = NULL;
  int rc =
      cohesion_query("plot", in->members, in->year_from, in->year_to, in->issue, in->data, &u, &c);
  if (rc) return rc;
  concert_status st = concert_plot_cohesion(c, in->by_year, svg, d);
  concert_cohesion_free(c);
  concert_unga_free(u);
  return st ? concert_cli_report("plot", st, d) : 0;
}

/* plot power: a voting game (the options of `concert power`) against its weight shares. */
static int plot_power(const report_inputs *in, char **svg, concert_diag *d) {
  power_game_opts o = in->game;
  o.forum = in->forum, o.members = in->members, o.data = in->data;
  concert_game *g = NULL;
  int rc = power_game_build(&o, "plot", &g, NULL);
  if (rc) return rc;
  concert_status st = concert_plot_power(g, svg, d);
  concert_game_free(g);
  return st ? concert_cli_report("plot", st, d) : 0;
}

/* plot calibration: the backtest of the record in dir (default: record/ under the data
 * root) as a calibration plot (docs/backtest.md). */
static int plot_calibration(const report_inputs *in, const char *dir, char **svg, concert_diag *d) {
  char def[4096];
  if (!dir)
    dir = concert_cli_data_sub(in->data ? in->data : concert_data_dir(), "record", def, sizeof def);
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

static const char *const kinds[] = {"issue", "trajectory",   "network", "rift",    "compare",
                                    "sweep", "distribution", "tipping", "history", "cohesion",
                                    "power", "calibration",  NULL};

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
  size_t k = 0;
  while (kinds[k] && strcmp(kinds[k], kind)) k++;
  if (!kinds[k]) {
    rc = cli_usage("plot",
                   "unknown chart '%s' (issue, trajectory, network, rift, compare, sweep, "
                   "distribution, tipping, history, cohesion, power, calibration)",
                   kind);
    goto out;
  }
  bool history = strcmp(kind, "history") == 0, cohesion = strcmp(kind, "cohesion") == 0;
  bool power = strcmp(kind, "power") == 0, calibration = strcmp(kind, "calibration") == 0;
  bool alone = history || cohesion || power; /* no FILE */
  if (in.format_index && strcmp(kind, "network")) {
    rc =
        cli_usage("plot", "--format graphml or dot is for the network only (other charts are SVG)");
    goto out;
  }
  if (!calibration && npos != (alone ? 1u : 2u)) {
    rc = alone ? cli_usage("plot", "plot %s reads no FILE", kind)
               : cli_usage("plot", "missing FILE (plot %s FILE)", kind);
    goto out;
  }
  rc = 1;
  if (cohesion || power || calibration) {
    int r = calibration ? plot_calibration(&in, npos == 2 ? pos[1] : NULL, &svg, &d)
            : cohesion  ? plot_cohesion(&in, &svg, &d)
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
    concert_status st =
        concert_history_load(&h, concert_cli_data_sub(in.data, "world", world, sizeof world), &d);
    if (!st) st = concert_plot_history(h, fk, &svg, &d);
    if (st) {
      concert_cli_report("plot", st, &d);
      goto out;
    }
  } else {
    if ((strcmp(kind, "sweep") == 0 || strcmp(kind, "distribution") == 0) && in.runs == 0) {
      rc = cli_usage("plot", "the %s chart needs --runs N", kind);
      goto out;
    }
    in.tipping = strcmp(kind, "tipping") == 0;
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
