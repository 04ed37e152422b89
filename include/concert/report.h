/* concert/report.h: charts (SVG) and a self-contained HTML report of a summit's outcome.
 *
 * Every function writes text the caller frees with concert_free() (or free()): well-formed
 * SVG 1.1 or HTML5 with the SVG inline, no script, no external font, style sheet or address, so a report
 * opens without a network. Text from the scenario is escaped; coordinates are printed with
 * one decimal, so the same inputs give the same bytes (golden tests). Each mark carries a
 * <title> (shown on hover). Colours: the Okabe-Ito palette, with shapes and labels also
 * encoding every category (docs/report.md). Charts are 800 px wide. */
#ifndef CONCERT_REPORT_H
#define CONCERT_REPORT_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include "export.h"
#include "backtest.h"
#include "cohesion.h"
#include "history.h"
#include "power.h"
#include "sensitivity.h"
#include "status.h"
#include "summit.h"
#include "sweep.h"

/** Agenda issue i (agenda order) of outcome o on the 0-100 line: the members' (circles,
 * above the line) and invited partners' (squares, below) positions, marker area by
 * capability, fill opacity by salience, labelled by id; signatories, blockers and partners
 * co-signing told apart by colour and mark; the reversion point, the model's text and the
 * issued text as vertical lines; the scale's words at 0 and 100 under the line.
 * CONCERT_ERR_ARGUMENT for a NULL argument or i out of range. O(actors log actors). */
CONCERT_API concert_status concert_plot_issue(const concert_outcome *o, size_t i, char **svg,
                                              concert_diag *diag);
/** The six rift components of outcome o (docs/rift.md) as horizontal bars on [0, 1] with
 * each component's flag threshold marked; an unknown component says so. O(1). */
CONCERT_API concert_status concert_plot_rift(const concert_outcome *o, char **svg,
                                             concert_diag *diag);
/** n outcomes of the same scenario (one per forum, as concert_compare takes them) as grouped
 * bars: per measure (share of the agenda agreed, then the six rift components) one bar per
 * forum, forums told apart by colour and by their id written on the bar.
 * CONCERT_ERR_ARGUMENT when n is 0 or the outcomes differ in scenario. O(n). */
CONCERT_API concert_status concert_plot_compare(const concert_outcome *const *o, size_t n,
                                                char **svg, concert_diag *diag);
/** A sweep's probabilities as horizontal bars with whiskers of +-1.96 standard errors
 * (clipped to [0, 1]): each document fate, then each agenda issue's statement (joint or
 * minilateral). O(issues). */
CONCERT_API concert_status concert_plot_sweep(const concert_sweep *w, char **svg,
                                              concert_diag *diag);
/** The round-by-round positions of forum f's members on its k-th agenda issue, from sol =
 * concert_forum_solve(s, f, ...) of a dynamic model (EUM, exchange, SMP): one line per
 * member (colour, dash and its id at the end), the model's forecast as a thick dashed black
 * line. CONCERT_ERR_ARGUMENT when sol is not of this forum, k is out of range or sol has
 * a single round. O(members x rounds). */
CONCERT_API concert_status concert_plot_trajectory(const concert_scenario *s, size_t f,
                                                   const concert_solution *sol, size_t k,
                                                   char **svg, concert_diag *diag);
/** The bilateral deals of outcome o (exchange model) as a network over the forum's members
 * on a circle: a line per pair that dealt, its width by the pair's weight in
 * concert_outcome_network (the number of its deals), its title
 * listing the issues traded and the gains; the hub a vermillion square with a bold label,
 * its spokes blue circles, other dealers sky blue, members without a deal hollow. Without
 * deals the chart says so. O(members + edges x deals). */
CONCERT_API concert_status concert_plot_network(const concert_outcome *o, char **svg,
                                                concert_diag *diag);
/** The deal network of outcome o as GraphML (one document, keys declared): a node per
 * forum member (id = actor id; data name, degree, hub, spoke), an undirected edge per
 * bilateral deal (id "dN"; data issue_a and issue_b, the issues each side gave on, gain_a,
 * gain_b with six decimals, round). Text XML-escaped, bytes stable. *out is a new string the
 * caller frees. O(members x spokes + deals). */
CONCERT_API concert_status concert_network_to_graphml(const concert_outcome *o, char **out,
                                                      concert_diag *diag);
/** The same network as Graphviz DOT: `graph "FORUM" { ... }`, every id quoted (backslash,
 * double quote escaped); node attributes label, degree, hub, spoke (the hub also
 * shape=box); an edge per deal with issue_a, issue_b, gain_a, gain_b, round. */
