/* package.c: the communique or declaration as a negotiated package (docs/protocol.md,
 * package). One paragraph per negotiated agenda issue, drafted at the bargained text and
 * judged by the members present at its session: kept if all accept it; else softened to
 * the text nearest the draft in everyone's win-set, or restating the reversion point when
 * that is the nearest; else (no common win-set, or only the reversion point) carved out:
 * the smallest set of at most carve_out_max dissenters, fewer than the others, without
 * whom the others share a win-set; the others agree its point nearest the draft (possibly
 * the reversion point: they restate agreed language without the dissenters), and the
 * dissenters are not bound by it; else dropped. A draft at the reversion point restates.
 * A package whose paragraphs are all dropped or restating says nothing new and is not
 * issued. A member endorses when its net gain in points over the paragraphs binding it is not
 * negative and none crosses its red line; a member whose leader left endorses on its
 * mandate (the paragraphs of the sessions its leader attended) and its leader disowns the
 * issued document when the whole of it fails the same test. */
#include <math.h>
#include <stdlib.h>

#include "status/diag.h"
#include "summit/engine_i.h"

#define EPS CONCERT_I_EPS

void concert_i_package_free(concert_i_package *pk) {
  for (size_t i = 0; pk->carved && i < pk->cap; i++) free(pk->carved[i].v);
  free(pk->par), free(pk->carved);
  free(pk->endorsers.v), free(pk->objectors.v), free(pk->dissociating.v), free(pk->disowned.v);
  *pk = (concert_i_package){0};
}

/* Empties pk for n paragraphs, keeping its arrays when they hold n (else new ones). */
static concert_status package_reset(concert_i_package *pk, size_t n) {
  if (!pk->par || pk->cap < n) {
    for (size_t i = 0; pk->carved && i < pk->cap; i++) free(pk->carved[i].v);
    free(pk->par), free(pk->carved);
    pk->par = calloc(n ? n : 1, sizeof *pk->par);
    pk->carved = calloc(n ? n : 1, sizeof *pk->carved);
    pk->cap = pk->par && pk->carved ? n : 0;
    if (!pk->par || !pk->carved) return CONCERT_ERR_NOMEM;
  }
  for (size_t i = 0; i < n; i++) pk->par[i] = (concert_paragraph){0}, pk->carved[i].n = 0;
  pk->endorsers.n = pk->objectors.n = pk->dissociating.n = pk->disowned.n = 0;
  pk->n = n, pk->issued = false, pk->fate = CONCERT_DOCUMENT_ISSUED;
  return CONCERT_OK;
}

typedef concert_i_judge judge;

static bool at_rev(double y, double rv) { return !isnan(rv) && fabs(y - rv) <= EPS; }

/* The intersection [lo, hi] of the judges' intervals, those flagged in out (optional)
 * left aside; false when it is empty. O(n). */
static bool meet(const judge *jd, size_t n, const bool *out, double *lo, double *hi) {
  *lo = 0, *hi = 100;
  for (size_t i = 0; i < n; i++) {
    if (out && out[i]) continue;
    if (!jd[i].ok) return false;
    *lo = concert_i_fmax(*lo, jd[i].lo), *hi = concert_i_fmin(*hi, jd[i].hi);
  }
  return *lo <= *hi + EPS;
}

/* Prefix folds (over the judges before i, from [0, 100]) and suffix folds (over those after
 * i, from [-inf, inf]) of the judges' intervals into e->w.cv_*, for meet_but: the fold
 * argument of blockers.c (others_meet), which gives the very numbers meet's left fold
 * gives. False (nothing folded) when more than one interval is empty: then meet fails for
 * every single judge left aside, and carve calls it as before. O(n). */
static bool fold_judges(const concert_i_engine *e, const judge *jd, size_t n) {
  double *pl = e->w.cv_pl, *ph = e->w.cv_ph, *sl = e->w.cv_sl, *sh = e->w.cv_sh;
  double lo = 0, hi = 100;
  size_t empty = 0;
  for (size_t i = 0; i < n; i++) {
    pl[i] = lo, ph[i] = hi;
    if (!jd[i].ok) {
      empty++;
      continue;
    }
    lo = concert_i_fmax(lo, jd[i].lo), hi = concert_i_fmin(hi, jd[i].hi);
  }
  if (empty > 1) return false;
  lo = -HUGE_VAL, hi = HUGE_VAL;
  for (size_t i = n; i-- > 0;) {
    sl[i] = lo, sh[i] = hi;
    if (!jd[i].ok) continue;
    lo = jd[i].lo > lo ? jd[i].lo : lo, hi = jd[i].hi < hi ? jd[i].hi : hi;
  }
  return true;
}

