/* sweep.c: the Monte Carlo sweep (concert/sweep.h, docs/sweep.md). Runs are handed out to
 * worker threads one at a time; run r always uses stream r of the seed and is added to its
 * worker's own integer counters (tally.c), which are summed at the end: a sum of integers
 * does not depend on who played which run, so the results are byte-identical at any thread
 * count, and, the counters of the parts of a sweep summed, at any split into parts. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/engine_i.h"
#include "sweep/draw_i.h"
#include "sweep/store_i.h"
#include "sweep/sweep_i.h"

/* Runs per database transaction: a killed sweep loses at most this many. WINDOW: runs whose
 * values wait in memory to be written (a worker holding a run beyond waits). */
enum { BATCH = 256, WINDOW = 4 * BATCH };

void concert_sweep_options_init(concert_sweep_options *o) {
  if (!o) return;
  *o = (concert_sweep_options){.runs = 1000, .seed = 1, .threads = 1};
}

/* What every worker shares. */
typedef struct shared {
  const concert_scenario *s;
  const concert_sweep_options *o;
  const concert_model *model;
  const concert_params *mparams;
  const concert_params *protocol; /* with forgo_evaluation */
  concert_sweep *w;               /* issue and member maps, sizes, the counters' layout */
  size_t *row_of;                 /* scenario issue -> agenda issue (SIZE_MAX: not on it) */
  size_t *member_of;              /* actor -> forum member (SIZE_MAX: not a member) */
  size_t part, parts;             /* this part of the runs (parts 1: all) */
  size_t target;                  /* the runs of this part */
  atomic_size_t next, done;       /* next run to hand out, runs finished */
  atomic_int stop;                /* set on an error or a cancellation */
  bool inline_;                   /* one worker on the calling thread: it reports and writes */
  /* with a database (sh.store set): */
  concert_i_store *store;         /* the open database */
  concert_i_store_runs v;         /* per-run values to write */
  atomic_uchar *ready;            /* per slot: its run played and recorded */
  atomic_size_t written;          /* runs below this are in the database */
  concert_status store_st;        /* the first database error */
  concert_diag store_diag;        /* its diagnostic */
} shared;

/* One worker's state and accumulators. */
typedef struct worker {
  shared *sh;
  pthread_t tid;
  concert_i_draw *draw;
  concert_i_summit_ws *ws;         /* engine and outcome reused run to run (set up at the
                                      worker's first run) */
  int64_t *c;                      /* its counters (the sweep's own with one worker) */
  unsigned char *kind, *flags;     /* this run's statement kinds (ni), sign/block flags (ni x nm) */
  double *text, *gain, rift[6];    /* this run's texts (ni), net gains (nm), rift */
  size_t *off;                     /* scratch for concert_i_sweep_add (inputs) */
  concert_status st;               /* first error */
  size_t err_run;                  /* its run */
  concert_diag diag;               /* its diagnostic */
} worker;

