/* summit.c: the summit protocol's order (docs/protocol.md). Reads the protocol's
 * parameters, sets up the engine's working numbers, and applies the rule families in turn:
 * the bilateral deals and the chair's expectation (forgo.c), the sessions with their
 * attendance and statements (attendance.c, bargain.c, statements.c, blockers.c), the
 * package (package.c), net gains (gains.c) and reasons (reasons.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_i.h"
#include "status/diag.h"
#include "summit/engine_i.h"
#include "summit/protocol_i.h"

static bool word_true(const concert_params *a, const concert_params *b, const char *key) {
  const char *w = concert_params_word(a, key, concert_params_word(b, key, "true"));
  return strcmp(w, "true") == 0;
}

static void read_proto(concert_i_proto *p, const concert_params *over, const concert_params *file) {
  const char *loss = concert_params_word(over, "loss", concert_params_word(file, "loss", "linear"));
  p->loss_power = strcmp(loss, "quadratic") == 0 ? 2 : 1;
#define NUM(key, def) concert_params_number(over, key, concert_params_number(file, key, def))
  p->tolerance = NUM("tolerance", 0);
  p->agreed = NUM("summary_agreed", 10);
  p->discussed = NUM("summary_discussed", 25);
  p->carve_out_max = (size_t)floor(NUM("carve_out_max", 1));
  p->forgo_above = NUM("forgo_above", 0.5);
#undef NUM
  p->partners_cosign = word_true(over, file, "partners_cosign");
  p->chair_forgoes = word_true(over, file, "chair_forgoes");
  p->withdraw = word_true(over, file, "withdraw");
  p->redraft = word_true(over, file, "redraft");
  p->carve_out = word_true(over, file, "carve_out");
  const char *fe = concert_params_word(over, "forgo_evaluation",
                                       concert_params_word(file, "forgo_evaluation", "ranges"));
  p->forgo_point = strcmp(fe, "point") == 0;
}

/* Rule 9: the deals' network over the forum's members (vertex = member index). */
static concert_status deal_network(concert_i_engine *e, concert_outcome *o) {
  if (o->n_deals == 0) return CONCERT_OK;
  concert_network_tie *ties = malloc(o->n_deals * sizeof *ties);
  if (!ties) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < o->n_deals; i++) {
    ties[i].weight = 1;
    for (size_t j = 0; j < e->f->n_members; j++) {
      if (e->f->members[j] == o->deals[i].actor_a) ties[i].a = j;
      if (e->f->members[j] == o->deals[i].actor_b) ties[i].b = j;
    }
  }
  concert_status st = concert_network_new(e->f->n_members, ties, o->n_deals, &o->net, e->d);
  free(ties);
  return st;
}

/* The outcome's attendance records and departures from att. */
static void record_attendance(const concert_i_engine *e, concert_outcome *o,
                              const concert_i_att *att) {
  const concert_i_forum *f = e->f;
  size_t ns = f->n_sessions;
  for (size_t i = 0; i < f->n_members; i++) {
    concert_attendance *a = &o->att[i];
    *a = (concert_attendance){f->members[i], CONCERT_ATTENDANCE_PRESENT, 0, att[i].exogenous};
    if (att[i].absent)
      a->kind = CONCERT_ATTENDANCE_ABSENT;
    else if (att[i].gone_at < ns)
      a->kind = CONCERT_ATTENDANCE_DEPARTED, a->session = att[i].gone_at;
    else if (att[i].leader_gone_at < ns)
      a->kind = CONCERT_ATTENDANCE_LEADER_LEFT, a->session = att[i].leader_gone_at;
    else if (att[i].leader_absent)
      a->kind = CONCERT_ATTENDANCE_LEADER_ABSENT;
    if (a->kind == CONCERT_ATTENDANCE_DEPARTED)
      o->deps[o->n_deps++] = (concert_departure){a->actor, a->session};
  }
}

