/* play.c: plays one summit of the record with concert and turns what it forecasts into
 * probabilities beside what was observed: the document's five fates, and per agenda issue a
 * statement, each member signing and each member blocking (docs/backtest.md). One run: the
 * point run exactly as `concert run` plays it (probabilities 0 or 1); more: a sweep. Only the
 * public summit and sweep APIs are used. */
#include <concert/sweep.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "status/diag.h"

/* What concert forecasts on one agenda issue. */
typedef struct issue_forecast {
  size_t issue; /* scenario issue index */
  double p_statement;
  double *p_sign;  /* per forum member */
  double *p_block; /* per forum member */
} issue_forecast;

static concert_backtest_item *push_item(concert_backtest *b, concert_diag *d) {
  if (b->n_items == b->cap_items) {
    size_t nc = b->cap_items ? 2 * b->cap_items : 64;
    concert_backtest_item *ni = realloc(b->items, nc * sizeof *ni);
    if (!ni) {
      CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
      return NULL;
    }
    b->items = ni;
    b->cap_items = nc;
  }
  concert_backtest_item *it = &b->items[b->n_items++];
  memset(it, 0, sizeof *it);
  return it;
}

static bool in_list(const concert_i_idlist *l, size_t a) {
  for (size_t i = 0; i < l->n; i++)
    if (l->ids[i] == a) return true;
  return false;
}

/* The statements.csv row of summit si and scenario issue k, or NULL. */
static const concert_i_rstatement *row_of(const concert_record *r, size_t si, size_t k) {
  for (size_t i = 0; i < r->n_statements; i++)
    if (r->statements[i].summit == si && r->statements[i].issue_index == k)
      return &r->statements[i];
  return NULL;
}

/* Appends the items of one agenda issue: its observations and concert's probabilities. */
static concert_status add_items(concert_backtest *b, size_t si, const issue_forecast *fc,
                                concert_diag *d) {
  const concert_i_rsummit *s = &b->r->summits[si];
  const concert_i_rstatement *row = row_of(b->r, si, fc->issue);
  const char *issue_id = concert_scenario_issue_id(s->s, fc->issue);
  concert_backtest_item *it = push_item(b, d);
  if (!it) return CONCERT_ERR_NOMEM;
  it->summit = si, it->target = CONCERT_TARGET_STATEMENT, it->issue = issue_id;
  it->observed = row && row->statement >= 0 ? row->statement > 0 : -1;
  it->p[CONCERT_FORECASTER_CONCERT] = fc->p_statement;
  size_t nm = concert_scenario_forum_member_count(s->s, s->forum);
  for (size_t m = 0; m < nm; m++) {
    size_t a = concert_scenario_forum_member(s->s, s->forum, m);
    if (!(it = push_item(b, d))) return CONCERT_ERR_NOMEM;
    it->summit = si, it->target = CONCERT_TARGET_SIGNATORY, it->issue = issue_id;
    it->actor = concert_scenario_actor_id(s->s, a);
    it->observed = -1;
    if (row && row->statement == 0)
      it->observed = 0;
    else if (row && row->statement > 0 && !row->signatories.unknown)
      it->observed = row->signatories.all ? !in_list(&s->absent, a) : in_list(&row->signatories, a);
    it->p[CONCERT_FORECASTER_CONCERT] = fc->p_sign[m];
  }
  for (size_t m = 0; m < nm; m++) {
    size_t a = concert_scenario_forum_member(s->s, s->forum, m);
    if (!(it = push_item(b, d))) return CONCERT_ERR_NOMEM;
    it->summit = si, it->target = CONCERT_TARGET_BLOCKER, it->issue = issue_id;
    it->actor = concert_scenario_actor_id(s->s, a);
    it->observed = row && !row->blockers.unknown ? in_list(&row->blockers, a) : -1;
    it->p[CONCERT_FORECASTER_CONCERT] = fc->p_block[m];
  }
  return CONCERT_OK;
}

/* Point run: concert's 0/1 forecasts of the issue at agenda position i of o, texts counted
 * as the record counts them (concert_outcome_issue_text). */
static void point_issue(const concert_scenario *s, size_t f, const concert_outcome *o, size_t i,
                        issue_forecast *fc) {
  fc->issue = concert_outcome_issue(o, i)->issue;
  fc->p_statement = concert_outcome_issue_text(o, i) != CONCERT_STATEMENT_NONE;
  size_t nm = concert_scenario_forum_member_count(s, f);
  for (size_t m = 0; m < nm; m++) {
    size_t a = concert_scenario_forum_member(s, f, m);
    fc->p_sign[m] = concert_outcome_issue_text_signs(o, i, a);
    fc->p_block[m] = concert_outcome_issue_text_blocks(o, i, a);
  }
}