/* The results of run r (outcome o) into k's counters, and into the database's slot r. */
static concert_status record(worker *k, size_t r, const concert_outcome *o) {
  shared *sh = k->sh;
  size_t ni = sh->w->ni, nm = sh->w->nm;
  concert_communique c = concert_outcome_communique(o);
  bool db = sh->store != NULL;
  size_t sl = r % WINDOW;
  unsigned char *kind = db ? sh->v.kind + sl * ni : k->kind;
  unsigned char *flags = db ? sh->v.flags + sl * ni * nm : k->flags;
  double *text = db ? sh->v.text + sl * ni : k->text, *gain = db ? sh->v.gain + sl * nm : k->gain;
  double *rift = db ? sh->v.rift + sl * CONCERT_RIFT_N : k->rift;
  if (db) sh->v.fate[sl] = (unsigned char)c.fate;
  memset(flags, 0, ni * nm);
  for (size_t i = 0; i < ni; i++) {
    const concert_issue_result *res = concert_outcome_issue(o, i);
    kind[i] = (unsigned char)(res->kind | concert_outcome_issue_text(o, i) << 2);
    text[i] = res->kind != CONCERT_STATEMENT_NONE ? res->text : NAN;
    for (size_t q = 0; q < res->n_signatories; q++) {
      size_t m = sh->member_of[res->signatories[q]];
      if (m != SIZE_MAX) flags[i * nm + m] |= 1;
    }
    for (size_t m = 0; m < nm; m++) {
      size_t a = sh->w->member[m];
      if (concert_outcome_issue_text_signs(o, i, a)) flags[i * nm + m] |= 4;
      if (concert_outcome_issue_text_blocks(o, i, a)) flags[i * nm + m] |= 8;
    }
  }
  for (size_t v = 0; v < concert_outcome_veto_count(o); v++) {
    const concert_veto *x = concert_outcome_veto(o, v);
    if (x->role != CONCERT_OBJECTION_BLOCK && x->role != CONCERT_OBJECTION_JOINT_BLOCK) continue;
    size_t i = sh->row_of[x->issue], m = sh->member_of[x->actor];
    if (i != SIZE_MAX && m != SIZE_MAX) flags[i * nm + m] |= 2;
  }
  if (!sh->w->counts_only || db) { /* the database keeps them all */
    concert_rift rf;
    concert_status st = concert_rift_from_outcome(o, &rf, &k->diag);
    if (st) return st;
    for (int q = 0; q < CONCERT_RIFT_N; q++) rift[q] = rf.value[q];
    for (size_t m = 0; m < nm; m++) gain[m] = concert_outcome_net_gain(o, m);
  }
  concert_i_sweep_run run = {(unsigned char)c.fate, kind, flags, text, rift, gain,
                             concert_i_draw_uniforms(k->draw), k->off};
  return concert_i_sweep_add(sh->w, k->c, r, &run, &k->diag);
}

static void report(shared *sh) {
  const concert_sweep_options *o = sh->o;
  if (o->progress && o->progress(atomic_load(&sh->done), sh->target, o->user))
    atomic_store(&sh->stop, 1);
}

/* Writes the played runs from sh->written on, in run order, one transaction per BATCH runs;
 * a last partial batch only when final. Calling thread only. */
static void flush(shared *sh, bool final) {
  if (!sh->store || sh->store_st) return;
  size_t runs = sh->o->runs;
  for (;;) {
    size_t from = atomic_load(&sh->written), end = from;
    while (end < runs && end - from < BATCH &&
           (concert_i_store_has(&sh->v, end) ||
            atomic_load_explicit(&sh->ready[end % WINDOW], memory_order_acquire)))
      end++;
    if (end == from || (end - from < BATCH && end < runs && !final)) return;
    concert_status st = concert_i_store_write(sh->store, &sh->v, from, end, &sh->store_diag);
    if (st) {
      sh->store_st = st;
      atomic_store(&sh->stop, 1);
      return;
    }
    /* free the slots, then let the workers past them */
    for (size_t r = from; r < end; r++) atomic_store_explicit(&sh->ready[r % WINDOW], 0, memory_order_relaxed);
    atomic_store_explicit(&sh->written, end, memory_order_release);
  }
}

