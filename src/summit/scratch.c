/* scratch.c: the engine's working arrays (engine_i.h, concert_i_scratch). One allocation
 * per engine holds every step's arrays, so a summit play allocates nothing for them; the
 * two packages grow their own arrays on their first build and keep them. */
#include <stdint.h>
#include <stdlib.h>

#include "status/diag.h"
#include "summit/engine_i.h"

/* Places `count` items of `size` bytes at *off in the block (NULL: only counts), aligned for
 * any type; returns where they start. */
static void *place(unsigned char *block, size_t *off, size_t count, size_t size) {
  size_t align = _Alignof(max_align_t);
  size_t at = (*off + align - 1) / align * align;
  *off = at + (count ? count : 1) * size;
  return block ? block + at : NULL;
}

/* Lays out every array of w in block (NULL: only measures); returns the bytes used. */
static size_t layout(concert_i_scratch *w, unsigned char *b, size_t nm, size_t nr, size_t ni,
                     size_t na) {
  size_t off = 0;
#define PUT(field, count) w->field = place(b, &off, (count), sizeof *w->field)
  PUT(neg, nr), PUT(play_att, nm), PUT(play_who, nm), PUT(sess_who, nm), PUT(actual, ni), PUT(sess_xs, ni);
  PUT(ef_att, nm), PUT(ef_who, nm), PUT(ef_xs, ni), PUT(fg_x, ni);
  PUT(di_yes, nm), PUT(di_present, nm), PUT(di_counted, nm), PUT(di_coal, nm), PUT(di_xs, ni);
  PUT(rd_los, nm + 1), PUT(rd_his, nm + 1), PUT(rd_clo, nm + 1), PUT(rd_chi, nm + 1);
  PUT(bk_pl, nm), PUT(bk_ph, nm), PUT(bk_sl, nm), PUT(bk_sh, nm);
  PUT(pk_yes, nm), PUT(pk_counted, nm), PUT(pk_jd, nm);
  PUT(cv_idx, nm), PUT(cv_out, nm), PUT(cv_best, nm);
  PUT(cv_pl, nm), PUT(cv_ph, nm), PUT(cv_sl, nm), PUT(cv_sh, nm);
  PUT(bg_iss, nr), PUT(bg_pos, nm * nr), PUT(bg_sal, nm * nr), PUT(bg_cap, nm), PUT(bg_rev, nr);
  PUT(bg_ids, nm), PUT(bg_x, nm), PUT(bg_s, nm), PUT(iv, nm * ni);
  PUT(bg_pm, nm * nr), PUT(bg_mi, na), PUT(bg_prow, nm), PUT(bg_srow, nm);
#undef PUT
  return off;
}

concert_status concert_i_scratch_init(concert_i_engine *e) {
  const concert_i_forum *f = e->f;
  size_t nm = f->n_members, nr = 0, ni = e->s->n_issues, na = e->s->n_actors;
  for (size_t j = 0; j < f->n_sessions; j++) nr += f->sessions[j].n_issues;
  concert_i_scratch *w = &e->w;
  *w = (concert_i_scratch){0};
  size_t bytes = layout(w, NULL, nm, nr, ni, na);
  if (!(w->block = malloc(bytes))) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  layout(w, w->block, nm, nr, ni, na);
  for (size_t a = 0; a < na; a++) w->bg_mi[a] = SIZE_MAX;
  for (size_t i = 0; i < nm; i++) w->bg_mi[f->members[i]] = i;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (!e->s->issues[k].raised_only) w->neg[w->n_neg++] = k;
    }
  return CONCERT_OK;
}

void concert_i_scratch_free(concert_i_scratch *w) {
  concert_i_package_free(&w->ef_pk);
  concert_i_package_free(&w->doc_pk);
  free(w->block);
  *w = (concert_i_scratch){0};
}
