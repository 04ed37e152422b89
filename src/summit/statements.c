/* statements.c: per-issue leaders' statements and their labels (docs/protocol.md,
 * statements). The model's text among the members present is tabled unless it sits at the
 * reversion point or the issue is only raised; it passes when the accepting members meet
 * the forum's rule over the members the quorum counts, else the chair re-drafts it into
 * the win-set, else a coalition may issue a minilateral statement. Who signs decides the
 * label: the forum's joint statement only when every member the quorum counts signs it and
 * no member has left; a text that passes without some (dissociating) members, or after a
 * departure, is a statement of its signatories. */
#include <math.h>

#include "status/diag.h"
#include "summit/engine_i.h"

#define EPS CONCERT_I_EPS

/* Salience-weighted standard deviation of the present members' positions (chair's summary
 * wording); unweighted when every salience is 0. */
static double dispersion(const concert_i_engine *e, const bool *present, size_t k) {
  double sw = 0, sx = 0, sxx = 0;
  size_t n = 0;
  bool unweighted = false;
  for (int pass = 0; pass < 2 && sw == 0; pass++) {
    sw = sx = 0, n = 0, unweighted = pass == 1;
    for (size_t i = 0; i < e->f->n_members; i++) {
      if (!present[i]) continue;
      size_t a = e->f->members[i];
      double w = pass ? 1.0 : e->sal[a * e->s->n_issues + k];
      sw += w, sx += w * concert_i_est(e, a, k)->position, n++;
    }
  }
  if (n == 0 || sw <= 0) return NAN;
  double mu = sx / sw;
  for (size_t i = 0; i < e->f->n_members; i++) {
    if (!present[i]) continue;
    size_t a = e->f->members[i];
    double w = unweighted ? 1.0 : e->sal[a * e->s->n_issues + k];
    double dx = concert_i_est(e, a, k)->position - mu;
    sxx += w * dx * dx;
  }
  return sqrt(sxx / sw);
}

/* Minilateral: the accepting members re-bargain among themselves until every remaining
 * one accepts or fewer than the minimum remain. *ncoal in/out; true when one forms. */
static concert_status minilateral(concert_i_engine *e, size_t k, size_t *coal, size_t *ncoal,
                                  double *xs, double *text, bool *formed) {
  *formed = false;
  while (*ncoal >= e->f->mini_min && *ncoal > 0) {
    concert_status st = concert_i_bargain(e, coal, *ncoal, xs, NULL);
    if (st) return st;
    size_t keep = 0;
    for (size_t i = 0; i < *ncoal; i++)
      if (concert_i_accepts(e, coal[i], k, xs[k], NULL, NULL)) coal[keep++] = coal[i];
    if (keep == *ncoal) {
      *formed = true, *text = xs[k];
      return CONCERT_OK;
    }
    *ncoal = keep;
  }
  return CONCERT_OK;
}

concert_status concert_i_decide_issue(concert_i_engine *e, concert_outcome *o,
                                      const concert_i_att *att, size_t r, double x) {
  const concert_i_forum *f = e->f;
  concert_issue_result *res = &o->res[r];
  size_t k = res->issue, j = res->session, nm = f->n_members;
  bool *yes = e->w.di_yes, *present = e->w.di_present, *counted = e->w.di_counted;
  size_t *coal = e->w.di_coal;
  double *xs = e->w.di_xs;
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < nm; i++) yes[i] = false;
  bool departed = false;
  for (size_t i = 0; i < nm; i++) {
    present[i] = concert_i_present(&att[i], j);
    counted[i] = concert_i_counted(e, &att[i], j);
    if (!att[i].absent && !present[i]) departed = true;
    if (!present[i] && att[i].exogenous) res->depends_exogenous = true;
  }
  double rv = e->rev[k];
  res->outcome = x;
  res->dispersion = dispersion(e, present, k);
  res->text = NAN;
  res->kind = CONCERT_STATEMENT_NONE;
  res->negotiated = !e->s->issues[k].raised_only;
  res->tabled =
      res->negotiated && !f->no_statements && !isnan(x) && !(!isnan(rv) && fabs(x - rv) <= EPS);
  size_t ncoal = 0;
  double text = NAN;
  bool passed = false;
  if (res->tabled) {
    for (size_t i = 0; i < nm; i++) {
      if (!present[i]) continue;
      yes[i] = concert_i_accepts(e, f->members[i], k, x, NULL, NULL);
      if (yes[i])
        coal[ncoal++] = f->members[i];
      else if (concert_i_idlist_push(&o->rej[r], f->members[i]))
        goto nomem;
    }
    double y = NAN;
    if (concert_i_rule_met(e, counted, yes)) {
      passed = true, text = x;
    } else if (e->p.redraft && concert_i_redraft(e, present, counted, k, x, &y) &&
               !(!isnan(rv) && fabs(y - rv) <= EPS)) {
      passed = true, text = y, ncoal = 0;
      for (size_t i = 0; i < nm; i++)
        if (present[i] && concert_i_accepts(e, f->members[i], k, y, NULL, NULL))
          coal[ncoal++] = f->members[i];
    }
    st = concert_i_blockers(e, o, present, counted, r, passed ? text : x, passed);
    if (st) goto done;
    if (passed) {
      size_t n_counted = 0;
      for (size_t i = 0; i < nm; i++) n_counted += counted[i];
      res->forum_label = !departed && ncoal == n_counted;
      res->kind = res->forum_label ? CONCERT_STATEMENT_JOINT : CONCERT_STATEMENT_MINILATERAL;
    } else if (f->mini_allowed) {
      bool formed;
      st = minilateral(e, k, coal, &ncoal, xs, &text, &formed);
      if (st) goto done;
      if (formed) res->kind = CONCERT_STATEMENT_MINILATERAL;
    }
  }
  if (res->kind != CONCERT_STATEMENT_NONE) {
    res->text = text;
    for (size_t i = 0; i < ncoal; i++)
      if (concert_i_idlist_push(&o->sig[r], coal[i])) goto nomem;
    for (size_t i = 0; e->p.partners_cosign && i < f->n_invited; i++)
      if (concert_i_accepts(e, f->invited[i], k, text, NULL, NULL))
        if (concert_i_idlist_push(&o->par[r], f->invited[i])) goto nomem;
  }
  res->in_summary = res->kind != CONCERT_STATEMENT_JOINT;
  res->wording = isnan(res->dispersion) || res->dispersion > e->p.discussed
                     ? CONCERT_WORDING_EXCHANGED_VIEWS
                 : res->dispersion > e->p.agreed ? CONCERT_WORDING_DISCUSSED
                                                 : CONCERT_WORDING_AGREED;
  goto done;
nomem:
  st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
done:
  return st;
}