static void *work(void *arg) {
  worker *k = arg;
  shared *sh = k->sh;
  const concert_sweep_options *o = sh->o;
  for (;;) {
    if (atomic_load(&sh->stop)) break;
    size_t r = atomic_fetch_add(&sh->next, 1);
    if (r >= o->runs) break;
    if (sh->parts > 1 && (r / BATCH) % sh->parts != sh->part) continue;
    if (sh->store && concert_i_store_has(&sh->v, r)) continue;
    /* with a database, run r's slot is free once the run WINDOW before it is written */
    while (sh->store && r >= atomic_load_explicit(&sh->written, memory_order_acquire) + WINDOW &&
           !atomic_load(&sh->stop)) {
      struct timespec ts = {0, 200 * 1000};
      nanosleep(&ts, NULL);
    }
    if (atomic_load(&sh->stop)) break;
    concert_rng g;
    concert_rng_init(&g, o->seed, r);
    concert_i_draw_fill(k->draw, &g);
    const concert_outcome *out = NULL;
    /* the sweep play: what record() reads (no deals, hinges or reasons) */
    concert_status st = CONCERT_OK;
    if (!k->ws)
      st = concert_i_summit_ws_new(concert_i_draw_scenario(k->draw), o->forum, sh->model,
                                   sh->mparams, sh->protocol, CONCERT_I_PLAY_SWEEP, &k->ws,
                                   &k->diag);
    if (!st) st = concert_i_summit_ws_play(k->ws, &out, &k->diag);
    if (!st) st = record(k, r, out);
    if (st) {
      k->st = st, k->err_run = r;
      atomic_store(&sh->stop, 1);
      break;
    }
    if (sh->store) atomic_store_explicit(&sh->ready[r % WINDOW], 1, memory_order_release);
    atomic_fetch_add(&sh->done, 1);
    if (sh->inline_) report(sh), flush(sh, false);
  }
  return NULL;
}

void concert_sweep_free(concert_sweep *w) {
  if (!w) return;
  free(w->issue), free(w->member), free(w->in), free(w->in_u), free(w->c);
  free(w);
}

static int cmp_key(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* p as "k=v;k=v" in key order (numbers with 17 significant digits); a new string or NULL. */
static char *params_text(const concert_params *p) {
  size_t n = p ? concert_params_count(p) : 0, cap = 1, len = 0;
  const char **keys = malloc((n ? n : 1) * sizeof *keys);
  if (!keys) return NULL;
  for (size_t i = 0; i < n; i++) keys[i] = concert_params_key(p, i);
  qsort(keys, n, sizeof *keys, cmp_key);
  for (size_t i = 0; i < n; i++) cap += strlen(keys[i]) + 40 + strlen(concert_params_word(p, keys[i], ""));
  char *t = malloc(cap);
  if (t) t[0] = 0;
  for (size_t i = 0; t && i < n; i++) {
    const char *wd = concert_params_word(p, keys[i], NULL);
    int w = wd ? snprintf(t + len, cap - len, "%s%s=%s", i ? ";" : "", keys[i], wd)
               : snprintf(t + len, cap - len, "%s%s=%.17g", i ? ";" : "", keys[i],
                          concert_params_number(p, keys[i], NAN));
    if (w > 0) len += (size_t)w;
  }
  free(keys);
  return t;
}

/* Adds stored run r (in its slot of v) to the counters of the worker `user`, its draw made
 * again from its stream for the variance shares. */
static concert_status add_stored(size_t r, const concert_i_store_runs *v, void *user,
                                 concert_diag *d) {
  worker *k = user;
  const concert_sweep *w = k->sh->w;
  size_t ni = v->ni, nm = v->nm, sl = r % v->window;
  concert_rng g;
  concert_rng_init(&g, k->sh->o->seed, r);
  concert_i_draw_fill(k->draw, &g);
  concert_i_sweep_run run = {v->fate[sl], v->kind + sl * ni, v->flags + sl * ni * nm,
                             v->text + sl * ni, v->rift + sl * CONCERT_RIFT_N, v->gain + sl * nm,
                             concert_i_draw_uniforms(k->draw), k->off};
  return concert_i_sweep_add(w, k->c, r, &run, d);
}

/* Opens the database of o->db_path for sh and adds the runs it holds to k's counters
 * (their count in *loaded). Memory: WINDOW runs' values and one bit per run. */
static concert_status store_open(shared *sh, worker *k, size_t *loaded, concert_diag *d) {
  const concert_sweep_options *o = sh->o;
  const concert_sweep *w = sh->w;
  const concert_scenario *s = sh->s;
  size_t runs = o->runs, ni = w->ni, nm = w->nm, W = WINDOW;
  *loaded = 0;
  concert_i_store_meta m = {.scenario = s->name, .forum = s->forums[o->forum].id,
                            .model = w->model, .seed = o->seed, .runs = runs, .ni = ni, .nm = nm};
  m.scenario_hash = s->hash;
  concert_status st = CONCERT_OK;
  const char **ids = malloc((ni + nm + 1) * sizeof *ids);
  m.model_params = params_text(sh->mparams), m.protocol = params_text(sh->protocol);
  sh->v = (concert_i_store_runs){.runs = runs, .ni = ni, .nm = nm, .window = W};
  sh->v.have = calloc(runs / 8 + 1, 1);
  sh->v.fate = calloc(W, 1);
  sh->v.kind = calloc(W * (ni ? ni : 1), 1);
  sh->v.flags = calloc(W * (ni * nm > 0 ? ni * nm : 1), 1);
  sh->v.text = calloc(W * (ni ? ni : 1), sizeof *sh->v.text);
  sh->v.rift = calloc(W * CONCERT_RIFT_N, sizeof *sh->v.rift);
  sh->v.gain = calloc(W * (nm ? nm : 1), sizeof *sh->v.gain);
  sh->ready = calloc(W, sizeof *sh->ready);
  if (!ids || !m.model_params || !m.protocol || !sh->v.have || !sh->v.fate || !sh->v.kind ||
      !sh->v.flags || !sh->v.text || !sh->v.rift || !sh->v.gain || !sh->ready) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < ni; i++) ids[i] = s->issues[w->issue[i]].id;
  for (size_t q = 0; q < nm; q++) ids[ni + q] = s->actors[w->member[q]].id;
  m.issue_id = ids, m.member_id = ids + ni;
  st = concert_i_store_open(o->db_path, o->resume, &m, &sh->store, d);
  if (!st) st = concert_i_store_each(sh->store, &sh->v, add_stored, k, loaded, d);
done:
  free(ids), free(m.model_params), free(m.protocol);
  return st;
}