/* Sweep: concert's probabilities of the issue at agenda position i of w. */
static void sweep_issue(const concert_sweep *w, size_t i, issue_forecast *fc) {
  fc->issue = concert_sweep_issue(w, i);
  fc->p_statement = concert_sweep_text_any(w, i).p;
  for (size_t m = 0; m < concert_sweep_member_count(w); m++) {
    fc->p_sign[m] = concert_sweep_text_signs(w, i, m).p;
    fc->p_block[m] = concert_sweep_text_blocks(w, i, m).p;
  }
}

/* Every statements.csv row of summit si must name an issue of the forum's agenda. */
static concert_status check_agenda(const concert_backtest *b, size_t si, const size_t *agenda,
                                   size_t n, concert_diag *d) {
  const concert_record *r = b->r;
  for (size_t i = 0; i < r->n_statements; i++) {
    const concert_i_rstatement *t = &r->statements[i];
    if (t->summit != si) continue;
    bool on = false;
    for (size_t k = 0; k < n; k++) on |= agenda[k] == t->issue_index;
    if (!on)
      return concert_i_fail(d, CONCERT_ERR_UNKNOWN_ID, r->statements_file, (int)t->line,
                            t->issue_col, "issue",
                            "issue '%s' is not on the agenda of forum '%s' (summit %s)", t->issue,
                            r->summits[si].forum_id, r->summits[si].id);
  }
  return CONCERT_OK;
}

concert_status concert_i_backtest_play(concert_backtest *b, size_t si,
                                       const concert_backtest_options *o, concert_diag *d) {
  const concert_i_rsummit *s = &b->r->summits[si];
  concert_backtest_summit *bs = &b->summits[si];
  bs->id = s->id;
  bs->known = s->fate >= 0;
  bs->observed = s->fate >= 0 ? (concert_document_fate)s->fate : CONCERT_DOCUMENT_ISSUED;
  bs->previous = SIZE_MAX;
  concert_params *protocol = NULL;
  concert_status st = CONCERT_OK;
  if (o->fit && (st = o->fit(b->r, o, si, &protocol, o->fit_user, d))) return st;
  b->protocols[si] = protocol; /* the backtest owns it from here */
  bs->protocol = protocol;
  size_t nm = concert_scenario_forum_member_count(s->s, s->forum);
  issue_forecast fc = {0};
  size_t *agenda = NULL, n_agenda = 0;
  concert_outcome *out = NULL;
  concert_sweep *w = NULL;
  if (o->runs <= 1)
    st = concert_summit_run(s->s, s->forum, NULL, NULL, protocol, &out, d);
  else {
    concert_sweep_options so;
    concert_sweep_options_init(&so);
    so.runs = o->runs, so.seed = o->seed, so.threads = o->threads, so.forum = s->forum;
    so.protocol = protocol;
    st = concert_sweep_run(s->s, &so, &w, d);
  }
  if (st) goto done;
  double *p = bs->p[CONCERT_FORECASTER_CONCERT];
  if (out) {
    p[concert_outcome_communique(out).fate] = 1;
    n_agenda = concert_outcome_issue_count(out);
  } else {
    for (int f = 0; f < CONCERT_BACKTEST_FATES; f++)
      p[f] = concert_sweep_fate(w, (concert_document_fate)f).p;
    n_agenda = concert_sweep_issue_count(w);
  }
  fc.p_sign = calloc(nm + 1, sizeof *fc.p_sign);
  fc.p_block = calloc(nm + 1, sizeof *fc.p_block);
  agenda = calloc(n_agenda + 1, sizeof *agenda);
  if (!fc.p_sign || !fc.p_block || !agenda) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < n_agenda && !st; i++) {
    if (out)
      point_issue(s->s, s->forum, out, i, &fc);
    else
      sweep_issue(w, i, &fc);
    agenda[i] = fc.issue;
    st = add_items(b, si, &fc, d);
  }
  if (!st) st = check_agenda(b, si, agenda, n_agenda, d);
  /* the most probable fate (ties: the first) */
  size_t best = 0;
  for (size_t f = 1; f < CONCERT_BACKTEST_FATES; f++)
    if (p[f] > p[best]) best = f;
  bs->forecast = (concert_document_fate)best;
  bs->p_forecast = p[best];
  bs->p_observed = bs->known ? p[bs->observed] : 0;
done:
  free(fc.p_sign);
  free(fc.p_block);
  free(agenda);
  concert_outcome_free(out);
  concert_sweep_free(w);
  return st;
}