CONCERT_API concert_status concert_network_to_dot(const concert_outcome *o, char **out,
                                                  concert_diag *diag);
/** The recorded summits of one forum (G7 or G20) as a year-by-component heatmap of their
 * rift index (concert_rift_from_record): a cell per summit and component, shaded by the
 * value, "?" where unknown. O(summits). */
CONCERT_API concert_status concert_plot_history(const concert_history *h,
                                                concert_forum_kind forum, char **svg,
                                                concert_diag *diag);

/** A sweep's outcome distributions: per agenda issue the text's quantiles over the runs
 * with a statement (box 25-75%, whiskers 5-95%, median tick, mean dot) on the 0-100 line,
 * then the share of the agenda agreed and the six rift components on [0, 1], each with its
 * number of runs. A quantity with no run (a counts-only sweep, an issue never agreed) says
 * so. O(issues x bins). */
CONCERT_API concert_status concert_plot_distribution(const concert_sweep *w, char **svg,
                                                     concert_diag *diag);
/** Tipping points of a sensitivity analysis: per headline (the document's fate as it
 * happens and as expected, each agenda issue's statement) the nearest flip as a bar of
 * its change (the share of the judgment's range), labelled with the judgment and its
 * values; a headline with no flip within the ranges says so. O(headlines). */
CONCERT_API concert_status concert_plot_tipping(const concert_sensitivity *x, char **svg,
                                                concert_diag *diag);
/** The tipping points as an HTML table (a <table> element, no page around it): per headline
 * its result and its `top` nearest flips (0: all): the judgment, its value and range, the
 * flip point, the change and the result there. Text escaped. O(headlines x top). */
CONCERT_API concert_status concert_tipping_table_html(const concert_sensitivity *x, size_t top,
                                                      char **html, concert_diag *diag);
/** A cohesion result (concert_cohesion_compute) as a k x k heatmap of the members' simple
 * agreement (darker: higher, the value written in each cell, "n/a" where undefined), and,
 * when by_year is true, a line of the group's mean agreement year by year beneath it (a
 * gap where a year has no roll call). O(k^2 + years). */
CONCERT_API concert_status concert_plot_cohesion(const concert_cohesion *c, bool by_year,
                                                 char **svg, concert_diag *diag);
/** A game's normalized Banzhaf (blue circles) and Shapley-Shubik (orange squares) indices
 * against each player's share of the first weight vector (1/n each without one), with the
 * 45-degree line of power equal to weight; labelled by id where room allows, every point
 * titled. Computes the indices (costs of concert_power_banzhaf and concert_power_shapley,
 * whose errors it returns). */
CONCERT_API concert_status concert_plot_power(const concert_game *g, char **svg,
                                              concert_diag *diag);
/** A backtest's calibration plot: per bin of concert's forecast probabilities (the binary
 * targets pooled, concert_backtest_calibration) the observed frequency against the mean
 * forecast, marker area by the bin's count (written beside it), the diagonal of perfect
 * calibration, and the counts per bin as bars beneath. Empty bins are left out. O(bins). */
CONCERT_API concert_status concert_plot_calibration(const concert_backtest *b, char **svg,
                                                    concert_diag *diag);

/** What goes into a report besides the outcome. Zero it (or use {0}) and set what you have. */
typedef struct concert_report_extras {
  const concert_outcome *const *forums; /* the scenario's forums played (the comparison
                                           chart, when n_forums >= 2); may be NULL */
  size_t n_forums;
  const concert_sweep *sweep; /* a sweep of o's forum (the probabilities chart); may be NULL */
  const concert_solution *solution; /* concert_forum_solve of o's forum: with more than one
                                       round, a trajectory chart per agenda issue; may be NULL */
  const concert_sensitivity *sensitivity; /* tipping points of o's forum (chart and table);
                                             may be NULL */
} concert_report_extras;

/** A self-contained HTML page on outcome o: the outcome sheet (concert_outcome_write_text,
 * escaped, in a <pre>), one issue chart per agenda issue, the rift chart, the rounds of a
 * dynamic model (extras->solution with more than one round), the forum
 * comparison, the sweep's probabilities and outcome distributions, and the tipping points
 * (chart and table) when extras holds them, and the scenario's
 * sources as a reference list (each source text once, with the numbers it backs).
 * extras may be NULL. The caller frees *html. O(actors x issues + charts). */
CONCERT_API concert_status concert_report_html(const concert_outcome *o,
                                               const concert_report_extras *extras,
                                               char **html, concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
