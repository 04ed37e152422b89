/* package.c: the communique or declaration as a negotiated package (docs/protocol.md,
 * package). One paragraph per negotiated agenda issue, drafted at the bargained text and
 * judged by the members present at its session: kept if all accept it; else softened to
 * the text nearest the draft in everyone's win-set; else carved out (the text stands for
 * all but at most carve_out_max dissenters, who are fewer than the others and are not
 * bound by it); else dropped. A paragraph at the reversion point restates agreed language.
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
  for (size_t i = 0; pk->carved && i < pk->n; i++) free(pk->carved[i].v);
  free(pk->par), free(pk->carved);
  free(pk->endorsers.v), free(pk->objectors.v), free(pk->dissociating.v), free(pk->disowned.v);
  *pk = (concert_i_package){0};
}

/* Drafts paragraph p (issue k of session j) at x with the members present at j. */
static concert_status draft(concert_i_engine *e, const concert_i_att *att, concert_paragraph *p,
                            concert_i_idlist *carved, double x) {
  const concert_i_forum *f = e->f;
  size_t k = p->issue, judges = 0;
  double rv = e->rev[k], lo = 0, hi = 100;
  bool common = true;
  p->drafted = x, p->text = NAN, p->fate = CONCERT_PARAGRAPH_DROPPED;
  if (e->s->issues[k].raised_only || isnan(x)) return CONCERT_OK;
  if (!isnan(rv) && fabs(x - rv) <= EPS) {
    p->fate = CONCERT_PARAGRAPH_RESTATES, p->text = x;
    return CONCERT_OK;
  }
  for (size_t i = 0; i < f->n_members; i++) {
    if (!concert_i_present(&att[i], p->session)) continue;
    size_t a = f->members[i];
    double l, h;
    judges++;
    if (!concert_i_accept_interval(e, a, k, &l, &h))
      common = false;
    else
      lo = fmax(lo, l), hi = fmin(hi, h);
    if (!concert_i_accepts(e, a, k, x, NULL, NULL) && concert_i_idlist_push(carved, a))
      return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  if (judges == 0) return CONCERT_OK;
  if (carved->n == 0) {
    p->fate = CONCERT_PARAGRAPH_KEPT, p->text = x;
    return CONCERT_OK;
  }
  double y = fmin(fmax(x, lo), hi);
  if (common && lo <= hi + EPS && !(!isnan(rv) && fabs(y - rv) <= EPS)) {
    p->fate = CONCERT_PARAGRAPH_SOFTENED, p->text = y, carved->n = 0;
    return CONCERT_OK;
  }
  if (e->p.carve_out && carved->n <= e->p.carve_out_max && judges - carved->n > carved->n) {
    p->fate = CONCERT_PARAGRAPH_CARVED_OUT, p->text = x;
    return CONCERT_OK;
  }
  carved->n = 0;
  return CONCERT_OK;
}

double concert_i_package_gain(const concert_i_engine *e, const concert_i_package *pk, size_t a,
                              size_t upto, bool *red) {
  double g = 0;
  *red = false;
  for (size_t r = 0; r < pk->n; r++) {
    const concert_paragraph *p = &pk->par[r];
    if (p->session >= upto || isnan(p->text) || p->fate == CONCERT_PARAGRAPH_DROPPED) continue;
    if (concert_i_idlist_has(&pk->carved[r], a)) continue;
    if (concert_i_beyond_red_line(concert_i_est(e, a, p->issue), p->text)) *red = true;
    g += concert_i_gain_points(e, a, p->issue, p->text);
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
  *pk = (concert_i_package){0};
  pk->n = n;
  pk->par = calloc(n ? n : 1, sizeof *pk->par);
  pk->carved = calloc(n ? n : 1, sizeof *pk->carved);
  bool *yes = calloc(nm, sizeof *yes), *counted = calloc(nm, sizeof *counted);
  concert_status st = CONCERT_OK;
  if (!pk->par || !pk->carved || !yes || !counted) goto nomem;
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
                pf == CONCERT_PARAGRAPH_CARVED_OUT;
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
  free(yes), free(counted);
  if (st) concert_i_package_free(pk);
  return st;
}
