/* naive.c: the naive forecasters the engine is scored beside (docs/backtest.md):
 *  - the base rate, leave-one-summit-out: the frequency of each fate, or of a statement, a
 *    signature or a block, among the OTHER summits of the record (no summit sees its own
 *    outcome); with no other observation: 1/5 per fate, 1/2 for a binary target;
 *  - "always a communiqué": the document issued (p = 1), a joint statement on every issue,
 *    every member signing, nobody blocking;
 *  - "same as the forum's previous summit": the latest earlier summit (by date) with the same
 *    forum_name: its fate; per item its observation on the same issue (and member), else its
 *    frequency over its issues (for that member), else the base rate (a fallback, counted). */
#include <string.h>

#include "backtest/backtest_i.h"

/* LOO base rate of fate f for summit si. */
static void fate_base_rate(const concert_backtest *b, size_t si, double *p) {
  size_t n = 0, count[CONCERT_BACKTEST_FATES] = {0};
  for (size_t j = 0; j < b->r->n_summits; j++)
    if (j != si && b->r->summits[j].fate >= 0) count[b->r->summits[j].fate]++, n++;
  for (int f = 0; f < CONCERT_BACKTEST_FATES; f++)
    p[f] = n ? (double)count[f] / (double)n : 1.0 / CONCERT_BACKTEST_FATES;
}

/* LOO base rate of item it's target: its frequency over the items of the other summits. */
static double item_base_rate(const concert_backtest *b, const concert_backtest_item *it) {
  size_t n = 0, ones = 0;
  for (size_t j = 0; j < b->n_items; j++) {
    const concert_backtest_item *o = &b->items[j];
    if (o->summit == it->summit || o->target != it->target || o->observed < 0) continue;
    n++;
    ones += (size_t)o->observed;
  }
  return n ? (double)ones / (double)n : 0.5;
}

/* The previous summit of the same forum_name: the latest with an earlier date (SIZE_MAX:
 * none). Among equal dates the last in the file. */
static size_t previous_of(const concert_record *r, size_t si) {
  const concert_i_rsummit *s = &r->summits[si];
  size_t best = SIZE_MAX;
  for (size_t j = 0; j < r->n_summits; j++) {
    const concert_i_rsummit *c = &r->summits[j];
    if (j == si || strcmp(c->forum_name, s->forum_name) || strcmp(c->date, s->date) >= 0) continue;
    if (best == SIZE_MAX || strcmp(c->date, r->summits[best].date) >= 0) best = j;
  }
  return best;
}

static bool same(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* Item it as the previous summit ps had it; false when ps has nothing to say. */
static bool previous_item(const concert_backtest *b, size_t ps, const concert_backtest_item *it,
                          double *p) {
  size_t n = 0, ones = 0;
  for (size_t j = 0; j < b->n_items; j++) {
    const concert_backtest_item *o = &b->items[j];
    if (o->summit != ps || o->target != it->target || o->observed < 0) continue;
    if (same(o->issue, it->issue) && same(o->actor, it->actor)) {
      *p = o->observed;
      return true;
    }
    if (!same(o->actor, it->actor)) continue;
    n++;
    ones += (size_t)o->observed;
  }
  if (!n) return false;
  *p = (double)ones / (double)n;
  return true;
}

concert_status concert_i_backtest_naive(concert_backtest *b, concert_diag *d) {
  (void)d;
  const concert_record *r = b->r;
  for (size_t si = 0; si < r->n_summits; si++) {
    concert_backtest_summit *bs = &b->summits[si];
    fate_base_rate(b, si, bs->p[CONCERT_FORECASTER_BASE_RATE]);
    bs->p[CONCERT_FORECASTER_ALWAYS][CONCERT_DOCUMENT_ISSUED] = 1;
    bs->previous = previous_of(r, si);
    double *pp = bs->p[CONCERT_FORECASTER_PREVIOUS];
    if (bs->previous != SIZE_MAX && r->summits[bs->previous].fate >= 0) {
      pp[r->summits[bs->previous].fate] = 1;
    } else {
      memcpy(pp, bs->p[CONCERT_FORECASTER_BASE_RATE], sizeof(double) * CONCERT_BACKTEST_FATES);
      bs->previous_fallback = true;
    }
  }
  for (size_t i = 0; i < b->n_items; i++) {
    concert_backtest_item *it = &b->items[i];
    it->p[CONCERT_FORECASTER_BASE_RATE] = item_base_rate(b, it);
    it->p[CONCERT_FORECASTER_ALWAYS] = it->target != CONCERT_TARGET_BLOCKER;
    size_t ps = b->summits[it->summit].previous;
    if (ps == SIZE_MAX || !previous_item(b, ps, it, &it->p[CONCERT_FORECASTER_PREVIOUS])) {
      it->p[CONCERT_FORECASTER_PREVIOUS] = it->p[CONCERT_FORECASTER_BASE_RATE];
      it->previous_fallback = true;
    }
  }
  return CONCERT_OK;
}
