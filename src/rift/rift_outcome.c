/* rift_outcome.c: the rift index of a simulated summit (docs/rift-index.md, "Components").
 *
 * Members are the forum's members. Cost: O(n^2 m) for the pairwise trade distances and
 * O(n^2 m^2) for the Kendall distances between salience orderings (n members, m agenda
 * issues). */
#include <math.h>
#include <stdlib.h>

#include <concert/rift.h>
#include <concert/summit.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

/* Normalised Kendall distance between the salience orderings of members a and b over the
 * agenda issues iss (m of them): discordant pairs over all pairs; ties count as half. */
static double kendall(const concert_scenario *s, size_t a, size_t b, const size_t *iss, size_t m) {
  if (m < 2) return 0;
  double disc = 0;
  for (size_t p = 0; p < m; p++)
    for (size_t q = p + 1; q < m; q++) {
      double da = concert_i_stance_at(s, a, iss[p])->salience - concert_i_stance_at(s, a, iss[q])->salience;
      double db = concert_i_stance_at(s, b, iss[p])->salience - concert_i_stance_at(s, b, iss[q])->salience;
      double t = da * db;
      if (t < 0) disc += 1;
      else if (t == 0 && (da != 0 || db != 0)) disc += 0.5;
    }
  return disc / ((double)m * (double)(m - 1) / 2);
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
  r->value[CONCERT_RIFT_NO_UNIFIED_STANCE] = stance;
  r->value[CONCERT_RIFT_ROLE] = fmin(1, role);
  /* (4) trade: salience-weighted mean pairwise distance on trade issues, over 100 */
  double tsum = 0;
  size_t tn = 0;
  for (size_t i = 0; i < m; i++) {
    size_t k = iss[i];
    if (!(s->issues[k].tags & CONCERT_I_TAG_TRADE) || n < 2) continue;
    double num = 0, den = 0;
    for (size_t a = 0; a < n; a++)
      for (size_t b = a + 1; b < n; b++) {
        const concert_i_stance *sa = concert_i_stance_at(s, f->members[a], k);
        const concert_i_stance *sb = concert_i_stance_at(s, f->members[b], k);
        double w = (sa->salience + sb->salience) / 2;
        num += w * fabs(sa->position - sb->position);
        den += w;
      }
    tsum += den > 0 ? num / den / 100 : 0;
    tn++;
  }
  r->value[CONCERT_RIFT_TRADE] = trade_event ? 1.0 : (tn ? tsum / (double)tn : 0);
  /* (5) agenda: mean Kendall distance of salience orderings; 1 with a departure */
  double ksum = 0;
  size_t kn = 0;
  for (size_t a = 0; a < n; a++)
    for (size_t b = a + 1; b < n; b++, kn++) ksum += kendall(s, f->members[a], f->members[b], iss, m);
  r->value[CONCERT_RIFT_AGENDA] = o->n_deps ? 1.0 : (kn ? ksum / (double)kn : 0);
  free(iss);
  for (int k = 0; k < CONCERT_RIFT_N; k++)
    r->flag[k] = concert_rift_flag_of((concert_rift_component)k, r->value[k]);
  return CONCERT_OK;
}