/* Plays the sessions with every event: texts, statements. */
static concert_status play(concert_i_engine *e, concert_outcome *o, const concert_i_att *att,
                           double *actual) {
  const concert_i_forum *f = e->f;
  const concert_scenario *s = e->s;
  size_t nm = f->n_members, r = 0;
  size_t *who = e->w.sess_who;
  double *xs = e->w.sess_xs;
  concert_status st = CONCERT_OK;
  for (size_t i = 0; i < s->n_actors * s->n_issues; i++) e->sal[i] = e->st[i].salience;
  concert_i_intervals_fill(e);
  concert_i_columns_fill(e);
  for (size_t j = 0; j < f->n_sessions; j++) {
    concert_i_apply_shocks(e, j, false);
    size_t n = 0;
    for (size_t i = 0; i < nm; i++)
      if (concert_i_present(&att[i], j)) who[n++] = f->members[i];
    if ((st = concert_i_bargain(e, who, n, xs, NULL))) return st;
    for (size_t q = 0; q < f->sessions[j].n_issues; q++, r++) {
      size_t k = f->sessions[j].issues[q];
      o->res[r].issue = k, o->res[r].session = j;
      actual[k] = xs[k];
      if ((st = concert_i_decide_issue(e, o, att, r, xs[k]))) return st;
    }
  }
  return st;
}

/* The package into the outcome; the chair's forgoing decided before. The package's arrays
 * are swapped with the outcome's (a reused outcome's, else none), so both stay allocated
 * from run to run. */
static concert_status document(concert_i_engine *e, concert_outcome *o, const concert_i_att *att,
                               const double *actual, bool forgone) {
  concert_i_package *pk = &e->w.doc_pk;
  concert_status st = concert_i_package_build(e, att, actual, pk);
  if (st) return st;
  concert_communique *c = &o->comm;
  concert_paragraph *par = o->par_doc;
  concert_i_idlist *carved = o->carved, l;
  o->par_doc = pk->par, o->carved = pk->carved;
  pk->par = par, pk->carved = carved, pk->cap = par ? pk->n : 0;
  c->chair_forwent = forgone;
  c->attempted = !forgone;
  c->issued = !forgone && pk->issued;
  c->fate = forgone ? CONCERT_DOCUMENT_FORGONE : pk->fate;
  if (!forgone) {
#define SWAP(a, b) (l = (a), (a) = (b), (b) = l)
    SWAP(o->endorsers, pk->endorsers), SWAP(o->objectors, pk->objectors);
    SWAP(o->dissociating, pk->dissociating), SWAP(o->withdrawn, pk->disowned);
#undef SWAP
  } else {
    /* expected objectors: those that would not endorse or would disown */
    st = concert_i_idlist_copy(&o->objectors, &pk->objectors);
    for (size_t i = 0; !st && i < pk->disowned.n; i++)
      st = concert_i_idlist_push(&o->objectors, pk->disowned.v[i]);
    if (st) st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t r = 0; r < pk->n; r++) {
    o->par_doc[r].carved_out = o->carved[r].v;
    o->par_doc[r].n_carved_out = o->carved[r].n;
    /* without per-issue statements, an issue the issued declaration covers is not left
     * to the chair's summary */
    if (e->f->no_statements)
      o->res[r].in_summary =
          !(c->issued && o->res[r].negotiated && o->par_doc[r].fate != CONCERT_PARAGRAPH_DROPPED);
  }
  return st;
}