static void worker_free(worker *k) {
  concert_i_summit_ws_free(k->ws);
  concert_i_draw_free(k->draw);
  if (k->sh && k->c != k->sh->w->c) free(k->c);
  free(k->kind), free(k->flags), free(k->text), free(k->gain), free(k->off);
}

/* The inputs of the variance shares (concert/sweep.h): those of draw d that concern forum
 * f (members' numbers, every reversion point, the forum's events). */
static concert_status pick_inputs(concert_sweep *w, const concert_i_draw *d, size_t forum,
                                  const size_t *member_of) {
  size_t n = concert_i_draw_input_count(d);
  w->in = malloc((n ? n : 1) * sizeof *w->in);
  w->in_u = malloc((n ? n : 1) * sizeof *w->in_u);
  if (!w->in || !w->in_u) return CONCERT_ERR_NOMEM;
  w->nin = 0;
  for (size_t j = 0; j < n; j++) {
    const concert_i_draw_input *x = concert_i_draw_input_at(d, j);
    bool keep = x->what == CONCERT_I_DRAW_REVERSION ||
                (x->what == CONCERT_I_DRAW_EVENT ? x->forum == forum
                                                 : member_of[x->actor] != SIZE_MAX);
    if (!keep) continue;
    w->in[w->nin] = (concert_sweep_input){(concert_sweep_input_kind)x->what, x->actor, x->issue,
                                          x->what == CONCERT_I_DRAW_EVENT ? x->event : SIZE_MAX};
    w->in_u[w->nin++] = j;
  }
  return CONCERT_OK;
}

