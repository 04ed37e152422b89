/* rift_outcome.c: the rift index of a simulated summit (docs/rift-index.md, "Components").
 *
 * Members are the forum's members. Cost: O(n log n) per trade issue for the pairwise
 * distances and O(n m^2) for the Kendall distances between salience orderings (n members,
 * m agenda issues). */
#include <math.h>
#include <stdlib.h>

#include <concert/rift.h>
#include <concert/summit.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

/* Mean over member pairs of the normalised Kendall distance between their salience
 * orderings of the agenda issues iss (m of them). For each pair of issues (p, q) a member
 * ranks p above q (+), below (-) or level (0); a member pair is discordant when the signs
 * are + and -, and counts half when exactly one is level. Counting signs per issue pair
 * gives the sum over member pairs in O(n m^2) instead of O(n^2 m^2). */
static double mean_kendall(const concert_scenario *s, const size_t *members, size_t n,
                           const size_t *iss, size_t m) {
  if (m < 2 || n < 2) return 0;
  double disc = 0;
  for (size_t p = 0; p < m; p++)
    for (size_t q = p + 1; q < m; q++) {
      double pos = 0, neg = 0, zero = 0;
      for (size_t i = 0; i < n; i++) {
        double d = concert_i_stance_at(s, members[i], iss[p])->salience -
                   concert_i_stance_at(s, members[i], iss[q])->salience;
        if (d > 0) pos++;
        else if (d < 0) neg++;
        else zero++;
      }
      disc += pos * neg + 0.5 * zero * (pos + neg);
    }
  double pairs_members = (double)n * (double)(n - 1) / 2, pairs_issues = (double)m * (double)(m - 1) / 2;
  return disc / pairs_issues / pairs_members;
}

typedef struct xs {
  double x, s; /* position, salience */
} xs;

static int by_x(const void *a, const void *b) {
  double x = ((const xs *)a)->x, y = ((const xs *)b)->x;
  return (x > y) - (x < y);
}

/* Salience-weighted mean pairwise distance on one issue: sum over pairs a < b of
 * w_ab |x_a - x_b| / sum of w_ab with w_ab = (s_a + s_b) / 2, in O(n log n) by sorting on
 * x and keeping prefix sums. Returns NaN on allocation failure. */
static double pair_distance(const concert_scenario *s, const size_t *members, size_t n, size_t k) {
  if (n < 2) return 0;
  xs *v = malloc(n * sizeof *v);
  if (!v) return NAN;
  double stot = 0;
  for (size_t i = 0; i < n; i++) {
    const concert_i_stance *st = concert_i_stance_at(s, members[i], k);
    v[i] = (xs){st->position, st->salience};
    stot += st->salience;
  }
  qsort(v, n, sizeof *v, by_x);
  double num = 0, cs = 0, csx = 0, cx = 0; /* prefix sums of s, s*x, x */
  for (size_t b = 0; b < n; b++) {
    double kb = (double)b;
    num += 0.5 * ((v[b].x * cs - csx) + v[b].s * (kb * v[b].x - cx));
    cs += v[b].s, csx += v[b].s * v[b].x, cx += v[b].x;
  }
  free(v);
  double den = 0.5 * (double)(n - 1) * stot;
  return den > 0 ? num / den : 0;
}

concert_status concert_rift_from_outcome(const concert_outcome *o, concert_rift *r,
                                         concert_diag *d) {
  if (!o || !r) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  size_t n = f->n_members, m = o->n_res;
  concert_rift_clear(r);
  size_t *iss = malloc((m ? m : 1) * sizeof *iss);
  if (!iss) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < m; i++) iss[i] = o->res[i].issue;

  /* (1) no communique, or the share of members not endorsing it */
  concert_communique c = concert_outcome_communique(o);
  r->value[CONCERT_RIFT_NO_COMMUNIQUE] =
      c.issued ? (double)(n - c.n_endorsers + c.n_withdrawn) / (double)n : 1.0;
  /* (2) share of agenda issues without a joint statement */
  r->value[CONCERT_RIFT_MISSING_STATEMENTS] =
      m ? 1.0 - (double)concert_outcome_joint_count(o) / (double)m : 0.0;
  /* (3) core security, (6) membership: 1 without a statement (3 only), else sigma / 50 */
  double stance = 0, role = 0;
  for (size_t i = 0; i < m; i++) {
    const concert_issue_result *x = &o->res[i];
    unsigned tags = s->issues[x->issue].tags;
    double sig = isnan(x->dispersion) ? 0 : x->dispersion / 50;
    if (tags & CONCERT_I_TAG_CORE_SECURITY)
      stance = fmax(stance, x->kind == CONCERT_STATEMENT_JOINT ? sig : 1.0);
    if (tags & CONCERT_I_TAG_MEMBERSHIP) role = fmax(role, sig);
  }
  /* recorded bilateral disputes (events) set e = 1 for trade and role */
  bool trade_event = false;
  for (size_t v = 0; v < f->n_events; v++)
    if (f->events[v].kind == CONCERT_EVENT_DISPUTE) {
      if (f->events[v].dispute == CONCERT_I_TAG_TRADE) trade_event = true;
      else role = 1.0;
    }
  /* attendance: any member away or leaving counts for the agenda component, a member
   * boycotting the summit (absent) for the role component */
  bool away = false;
  for (size_t i = 0; i < n; i++) {
    concert_attendance_kind at = concert_outcome_attendance(o, i)->kind;
    away = away || at != CONCERT_ATTENDANCE_PRESENT;
    if (at == CONCERT_ATTENDANCE_ABSENT) role = 1.0;
  }
  r->value[CONCERT_RIFT_NO_UNIFIED_STANCE] = stance;
  r->value[CONCERT_RIFT_ROLE] = fmin(1, role);
  /* (4) trade: salience-weighted mean pairwise distance on trade issues, over 100 */
  double tsum = 0;
  size_t tn = 0;
  for (size_t i = 0; i < m; i++) {
    size_t k = iss[i];
    if (!(s->issues[k].tags & CONCERT_I_TAG_TRADE)) continue;
    double dk = pair_distance(s, f->members, n, k);
    if (isnan(dk)) {
      free(iss);
      return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    }
    tsum += dk / 100;
    tn++;
  }
  r->value[CONCERT_RIFT_TRADE] = trade_event ? 1.0 : (tn ? tsum / (double)tn : 0);
  /* (5) agenda: mean Kendall distance of salience orderings; 1 with a departure, an
   * absence, a leader absent or a leader leaving */
  r->value[CONCERT_RIFT_AGENDA] = away ? 1.0 : mean_kendall(s, f->members, n, iss, m);
  free(iss);
  for (int k = 0; k < CONCERT_RIFT_N; k++)
    r->flag[k] = concert_rift_flag_of((concert_rift_component)k, r->value[k]);
  return CONCERT_OK;
}