concert_status concert_i_engine_init(concert_i_engine *e, const concert_scenario *s, size_t fi,
                                    const concert_model *model, const concert_params *model_params,
                                    const concert_params *protocol, concert_diag *d) {
  *e = (concert_i_engine){.s = s, .d = d};
  if (!s) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  if (fi >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", fi);
  size_t nspec;
  const concert_param_spec *spec = concert_i_protocol_specs(&nspec);
  concert_status st = concert_params_check(protocol, spec, nspec, "the summit protocol", d);
  if (st) return st;
  e->f = &s->forums[fi];
  e->model = model ? model : concert_model_find(s->model);
  e->mparams = model ? model_params : (model_params ? model_params : s->model_params);
  if (!e->model) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  read_proto(&e->p, protocol, s->protocol);
  e->issuewise = e->model->issue &&
                 !concert_params_check(e->mparams, e->model->params, e->model->n_params,
                                       e->model->name, NULL);
  size_t na = s->n_actors, ni = s->n_issues, nst = na * ni;
  e->st = malloc((nst ? nst : 1) * sizeof *e->st);
  e->sal = malloc((nst ? nst : 1) * sizeof *e->sal);
  e->cap = malloc((na ? na : 1) * sizeof *e->cap);
  e->rev = malloc((ni ? ni : 1) * sizeof *e->rev);
  if (!e->st || !e->sal || !e->cap || !e->rev || concert_i_scratch_init(e)) {
    concert_i_engine_free(e);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  concert_i_engine_refresh(e);
  return CONCERT_OK;
}

void concert_i_engine_refresh(concert_i_engine *e) {
  const concert_scenario *s = e->s;
  size_t na = s->n_actors, ni = s->n_issues, nst = na * ni;
  if (!e->st_borrowed && nst) memcpy(e->st, s->stances, nst * sizeof *e->st);
  for (size_t i = 0; i < nst; i++) e->sal[i] = s->stances[i].salience;
  for (size_t a = 0; a < na; a++) e->cap[a] = s->actors[a].capability;
  for (size_t k = 0; k < ni; k++) e->rev[k] = s->issues[k].reversion;
}

void concert_i_engine_free(concert_i_engine *e) {
  if (!e->st_borrowed) free(e->st);
  free(e->sal), free(e->cap), free(e->rev);
  concert_i_scratch_free(&e->w);
  e->st = NULL, e->sal = NULL, e->cap = NULL, e->rev = NULL, e->st_borrowed = false;
}

/* A new outcome for e's forum: its arrays allocated, zeroed or NaN where the play expects. */
static concert_status outcome_new(concert_i_engine *e, concert_outcome **out) {
  const concert_scenario *s = e->s;
  const concert_i_forum *f = e->f;
  size_t nm = f->n_members, nr = 0, ni = s->n_issues;
  for (size_t j = 0; j < f->n_sessions; j++) nr += f->sessions[j].n_issues;
  concert_outcome *o = calloc(1, sizeof *o);
  *out = NULL;
  if (!o) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  o->s = s;
  o->forum = (size_t)(f - s->forums);
  snprintf(o->model, sizeof o->model, "%s", concert_model_name(e->model));
  o->res = calloc(nr ? nr : 1, sizeof *o->res);
  o->sig = calloc(nr ? nr : 1, sizeof *o->sig);
  o->par = calloc(nr ? nr : 1, sizeof *o->par);
  o->rej = calloc(nr ? nr : 1, sizeof *o->rej);
  o->dis = calloc(nr ? nr : 1, sizeof *o->dis);
  o->reason = calloc(nr ? nr : 1, sizeof *o->reason);
  o->n_res = nr;
  o->gain = calloc(nm, sizeof *o->gain);
  o->att = calloc(nm, sizeof *o->att);
  o->expected = malloc((ni ? ni : 1) * sizeof *o->expected);
  o->deps = calloc(nm, sizeof *o->deps);
  if (!o->res || !o->sig || !o->par || !o->rej || !o->dis || !o->reason || !o->gain || !o->att ||
      !o->expected || !o->deps) {
    concert_outcome_free(o);
    return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  *out = o;
  return CONCERT_OK;
}

/* Plays the summit into o, new (outcome_new) or reset (concert_i_outcome_reset). */
static concert_status play_into(concert_i_engine *e, concert_i_play mode, concert_outcome *o,
                                concert_document_fate *expected) {
  bool full = mode == CONCERT_I_PLAY_FULL;
  const concert_scenario *s = e->s;
  const concert_i_forum *f = e->f;
  concert_status st = CONCERT_OK;
  size_t nm = f->n_members, nr = o->n_res, ni = s->n_issues;
  double *actual = e->w.actual;
  concert_i_att *att = e->w.play_att;
  size_t *who = e->w.play_who;
  for (size_t k = 0; k < ni; k++) actual[k] = NAN;
  o->comm.declaration = f->declaration;
  if (full) {
    /* Bilateral deals: made with the members expected to attend. */
    concert_i_attendance(e, CONCERT_I_ATT_EXPECTED, att);
    size_t n = 0;
    for (size_t i = 0; i < nm; i++)
      if (!att[i].absent) who[n++] = f->members[i];
    if ((st = concert_i_bargain(e, who, n, actual, o))) return st;
  }
  /* The chair's expectation and its expected chance of failure (a quick play only decides
   * whether it exceeds forgo_above, and only when the chair may forgo). */
  bool forgone = false, counted = false;
  bool quick = mode == CONCERT_I_PLAY_QUICK || mode == CONCERT_I_PLAY_SWEEP;
  concert_document_fate with_events = CONCERT_DOCUMENT_ISSUED, without = CONCERT_DOCUMENT_ISSUED;
  if (full || (quick && e->p.chair_forgoes)) {
    double stop = full ? NAN : e->p.forgo_above;
    /* its first evaluation is the chair's expectation at the point values: kept, not
     * played again below */
    if ((st = concert_i_forgo_chance(e, full ? o : NULL, stop, &o->comm.expected_chance,
                                     &o->comm.n_evaluations, o->expected, &with_events)))
      return st;
    forgone = e->p.chair_forgoes && o->comm.expected_chance > e->p.forgo_above;
    counted = true;
  }
  /* without the events: into `actual`, which is reset before the summit is played */
  if (full && (st = concert_i_expected_fate(e, true, actual, &without))) return st;
  if (!counted && (st = concert_i_expected_fate(e, false, o->expected, &with_events))) return st;
  o->comm.depends_exogenous = full && with_events != without;
  if (expected) *expected = with_events;
  /* The summit as it happens. */
  concert_i_attendance(e, CONCERT_I_ATT_ACTUAL, att);
  record_attendance(e, o, att);
  for (size_t k = 0; k < ni; k++) actual[k] = NAN;
  if ((st = play(e, o, att, actual))) return st;
  for (size_t i = 0; i < nr; i++) {
    o->res[i].signatories = o->sig[i].v, o->res[i].n_signatories = o->sig[i].n;
    o->res[i].partners = o->par[i].v, o->res[i].n_partners = o->par[i].n;
    o->res[i].rejecters = o->rej[i].v, o->res[i].n_rejecters = o->rej[i].n;
    o->res[i].dissociating = o->dis[i].v, o->res[i].n_dissociating = o->dis[i].n;
  }
  if ((st = document(e, o, att, actual, forgone))) return st;
  if (full) {
    if ((st = deal_network(e, o))) return st;
    concert_i_net_gains(e, o);
    if ((st = concert_i_reasons(e, o))) return st;
  } else if (mode == CONCERT_I_PLAY_SWEEP) {
    concert_i_net_gains(e, o);
  }
  return CONCERT_OK;
}

concert_status concert_i_summit_play(concert_i_engine *e, concert_i_play mode,
                                     concert_outcome **out, concert_document_fate *expected) {
  concert_outcome *o;
  *out = NULL;
  concert_status st = outcome_new(e, &o);
  if (!st) st = play_into(e, mode, o, expected);
  if (st) {
    concert_outcome_free(o);
    return st;
  }
  *out = o;
  return CONCERT_OK;
}

concert_status concert_i_summit_replay(concert_i_engine *e, concert_i_play mode,
                                       concert_outcome **o, concert_document_fate *expected) {
  if (!*o) return concert_i_summit_play(e, mode, o, expected);
  concert_i_outcome_reset(*o);
  return play_into(e, mode, *o, expected);
}

concert_status concert_i_summit_run_mode(const concert_scenario *s, size_t fi,
                                         const concert_model *model,
                                         const concert_params *model_params,
                                         const concert_params *protocol, concert_i_play mode,
                                         concert_outcome **out, concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  concert_i_engine e;
  concert_status st = concert_i_engine_init(&e, s, fi, model, model_params, protocol, d);
  if (!st) st = concert_i_summit_play(&e, mode, out, NULL);
  concert_i_engine_free(&e);
  return st;
}

concert_status concert_summit_run(const concert_scenario *s, size_t fi, const concert_model *model,
                                  const concert_params *model_params,
                                  const concert_params *protocol, concert_outcome **out,
                                  concert_diag *d) {
  return concert_i_summit_run_mode(s, fi, model, model_params, protocol, CONCERT_I_PLAY_FULL, out,
                                   d);
}
