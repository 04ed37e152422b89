/* rift_outcome.c: the rift index of a simulated summit (docs/rift-index.md, "Components").
 *
 * Every component is measured from the positions, the simulated summit and the scenario's
 * exogenous events (departures); recorded dispute events set nothing. Members are the
 * forum's members. Cost: O(n) per trade issue for one member against the others and
 * O(n m^2) for the Kendall distances between salience orderings (n members, m agenda
 * issues). */
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

/* One member against the others on issue k (trade component): the largest, over members i,
 * of s_i |x_i - m_i| / 100, where m_i is the salience-weighted mean position of the other
 * members (their plain mean when none of them gives the issue any salience). With the
 * totals of s and s x each m_i costs O(1), so the issue costs O(n). */
static double one_against_others(const concert_scenario *s, const size_t *members, size_t n,
                                 size_t k) {
  if (n < 2) return 0;
  double S = 0, SX = 0, X = 0;
  size_t positive = 0; /* members with salience > 0 */
  for (size_t i = 0; i < n; i++) {
    const concert_i_stance *st = concert_i_stance_at(s, members[i], k);
    S += st->salience, SX += st->salience * st->position, X += st->position;
    positive += st->salience > 0;
  }
  double best = 0;
  for (size_t i = 0; i < n; i++) {
    const concert_i_stance *st = concert_i_stance_at(s, members[i], k);
    size_t others_positive = positive - (st->salience > 0);
    double m = others_positive ? (SX - st->salience * st->position) / (S - st->salience)
                               : (X - st->position) / (double)(n - 1);
    best = fmax(best, st->salience * fabs(st->position - m));
  }
  return fmin(1, best / 100);
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
  /* attendance (exogenous events): any member away or leaving counts for the agenda
   * component, a member boycotting the summit (absent) for the role component */
  bool away = false;
  for (size_t i = 0; i < n; i++) {
    concert_attendance_kind at = concert_outcome_attendance(o, i)->kind;
    away = away || at != CONCERT_ATTENDANCE_PRESENT;
    if (at == CONCERT_ATTENDANCE_ABSENT) role = 1.0;
  }
  r->value[CONCERT_RIFT_NO_UNIFIED_STANCE] = stance;
  r->value[CONCERT_RIFT_ROLE] = fmin(1, role);
  /* (4) trade: one member against the others, the largest over trade-tagged issues */
  double trade = 0;
  for (size_t i = 0; i < m; i++)
    if (s->issues[iss[i]].tags & CONCERT_I_TAG_TRADE)
      trade = fmax(trade, one_against_others(s, f->members, n, iss[i]));
  r->value[CONCERT_RIFT_TRADE] = trade;
  /* (5) agenda: Kendall distance of salience orderings, or 1 with a departure, an absence,
   * a leader absent or a leader leaving (exogenous events of the scenario) */
  r->value[CONCERT_RIFT_AGENDA] = fmax(mean_kendall(s, f->members, n, iss, m), away ? 1.0 : 0.0);
  free(iss);
  for (int k = 0; k < CONCERT_RIFT_N; k++)
    r->flag[k] = concert_rift_flag_of((concert_rift_component)k, r->value[k]);
  return CONCERT_OK;
}