/* meet with judge `skip` alone left aside, from the folds (fold_judges returned true). O(1). */
static bool meet_but(const concert_i_engine *e, const judge *jd, size_t n, size_t skip, double *lo,
                     double *hi) {
  for (size_t i = 0; i < n; i++) /* an empty interval among the others: none to meet */
    if (i != skip && !jd[i].ok) return false;
  *lo = concert_i_fmax(e->w.cv_pl[skip], e->w.cv_sl[skip]);
  *hi = concert_i_fmin(e->w.cv_ph[skip], e->w.cv_sh[skip]);
  return *lo <= *hi + EPS;
}

/* The next subset of size s of 0..n-1 in lexicographic (member) order; false after the
 * last. */
static bool next_subset(size_t *idx, size_t s, size_t n) {
  size_t i = s;
  while (i > 0 && idx[i - 1] == n - s + i - 1) i--;
  if (i == 0) return false;
  idx[i - 1]++;
  for (size_t q = i; q < s; q++) idx[q] = idx[q - 1] + 1;
  return true;
}

/* The carve-out: the smallest dissenter set D (at most carve_out_max members, fewer than
 * the others) whose removal leaves the others a common win-set, one larger than the
 * common one {r} when that exists; among those the set whose text (the point of the
 * others' intersection nearest x) is nearest x, the earlier in member order on a tie.
 * Flags D in best and returns its text in *text; false when no set works.
 * O(C(n, s) n) for the size s found. */
static concert_status carve(const concert_i_engine *e, const judge *jd, size_t n, bool common,
                            double x, bool *best, double *text, bool *found) {
  size_t max = e->p.carve_out_max < n ? e->p.carve_out_max : n;
  size_t *idx = e->w.cv_idx;
  bool *out = e->w.cv_out;
  for (size_t i = 0; i < n; i++) out[i] = false;
  *found = false;
  double bestd = HUGE_VAL;
  bool folded = false;
  for (size_t s = 1; e->p.carve_out && s <= max && 2 * s < n && !*found; s++) {
    for (size_t q = 0; q < s; q++) idx[q] = q;
    if (s == 1) folded = fold_judges(e, jd, n);
    do {
      double lo = 0, hi = 100; /* set by meet or meet_but before any use */
      for (size_t q = 0; q < s; q++) out[idx[q]] = true;
      bool met = s == 1 && folded ? meet_but(e, jd, n, idx[0], &lo, &hi) : meet(jd, n, out, &lo, &hi);
      bool works = met && !(common && hi - lo <= EPS);
      double y = concert_i_fmin(concert_i_fmax(x, lo), hi);
      if (works && fabs(y - x) < bestd) {
        bestd = fabs(y - x), *text = y, *found = true;
        for (size_t i = 0; i < n; i++) best[i] = out[i];
      }
      for (size_t q = 0; q < s; q++) out[idx[q]] = false;
    } while (next_subset(idx, s, n));
  }
  return CONCERT_OK;
}

/* The paragraph's fate once the draft x is rejected by some judge: softened to the point
 * of the common win-set nearest x; restating when that point is the reversion point
 * (and no carve-out agrees a new text for the others when the common set is {r} alone);
 * carved out; else dropped. */
static concert_status judge_draft(concert_i_engine *e, const judge *jd, size_t n,
                                  concert_paragraph *p, concert_i_idlist *carved, double x) {
  double rv = e->rev[p->issue], lo, hi, t = NAN;
  bool common = meet(jd, n, NULL, &lo, &hi);
  double y = common ? concert_i_fmin(concert_i_fmax(x, lo), hi) : NAN;
  if (common && !at_rev(y, rv)) {
    p->fate = CONCERT_PARAGRAPH_SOFTENED, p->text = y;
    return CONCERT_OK;
  }
  if (!common || hi - lo <= EPS) {
    bool *out = e->w.cv_best, found;
    for (size_t i = 0; i < n; i++) out[i] = false;
    concert_status st = carve(e, jd, n, common, x, out, &t, &found);
    for (size_t i = 0; !st && found && i < n; i++)
      if (out[i] && concert_i_idlist_push(carved, jd[i].a))
        st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    if (st || found) {
      p->fate = CONCERT_PARAGRAPH_CARVED_OUT, p->text = t, p->restating = at_rev(t, rv);
      return st;
    }
  }
  if (common) p->fate = CONCERT_PARAGRAPH_RESTATES, p->text = y;
  return CONCERT_OK;
}

