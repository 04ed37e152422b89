/* acceptance.c: who accepts a text and whether the forum's rule is met (docs/protocol.md,
 * acceptance and re-drafting). A member accepts a text no farther from its position than
 * the reversion point plus its tolerance and not beyond its red line: a closed interval,
 * the member's win-set of the reversion point (Tsebelis 2002). */
#include <math.h>

#include "summit/engine_i.h"

#define EPS CONCERT_I_EPS

static double tolerance_of(const concert_i_engine *e, const concert_i_stance *st) {
  return isnan(st->tolerance) ? e->p.tolerance : st->tolerance;
}

bool concert_i_accept_interval(const concert_i_engine *e, size_t a, size_t k, double *lo,
                               double *hi) {
  const concert_i_stance *st = concert_i_est(e, a, k);
  if (!st->set) return false;
  double tol = tolerance_of(e, st), r = e->rev[k];
  double rad = isnan(r) ? tol : fabs(r - st->position) + tol;
  *lo = concert_i_fmax(0, st->position - rad), *hi = concert_i_fmin(100, st->position + rad);
  if (!isnan(st->red_line)) {
    if (st->position < st->red_line)
      *hi = concert_i_fmin(*hi, st->red_line);
    else if (st->position > st->red_line)
      *lo = concert_i_fmax(*lo, st->red_line);
  }
  return *lo <= *hi;
}

void concert_i_intervals_fill(concert_i_engine *e) {
  const concert_i_forum *f = e->f;
  size_t ni = e->s->n_issues;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      for (size_t i = 0; i < f->n_members; i++) {
        concert_i_interval *v = &e->w.iv[i * ni + k];
        v->lo = v->hi = NAN;
        v->ok = concert_i_accept_interval(e, f->members[i], k, &v->lo, &v->hi);
      }
    }
}

bool concert_i_rule_met_counts(const concert_i_engine *e, size_t nc, double cc, size_t ny,
                               double cy) {
  const concert_i_forum *f = e->f;
  if (nc == 0) return false;
  double cshare = cc > 0 ? cy / cc : (double)ny / (double)nc;
  double mshare = (double)ny / (double)nc;
  switch (f->rule.kind) {
    case CONCERT_RULE_UNANIMITY:
      return ny == nc;
    case CONCERT_RULE_CONSENSUS_MINUS:
      return nc - ny <= f->rule.k && ny > 0;
    case CONCERT_RULE_QUOTA:
      return cshare >= f->rule.quota - EPS;
    case CONCERT_RULE_DOUBLE_MAJORITY:
      return mshare >= f->rule.member_share - EPS && cshare >= f->rule.quota - EPS;
  }
  return false;
}

bool concert_i_rule_met(const concert_i_engine *e, const bool *counted, const bool *yes) {
  size_t nc = 0, ny = 0;
  double cc = 0, cy = 0;
  for (size_t i = 0; i < e->f->n_members; i++) {
    if (!counted[i]) continue;
    double c = e->cap[e->f->members[i]];
    nc++, cc += c;
    if (yes[i]) ny++, cy += c;
  }
  return concert_i_rule_met_counts(e, nc, cc, ny, cy);
}

/* Re-draft: the rule can only start to hold at x or at an end of one of the members'
 * intervals: those are the candidates. With the ends sorted and prefix sums of
 * capability, the accepting count and capability at a point take two binary searches. */
typedef concert_i_end_pt end_pt;

/* Sorts v by end, stably (equal ends keep their member order, as glibc's merge sort
 * leaves them: the prefix sums add the capabilities in that order). Insertion sort: n is
 * a forum's membership. */
static void sort_ends(end_pt *v, size_t n) {
  for (size_t i = 1; i < n; i++) {
    end_pt t = v[i];
    size_t j = i;
    for (; j > 0 && v[j - 1].at > t.at; j--) v[j] = v[j - 1];
    v[j] = t;
  }
}

/* Number of ends <= t (strict: < t) in the sorted array v of n, via binary search. */
static size_t count_upto(const end_pt *v, size_t n, double t, bool strict) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strict ? v[mid].at < t : v[mid].at <= t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

bool concert_i_redraft(const concert_i_engine *e, const bool *present, const bool *counted,
                       size_t k, double x, double *y) {
  const concert_i_forum *f = e->f;
  size_t n = 0, nc = 0;
  double cc = 0;
  end_pt *los = e->w.rd_los, *his = e->w.rd_his;
  double *clo = e->w.rd_clo, *chi = e->w.rd_chi;
  bool found = false;
  for (size_t i = 0; i < f->n_members; i++) {
    if (!counted[i]) continue;
    double c = e->cap[f->members[i]], lo, hi;
    nc++, cc += c;
    if (!present[i] || !concert_i_member_interval(e, i, k, &lo, &hi)) continue;
    los[n] = (end_pt){lo, c}, his[n] = (end_pt){hi, c}, n++;
  }
  sort_ends(los, n);
  sort_ends(his, n);
  clo[0] = chi[0] = 0;
  for (size_t i = 0; i < n; i++) clo[i + 1] = clo[i] + los[i].cap, chi[i + 1] = chi[i] + his[i].cap;
  double best = HUGE_VAL;
  for (size_t c = 0; c <= 2 * n; c++) {
    double t = c == 2 * n ? x : c < n ? los[c].at : his[c - n].at;
    double dist = fabs(t - x);
    if (dist > best || (dist == best && t >= *y)) continue;
    /* accepting at t: lo <= t + EPS and not hi < t - EPS */
    size_t a = count_upto(los, n, t + EPS, false), b = count_upto(his, n, t - EPS, true);
    double cy = clo[a] - chi[b];
    if (concert_i_rule_met_counts(e, nc, cc, a - b, cy)) best = dist, *y = t, found = true;
  }
  return found;
}
