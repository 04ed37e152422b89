/* blockers.c: who blocked a text, and who dissociated (docs/protocol.md, blockers).
 * A member i *blocks* an issue when, without its objection, a new text would pass: the
 * intersection of the acceptance intervals of the other counted members present holds a
 * point other than the reversion point, and i accepts none of those points. It is
 * reported with the others' text (their point nearest the model's text, the reversion
 * point excluded). When no member is pivotal the issue is deadlocked: the objectors to
 * the text are its parties (the reasons name the sides). When the text passed (consensus
 * minus k, quotas) the objectors present dissociate from it. Nothing is recorded on an
 * untabled text. */
#include <math.h>
#include <stdlib.h>

#include "status/diag.h"
#include "summit/engine_i.h"

#define EPS CONCERT_I_EPS

static concert_status add(concert_i_engine *e, concert_outcome *o, size_t a, size_t k, double x,
                          concert_objection role) {
  if (o->n_vetoes == o->cap_vetoes) {
    size_t cap = o->cap_vetoes ? 2 * o->cap_vetoes : 8;
    concert_veto *v = realloc(o->vetoes, cap * sizeof *v);
    if (!v) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    o->vetoes = v, o->cap_vetoes = cap;
  }
  double excess;
  bool red;
  concert_i_accepts(e, a, k, x, &excess, &red);
  o->vetoes[o->n_vetoes++] = (concert_veto){a, k, x, excess, red, role};
  return CONCERT_OK;
}

static bool at_rev(double y, double rv) { return !isnan(rv) && fabs(y - rv) <= EPS; }

/* The intersections of the acceptance intervals on k of the counted members present, each
 * leaving one of them out, in O(n) for all: prefix folds (pl, ph: over the members before
 * i, from [0, 100]) and suffix folds (sl, sh: over those after i, from [-inf, inf]) of the
 * interval ends, and how many of the intervals are empty. A left fold of concert_i_fmax
 * keeps the last of the greatest values (the later argument wins a tie), and so does
 * concert_i_fmax(prefix, suffix) of a right fold that keeps a value only when it is
 * strictly greater than all after it: the intersection without member i is the very pair of
 * numbers (signed zeros included) the direct fold over the others gives. */
typedef struct folds {
  double *pl, *ph, *sl, *sh; /* per member index: the folds before and after it */
  size_t n_empty;            /* empty intervals among the counted members present */
} folds;

static folds fold_intervals(const concert_i_engine *e, const bool *present, const bool *counted,
                            size_t k) {
  size_t nm = e->f->n_members;
  folds fd = {e->w.bk_pl, e->w.bk_ph, e->w.bk_sl, e->w.bk_sh, 0};
  double lo = 0, hi = 100, l, h;
  for (size_t i = 0; i < nm; i++) {
    fd.pl[i] = lo, fd.ph[i] = hi;
    if (!present[i] || !counted[i]) continue;
    if (!concert_i_member_interval(e, i, k, &l, &h)) {
      fd.n_empty++;
      continue;
    }
    lo = concert_i_fmax(lo, l), hi = concert_i_fmin(hi, h);
  }
  lo = -HUGE_VAL, hi = HUGE_VAL;
  for (size_t i = nm; i-- > 0;) {
    fd.sl[i] = lo, fd.sh[i] = hi;
    if (!present[i] || !counted[i] || !concert_i_member_interval(e, i, k, &l, &h)) continue;
    lo = l > lo ? l : lo, hi = h < hi ? h : hi;
  }
  return fd;
}

/* The intersection [lo, hi] of the acceptance intervals on k of the counted members
 * present other than member `skip` (itself counted and present); false when it is empty
 * (or one of those intervals is). O(1) from the folds. */
static bool others_meet(const concert_i_engine *e, const folds *fd, size_t k, size_t skip,
                        double *lo, double *hi) {
  double l, h;
  size_t own = !concert_i_member_interval(e, skip, k, &l, &h);
  if (fd->n_empty > own) return false;
  *lo = concert_i_fmax(fd->pl[skip], fd->sl[skip]), *hi = concert_i_fmin(fd->ph[skip], fd->sh[skip]);
  return *lo <= *hi + EPS;
}

/* Whether [lo, hi] holds a point other than the reversion point rv. */
static bool has_new_text(double lo, double hi, double rv) {
  return hi - lo > EPS || !at_rev(lo, rv);
}

/* The point of [lo, hi] nearest x other than rv: when that is the end at rv, the other
 * end (every point between is as far from x and no nearer point exists). */
static double new_text(double lo, double hi, double rv, double x) {
  double y = concert_i_fmin(concert_i_fmax(x, lo), hi);
  if (!at_rev(y, rv)) return y;
  return fabs(y - lo) <= EPS ? hi : lo;
}

/* Whether member i is pivotal: the others share a new text, none of which i accepts;
 * *text gets the others' text. */
static bool pivotal(const concert_i_engine *e, const folds *fd, size_t k, size_t i, double x,
                    double *text) {
  double lo, hi, l, h, rv = e->rev[k];
  if (!others_meet(e, fd, k, i, &lo, &hi) || !has_new_text(lo, hi, rv)) return false;
  *text = new_text(lo, hi, rv, x);
  if (!concert_i_member_interval(e, i, k, &l, &h)) return true;
  l = concert_i_fmax(l, lo), h = concert_i_fmin(h, hi);
  return l > h + EPS || !has_new_text(l, h, rv);
}

/* The objectors present and counted dissociate from the passed text x. */
static concert_status dissociate(concert_i_engine *e, concert_outcome *o, const bool *present,
                                 const bool *counted, size_t r, double x) {
  const concert_i_forum *f = e->f;
  size_t k = o->res[r].issue;
  for (size_t i = 0; i < f->n_members; i++) {
    size_t a = f->members[i];
    if (!present[i] || !counted[i] || concert_i_accepts(e, a, k, x, NULL, NULL)) continue;
    concert_status st = add(e, o, a, k, x, CONCERT_OBJECTION_DISSOCIATE);
    if (st) return st;
    if (concert_i_idlist_push(&o->dis[r], a))
      return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  return CONCERT_OK;
}

concert_status concert_i_blockers(concert_i_engine *e, concert_outcome *o, const bool *present,
                                  const bool *counted, size_t r, double x, bool passed) {
  const concert_i_forum *f = e->f;
  size_t k = o->res[r].issue, n_piv = 0;
  concert_status st = CONCERT_OK;
  if (passed) return dissociate(e, o, present, counted, r, x);
  folds fd = fold_intervals(e, present, counted, k);
  for (size_t i = 0; i < f->n_members && !st; i++) {
    double y;
    if (!present[i] || !counted[i] || !pivotal(e, &fd, k, i, x, &y)) continue;
    n_piv++;
    st = add(e, o, f->members[i], k, y, CONCERT_OBJECTION_BLOCK);
  }
  /* a deadlock: the objectors to x are its parties */
  for (size_t i = 0; n_piv == 0 && i < f->n_members && !st; i++) {
    size_t a = f->members[i];
    if (present[i] && counted[i] && !concert_i_accepts(e, a, k, x, NULL, NULL))
      st = add(e, o, a, k, x, CONCERT_OBJECTION_JOINT_BLOCK);
  }
  return st;
}