/* The runs r < runs with (r / BATCH) % parts == part. */
static size_t part_runs(size_t runs, size_t part, size_t parts) {
  if (parts <= 1) return runs;
  size_t n = 0;
  for (size_t b = part; b * BATCH < runs; b += parts)
    n += runs - b * BATCH < BATCH ? runs - b * BATCH : BATCH;
  return n;
}

concert_status concert_sweep_run(const concert_scenario *s, const concert_sweep_options *o,
                                 concert_sweep **out, concert_diag *d) {
  if (!s || !o || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (o->runs == 0) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "a sweep needs at least 1 run");
  if (o->runs > CONCERT_SWEEP_MAX_RUNS)
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE,
                        "a sweep holds at most %zu runs (its fixed-point sums), not %zu",
                        CONCERT_SWEEP_MAX_RUNS, o->runs);
  size_t parts = o->parts > 1 ? o->parts : 1;
  if (parts > 1 && o->part >= parts)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "part %zu of %zu: parts are numbered 0 to %zu",
                        o->part, parts, parts - 1);
  if (parts > 1 && o->db_path)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "a database sweep runs in one part (parts %zu)",
                        parts);
  if (o->forum >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", o->forum);
  const concert_model *model = o->model ? o->model : concert_model_find(s->model);
  if (!model) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  const concert_i_forum *f = &s->forums[o->forum];
  size_t nthreads = o->threads > 1 ? o->threads : 1, runs = o->runs;
  size_t target = part_runs(runs, parts > 1 ? o->part : 0, parts);
  if (nthreads > target) nthreads = target ? target : 1;
  shared sh = {.s = s, .o = o, .model = model, .part = parts > 1 ? o->part : 0, .parts = parts,
               .target = target,
               .mparams = o->model ? o->model_params
                                   : (o->model_params ? o->model_params : s->model_params)};
  concert_params *proto = concert_params_clone(o->protocol);
  concert_sweep *w = calloc(1, sizeof *w);
  worker *ks = calloc(nthreads, sizeof *ks);
  concert_status st = CONCERT_OK;
  if (!proto || !w || !ks) goto nomem;
  if (!concert_params_word(proto, "forgo_evaluation", NULL) &&
      concert_params_set_word(proto, "forgo_evaluation", "point"))
    goto nomem;
  sh.protocol = proto, sh.w = w;
  w->s = s, w->forum = o->forum, w->runs_asked = runs, w->seed = o->seed;
  snprintf(w->model, sizeof w->model, "%s", concert_model_name(model));
  size_t ni = 0, nm = f->n_members;
  for (size_t j = 0; j < f->n_sessions; j++) ni += f->sessions[j].n_issues;
  w->ni = ni, w->nm = nm, w->counts_only = o->counts_only;
  size_t nim = ni * nm > 0 ? ni * nm : 1;
  w->issue = malloc((ni ? ni : 1) * sizeof *w->issue);
  w->member = malloc((nm ? nm : 1) * sizeof *w->member);
  sh.row_of = malloc((s->n_issues ? s->n_issues : 1) * sizeof *sh.row_of);
  sh.member_of = malloc((s->n_actors ? s->n_actors : 1) * sizeof *sh.member_of);
  if (!w->issue || !w->member || !sh.row_of || !sh.member_of) goto nomem;
  for (size_t k = 0; k < s->n_issues; k++) sh.row_of[k] = SIZE_MAX;
  for (size_t a = 0; a < s->n_actors; a++) sh.member_of[a] = SIZE_MAX;
  for (size_t j = 0, r = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++, r++)
      w->issue[r] = f->sessions[j].issues[q], sh.row_of[w->issue[r]] = r;
  for (size_t m = 0; m < nm; m++) w->member[m] = f->members[m], sh.member_of[f->members[m]] = m;
  for (size_t t = 0; t < nthreads; t++) {
    worker *k = &ks[t];
    k->sh = &sh;
    concert_diag_clear(&k->diag);
    k->draw = concert_i_draw_new(s);
    k->kind = malloc(ni ? ni : 1);
    k->flags = malloc(nim);
    k->text = malloc((ni ? ni : 1) * sizeof *k->text);
    k->gain = malloc((nm ? nm : 1) * sizeof *k->gain);
    if (!k->draw || !k->kind || !k->flags || !k->text || !k->gain) goto nomem;
  }
  if (pick_inputs(w, ks[0].draw, o->forum, sh.member_of)) goto nomem;
  if ((st = concert_i_sweep_layout(w, d))) goto done;
  if (!(w->c = calloc(w->nc, sizeof *w->c))) goto nomem;
  for (size_t t = 0; t < nthreads; t++) {
    if (!(ks[t].c = t == 0 ? w->c : calloc(w->nc, sizeof *ks[t].c))) goto nomem;
    if (!(ks[t].off = malloc((w->nin ? w->nin : 1) * sizeof *ks[t].off))) goto nomem;
  }
  size_t loaded = 0;
  if (o->db_path) {
    concert_diag_clear(&sh.store_diag);
    st = store_open(&sh, &ks[0], &loaded, d);
    if (st) goto done;
  }
  atomic_init(&sh.next, 0), atomic_init(&sh.done, loaded), atomic_init(&sh.stop, 0);
  atomic_init(&sh.written, 0);
  /* with a database, even one worker gets its own thread: the calling thread writes */
  sh.inline_ = nthreads == 1 && !sh.store;
  if (sh.inline_) {
    work(&ks[0]);
  } else {
    size_t started = 0;
    for (; started < nthreads; started++)
      if (pthread_create(&ks[started].tid, NULL, work, &ks[started])) break;
    if (started < nthreads) atomic_store(&sh.stop, 1);
    while (started == nthreads && atomic_load(&sh.done) < target && !atomic_load(&sh.stop)) {
      struct timespec ts = {0, 20 * 1000 * 1000};
      nanosleep(&ts, NULL);
      report(&sh);
      flush(&sh, false);
    }
    for (size_t t = 0; t < started; t++) pthread_join(ks[t].tid, NULL);
    if (started < nthreads) {
      st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "cannot start worker thread %zu", started);
      goto done;
    }
  }
  /* the runs played so far go to the database even when the sweep stops early */
  flush(&sh, true);
  /* the error of the lowest failing run, else a database error, else a cancellation */
  worker *bad = NULL;
  for (size_t t = 0; t < nthreads; t++)
    if (ks[t].st && (!bad || ks[t].err_run < bad->err_run)) bad = &ks[t];
  if (bad) {
    if (d) *d = bad->diag;
    st = bad->st;
    goto done;
  }
  if (sh.store_st) {
    if (d) *d = sh.store_diag;
    st = sh.store_st;
    goto done;
  }
  if (atomic_load(&sh.done) < target) {
    st = CONCERT_FAIL(d, CONCERT_ERR_CANCELLED, "the sweep was cancelled after %zu of %zu runs",
                      (size_t)atomic_load(&sh.done), target);
    goto done;
  }
  if (o->progress && !sh.inline_) o->progress(target, target, o->user);
  for (size_t t = 1; t < nthreads; t++)
    for (size_t i = 0; i < w->nc; i++) w->c[i] += ks[t].c[i];
  goto done;
nomem:
  st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
done:
  for (size_t t = 0; ks && t < nthreads; t++) worker_free(&ks[t]);
  free(ks);
  free(sh.row_of), free(sh.member_of);
  concert_i_store_close(sh.store);
  free(sh.v.have), free(sh.v.fate), free(sh.v.kind), free(sh.v.flags), free((void *)sh.ready);
  free(sh.v.text), free(sh.v.rift), free(sh.v.gain);
  concert_params_free(proto);
  if (st) concert_sweep_free(w);
  else *out = w;
  return st;
}
