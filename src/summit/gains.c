/* gains.c: net gains in points (docs/protocol.md, net gains). A member's gain on issue k
 * is its salience share s_ik / sum_j s_ij over the forum's negotiated agenda times the
 * points by which the text is closer to its position than the reversion point:
 * |r_k - p_ik| - |x_k - p_ik| (quadratic loss: the same over squared distances / 100).
 * Summed over the issues, it reads "on average over what it cares about, the documents
 * moved the forum so many points its way". */
#include <math.h>

#include "summit/engine_i.h"

double concert_i_salience_total(const concert_i_engine *e, size_t a) {
  const double *sal = e->sal + a * e->s->n_issues;
  double tot = 0;
  for (size_t q = 0; q < e->w.n_neg; q++) tot += sal[e->w.neg[q]];
  return tot;
}

double concert_i_gain_points(const concert_i_engine *e, size_t a, size_t k, double x) {
  return concert_i_gain_points_of(e, a, k, x, concert_i_salience_total(e, a));
}

void concert_i_net_gains(const concert_i_engine *e, concert_outcome *o) {
  const concert_i_forum *f = e->f;
  bool doc = o->comm.issued && o->comm.fate != CONCERT_DOCUMENT_DISOWNED;
  concert_i_package pk = {.par = o->par_doc, .carved = o->carved, .n = o->n_res};
  for (size_t i = 0; i < f->n_members; i++) {
    size_t a = f->members[i];
    double g = 0;
    bool red;
    if (doc) {
      g = concert_i_package_gain(e, &pk, a, f->n_sessions, &red);
    } else {
      double tot = concert_i_salience_total(e, a);
      for (size_t r = 0; r < o->n_res; r++) {
        const concert_issue_result *res = &o->res[r];
        if (res->kind != CONCERT_STATEMENT_NONE && concert_i_idlist_has(&o->sig[r], a))
          g += concert_i_gain_points_of(e, a, res->issue, res->text, tot);
      }
    }
    o->gain[i] = g;
  }
}
