/* blockers.c: who blocked a text, and who dissociated (docs/protocol.md, blockers).
 * A member is reported as blocking only when its objection is pivotal: with its acceptance
 * the forum's rule would be met. When no single objector is pivotal the objectors are a
 * joint block. When the text passed (consensus minus k, quotas) the objectors present
 * dissociate from it. Nothing is recorded on an untabled text. */
#include <stdlib.h>

#include "status/diag.h"
#include "summit/engine_i.h"

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

concert_status concert_i_blockers(concert_i_engine *e, concert_outcome *o, const bool *present,
                                  const bool *counted, size_t r, double x, bool passed) {
  const concert_i_forum *f = e->f;
  size_t nm = f->n_members, k = o->res[r].issue;
  bool *yes = calloc(nm, sizeof *yes), *pivotal = calloc(nm, sizeof *pivotal);
  concert_status st = CONCERT_OK;
  if (!yes || !pivotal) {
    st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < nm; i++)
    yes[i] = present[i] && concert_i_accepts(e, f->members[i], k, x, NULL, NULL);
  size_t n_obj = 0, n_piv = 0;
  for (size_t i = 0; i < nm; i++) {
    if (!present[i] || !counted[i] || yes[i]) continue;
    n_obj++;
    if (passed) {
      if ((st = add(e, o, f->members[i], k, x, CONCERT_OBJECTION_DISSOCIATE))) goto done;
      if (concert_i_idlist_push(&o->dis[r], f->members[i])) goto nomem;
      continue;
    }
    yes[i] = true;
    pivotal[i] = concert_i_rule_met(e, counted, yes);
    yes[i] = false;
    n_piv += pivotal[i];
  }
  for (size_t i = 0; !passed && n_obj && i < nm; i++) {
    if (!present[i] || !counted[i] || yes[i]) continue;
    if (n_piv && !pivotal[i]) continue; /* pivotal blockers are named; the rest are not */
    st = add(e, o, f->members[i], k, x,
             n_piv ? CONCERT_OBJECTION_BLOCK : CONCERT_OBJECTION_JOINT_BLOCK);
    if (st) goto done;
  }
  goto done;
nomem:
  st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
done:
  free(yes), free(pivotal);
  return st;
}