/* Drafts paragraph p (issue k of session j) at x with the members present at j. */
static concert_status draft(concert_i_engine *e, const concert_i_att *att, concert_paragraph *p,
                            concert_i_idlist *carved, double x) {
  const concert_i_forum *f = e->f;
  size_t k = p->issue, n = 0;
  double rv = e->rev[k];
  bool all = true;
  p->drafted = x, p->text = NAN, p->fate = CONCERT_PARAGRAPH_DROPPED, p->restating = false;
  if (e->s->issues[k].raised_only || isnan(x)) return CONCERT_OK;
  if (at_rev(x, rv)) {
    p->fate = CONCERT_PARAGRAPH_RESTATES, p->text = x;
    return CONCERT_OK;
  }
  judge *jd = e->w.pk_jd;
  for (size_t i = 0; i < f->n_members; i++) {
    if (!concert_i_present(&att[i], p->session)) continue;
    judge *q = &jd[n++];
    q->a = f->members[i];
    q->ok = concert_i_member_interval(e, i, k, &q->lo, &q->hi);
    all = all && concert_i_accepts(e, q->a, k, x, NULL, NULL);
  }
  concert_status st = CONCERT_OK;
  if (n > 0 && all)
    p->fate = CONCERT_PARAGRAPH_KEPT, p->text = x;
  else if (n > 0)
    st = judge_draft(e, jd, n, p, carved, x);
  return st;
}

double concert_i_package_gain(const concert_i_engine *e, const concert_i_package *pk, size_t a,
                              size_t upto, bool *red) {
  double g = 0, tot = concert_i_salience_total(e, a);
  *red = false;
  for (size_t r = 0; r < pk->n; r++) {
    const concert_paragraph *p = &pk->par[r];
    if (p->session >= upto || isnan(p->text) || p->fate == CONCERT_PARAGRAPH_DROPPED) continue;
    if (concert_i_idlist_has(&pk->carved[r], a)) continue;
    if (concert_i_beyond_red_line(concert_i_est(e, a, p->issue), p->text)) *red = true;
    g += concert_i_gain_points_of(e, a, p->issue, p->text, tot);
  }
  return g;
}

/* Member i's test: net gain >= 0 and no red line crossed, over paragraphs before upto. */
static bool endorses(const concert_i_engine *e, const concert_i_package *pk, size_t a,
                     size_t upto) {
  bool red;
  double g = concert_i_package_gain(e, pk, a, upto, &red);
  return g >= -EPS && !red;
}

concert_status concert_i_package_build(concert_i_engine *e, const concert_i_att *att,
                                       const double *x, concert_i_package *pk) {
  const concert_i_forum *f = e->f;
  size_t n = 0, nm = f->n_members, ns = f->n_sessions;
  for (size_t j = 0; j < ns; j++) n += f->sessions[j].n_issues;
  bool *yes = e->w.pk_yes, *counted = e->w.pk_counted;
  concert_status st = CONCERT_OK;
  if (package_reset(pk, n)) goto nomem;
  size_t r = 0;
  bool any_carved = false, content = false;
  for (size_t j = 0; j < ns; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++, r++) {
      size_t k = f->sessions[j].issues[q];
      pk->par[r].issue = k, pk->par[r].session = j;
      if ((st = draft(e, att, &pk->par[r], &pk->carved[r], x[k]))) goto done;
      any_carved = any_carved || pk->carved[r].n > 0;
      concert_paragraph_fate pf = pk->par[r].fate;
      content = content || pf == CONCERT_PARAGRAPH_KEPT || pf == CONCERT_PARAGRAPH_SOFTENED ||
                (pf == CONCERT_PARAGRAPH_CARVED_OUT && !pk->par[r].restating);
    }
  for (size_t i = 0; i < nm; i++) {
    size_t a = f->members[i];
    counted[i] = f->quorum_all || (!att[i].absent && att[i].gone_at >= ns);
    yes[i] = !att[i].absent && endorses(e, pk, a, att[i].leader_gone_at);
    if (yes[i] && concert_i_idlist_push(&pk->endorsers, a)) goto nomem;
    if (!yes[i] && counted[i] && concert_i_idlist_push(&pk->objectors, a)) goto nomem;
  }
  /* A package in which no paragraph says anything new is not a document. */
  pk->issued = content && concert_i_rule_met(e, counted, yes);
  if (pk->issued && concert_i_idlist_copy(&pk->dissociating, &pk->objectors)) goto nomem;
  for (size_t i = 0; pk->issued && e->p.withdraw && i < nm; i++) {
    size_t a = f->members[i];
    if (yes[i] && att[i].leader_gone_at < ns && !endorses(e, pk, a, ns) &&
        concert_i_idlist_push(&pk->disowned, a))
      goto nomem;
  }
  pk->fate = !pk->issued      ? CONCERT_DOCUMENT_FAILED
             : pk->disowned.n ? CONCERT_DOCUMENT_DISOWNED
             : any_carved     ? CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT
                              : CONCERT_DOCUMENT_ISSUED;
  goto done;
nomem:
  st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
done:
  if (st) concert_i_package_free(pk);
  return st;
}
