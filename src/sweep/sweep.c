/* sweep.c: the Monte Carlo sweep (concert/sweep.h, docs/sweep.md). Runs are handed out to
 * worker threads one at a time; run r always uses stream r of the seed, counts go to each
 * worker's own integer accumulators (their sum does not depend on who played which run) and
 * the values kept for means and quantiles go to slot r of shared arrays, read back in run
 * order. So the results are byte-identical at any thread count. */
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

/* Runs per database transaction: a killed sweep loses at most this many. */
enum { BATCH = 256 };

static const double levels[5] = {0.05, 0.25, 0.5, 0.75, 0.95};

const double *concert_sweep_levels(void) { return levels; }

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
  concert_sweep *w;               /* issue and member maps, sizes */
  size_t *row_of;                 /* scenario issue -> agenda issue (SIZE_MAX: not on it) */
  size_t *member_of;              /* actor -> forum member (SIZE_MAX: not a member) */
  double *text, *rift, *gain;     /* kept values: [run * ni + i], [run * 6 + c], [run * nm + m] */
  double *agreed;                 /* per run: share of agenda issues with a joint statement */
  atomic_size_t next, done;       /* next run to hand out, runs finished */
  atomic_int stop;                /* set on an error or a cancellation */
  bool inline_;                   /* one worker on the calling thread: it reports and writes */
  /* with a database (sh.store set): */
  concert_i_store *store;         /* the open database */
  concert_i_store_runs v;         /* per-run values to write (shares text, rift, gain) */
  atomic_uchar *ready;            /* run r played and recorded */
  size_t written;                 /* runs below this are in the database */
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
  unsigned char *seen;             /* blockers noted this run, ni x nm */
  size_t fate[5];
  size_t *stmt, *joint, *sign, *block;
  concert_status st;               /* first error */
  size_t err_run;                  /* its run */
  concert_diag diag;               /* its diagnostic */
} worker;

static concert_status record(worker *k, size_t r, const concert_outcome *o) {
  shared *sh = k->sh;
  size_t ni = sh->w->ni, nm = sh->w->nm;
  concert_communique c = concert_outcome_communique(o);
  unsigned char *flags = sh->store ? sh->v.flags + r * ni * nm : NULL;
  if ((unsigned)c.fate < 5) k->fate[c.fate]++;
  if (flags) sh->v.fate[r] = (unsigned char)c.fate, memset(flags, 0, ni * nm);
  size_t nj = 0;
  for (size_t i = 0; i < ni; i++) {
    const concert_issue_result *res = concert_outcome_issue(o, i);
    bool any = res->kind != CONCERT_STATEMENT_NONE;
    nj += res->kind == CONCERT_STATEMENT_JOINT;
    k->stmt[i] += any, k->joint[i] += res->kind == CONCERT_STATEMENT_JOINT;
    sh->text[r * ni + i] = any ? res->text : NAN;
    if (flags) sh->v.kind[r * ni + i] = (unsigned char)res->kind;
    for (size_t q = 0; q < res->n_signatories; q++) {
      size_t m = sh->member_of[res->signatories[q]];
      if (m != SIZE_MAX) k->sign[i * nm + m]++;
      if (m != SIZE_MAX && flags) flags[i * nm + m] |= 1;
    }
  }
  sh->agreed[r] = ni ? (double)nj / (double)ni : NAN;
  memset(k->seen, 0, ni * nm > 0 ? ni * nm : 1);
  for (size_t v = 0; v < concert_outcome_veto_count(o); v++) {
    const concert_veto *x = concert_outcome_veto(o, v);
    if (x->role != CONCERT_OBJECTION_BLOCK && x->role != CONCERT_OBJECTION_JOINT_BLOCK) continue;
    size_t i = sh->row_of[x->issue], m = sh->member_of[x->actor];
    if (i == SIZE_MAX || m == SIZE_MAX || k->seen[i * nm + m]) continue;
    k->seen[i * nm + m] = 1, k->block[i * nm + m]++;
    if (flags) flags[i * nm + m] |= 2;
  }
  concert_rift rf;
  concert_status st = concert_rift_from_outcome(o, &rf, &k->diag);
  if (st) return st;
  for (int q = 0; q < 6; q++) sh->rift[r * 6 + q] = rf.value[q];
  for (size_t m = 0; m < nm; m++) sh->gain[r * nm + m] = concert_outcome_net_gain(o, m);
  return CONCERT_OK;
}

static void report(shared *sh) {
  const concert_sweep_options *o = sh->o;
  if (o->progress && o->progress(atomic_load(&sh->done), o->runs, o->user))
    atomic_store(&sh->stop, 1);
}

/* Writes the played runs from sh->written on, in run order, one transaction per BATCH runs;
 * a last partial batch only when final. Calling thread only. */
static void flush(shared *sh, bool final) {
  if (!sh->store || sh->store_st) return;
  size_t runs = sh->o->runs;
  for (;;) {
    size_t end = sh->written;
    while (end < runs && end - sh->written < BATCH &&
           (sh->v.have[end] || atomic_load_explicit(&sh->ready[end], memory_order_acquire)))
      end++;
    if (end == sh->written || (end - sh->written < BATCH && end < runs && !final)) return;
    concert_status st = concert_i_store_write(sh->store, &sh->v, sh->written, end, &sh->store_diag);
    if (st) {
      sh->store_st = st;
      atomic_store(&sh->stop, 1);
      return;
    }
    sh->written = end;
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
    if (sh->store && sh->v.have[r]) continue;
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
    if (sh->store) atomic_store_explicit(&sh->ready[r], 1, memory_order_release);
    atomic_fetch_add(&sh->done, 1);
    if (sh->inline_) report(sh), flush(sh, false);
  }
  return NULL;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The spread of values v[r * stride] over the runs (NaN left out); buf holds runs doubles. */
static concert_spread spread(const double *v, size_t runs, size_t stride, double *buf) {
  concert_spread sp = {.mean = NAN, .se = NAN};
  for (int q = 0; q < 5; q++) sp.q[q] = NAN;
  size_t n = 0;
  double sum = 0;
  for (size_t r = 0; r < runs; r++) {
    double x = v[r * stride];
    if (!isnan(x)) buf[n++] = x, sum += x;
  }
  sp.n = n;
  if (n == 0) return sp;
  sp.mean = sum / (double)n;
  if (n > 1) {
    double ss = 0;
    for (size_t r = 0; r < n; r++) ss += (buf[r] - sp.mean) * (buf[r] - sp.mean);
    sp.se = sqrt(ss / (double)(n - 1)) / sqrt((double)n);
  }
  qsort(buf, n, sizeof *buf, cmp_double);
  for (int q = 0; q < 5; q++) {
    double h = (double)(n - 1) * levels[q];
    size_t lo = (size_t)floor(h);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    sp.q[q] = buf[lo] + (h - (double)lo) * (buf[hi] - buf[lo]);
  }
  return sp;
}

void concert_sweep_free(concert_sweep *w) {
  if (!w) return;
  free(w->issue), free(w->member), free(w->stmt), free(w->joint), free(w->sign), free(w->block);
  free(w->text), free(w->gain);
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

/* Opens the database of o->db_path for sh and reads the runs it holds into sh (counting
 * them into k's accumulators and *loaded). */
static concert_status store_open(shared *sh, worker *k, size_t *loaded, concert_diag *d) {
  const concert_sweep_options *o = sh->o;
  const concert_sweep *w = sh->w;
  const concert_scenario *s = sh->s;
  size_t runs = o->runs, ni = w->ni, nm = w->nm;
  *loaded = 0;
  concert_i_store_meta m = {.scenario = s->name, .forum = s->forums[o->forum].id,
                            .model = w->model, .seed = o->seed, .runs = runs, .ni = ni, .nm = nm};
  m.scenario_hash = s->hash;
  concert_status st = CONCERT_OK;
  const char **ids = malloc((ni + nm + 1) * sizeof *ids);
  m.model_params = params_text(sh->mparams), m.protocol = params_text(sh->protocol);
  sh->v = (concert_i_store_runs){.runs = runs, .ni = ni, .nm = nm, .text = sh->text,
                                 .rift = sh->rift, .gain = sh->gain};
  sh->v.have = calloc(runs, 1);
  sh->v.fate = calloc(runs, 1);
  sh->v.kind = calloc(runs * (ni ? ni : 1), 1);
  sh->v.flags = calloc(runs * (ni * nm > 0 ? ni * nm : 1), 1);
  sh->ready = calloc(runs, sizeof *sh->ready);
  if (!ids || !m.model_params || !m.protocol || !sh->v.have || !sh->v.fate || !sh->v.kind ||
      !sh->v.flags || !sh->ready) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < ni; i++) ids[i] = s->issues[w->issue[i]].id;
  for (size_t q = 0; q < nm; q++) ids[ni + q] = s->actors[w->member[q]].id;
  m.issue_id = ids, m.member_id = ids + ni;
  st = concert_i_store_open(o->db_path, o->resume, &m, &sh->store, d);
  if (!st) st = concert_i_store_load(sh->store, &sh->v, loaded, d);
  if (st) goto done;
  for (size_t r = 0; r < runs; r++) {
    if (!sh->v.have[r]) continue;
    if (sh->v.fate[r] < 5) k->fate[sh->v.fate[r]]++;
    size_t nj = 0;
    for (size_t i = 0; i < ni; i++) nj += sh->v.kind[r * ni + i] == CONCERT_STATEMENT_JOINT;
    sh->agreed[r] = ni ? (double)nj / (double)ni : NAN;
    for (size_t i = 0; i < ni; i++) {
      unsigned kd = sh->v.kind[r * ni + i];
      k->stmt[i] += kd != CONCERT_STATEMENT_NONE, k->joint[i] += kd == CONCERT_STATEMENT_JOINT;
      if (kd == CONCERT_STATEMENT_NONE) sh->text[r * ni + i] = NAN;
      for (size_t q = 0; q < nm; q++) {
        unsigned char fl = sh->v.flags[(r * ni + i) * nm + q];
        k->sign[i * nm + q] += fl & 1, k->block[i * nm + q] += (fl >> 1) & 1;
      }
    }
  }
done:
  free(ids), free(m.model_params), free(m.protocol);
  return st;
}

static void worker_free(worker *k) {
  concert_i_summit_ws_free(k->ws);
  concert_i_draw_free(k->draw);
  free(k->seen), free(k->stmt), free(k->joint), free(k->sign), free(k->block);
}

concert_status concert_sweep_run(const concert_scenario *s, const concert_sweep_options *o,
                                 concert_sweep **out, concert_diag *d) {
  if (!s || !o || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (o->runs == 0) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "a sweep needs at least 1 run");
  if (o->forum >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", o->forum);
  const concert_model *model = o->model ? o->model : concert_model_find(s->model);
  if (!model) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  const concert_i_forum *f = &s->forums[o->forum];
  size_t nthreads = o->threads > 1 ? o->threads : 1, runs = o->runs;
  if (nthreads > runs) nthreads = runs;
  shared sh = {.s = s, .o = o, .model = model,
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
  w->s = s, w->forum = o->forum, w->runs = runs, w->seed = o->seed;
  snprintf(w->model, sizeof w->model, "%s", concert_model_name(model));
  size_t ni = 0, nm = f->n_members;
  for (size_t j = 0; j < f->n_sessions; j++) ni += f->sessions[j].n_issues;
  w->ni = ni, w->nm = nm;
  size_t widest = ni > nm ? ni : nm;
  if (widest < 6) widest = 6;
  if (runs > SIZE_MAX / sizeof(double) / widest) {
    st = CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "%zu runs do not fit in memory here", runs);
    goto done;
  }
  size_t nim = ni * nm > 0 ? ni * nm : 1;
  w->issue = malloc((ni ? ni : 1) * sizeof *w->issue);
  w->member = malloc(nm * sizeof *w->member);
  w->stmt = calloc(ni ? ni : 1, sizeof *w->stmt);
  w->joint = calloc(ni ? ni : 1, sizeof *w->joint);
  w->sign = calloc(nim, sizeof *w->sign);
  w->block = calloc(nim, sizeof *w->block);
  w->text = calloc(ni ? ni : 1, sizeof *w->text);
  w->gain = calloc(nm, sizeof *w->gain);
  sh.row_of = malloc((s->n_issues ? s->n_issues : 1) * sizeof *sh.row_of);
  sh.member_of = malloc((s->n_actors ? s->n_actors : 1) * sizeof *sh.member_of);
  sh.text = malloc(runs * (ni ? ni : 1) * sizeof *sh.text);
  sh.agreed = malloc(runs * sizeof *sh.agreed);
  sh.rift = malloc(runs * 6 * sizeof *sh.rift);
  sh.gain = malloc(runs * nm * sizeof *sh.gain);
  if (!w->issue || !w->member || !w->stmt || !w->joint || !w->sign || !w->block || !w->text ||
      !w->gain || !sh.row_of || !sh.member_of || !sh.text || !sh.rift || !sh.gain || !sh.agreed)
    goto nomem;
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
    k->seen = malloc(nim);
    k->stmt = calloc(ni ? ni : 1, sizeof *k->stmt);
    k->joint = calloc(ni ? ni : 1, sizeof *k->joint);
    k->sign = calloc(nim, sizeof *k->sign);
    k->block = calloc(nim, sizeof *k->block);
    if (!k->draw || !k->seen || !k->stmt || !k->joint || !k->sign || !k->block) goto nomem;
  }
  size_t loaded = 0;
  if (o->db_path) {
    concert_diag_clear(&sh.store_diag);
    st = store_open(&sh, &ks[0], &loaded, d);
    if (st) goto done;
  }
  atomic_init(&sh.next, 0), atomic_init(&sh.done, loaded), atomic_init(&sh.stop, 0);
  /* with a database, even one worker gets its own thread: the calling thread writes */
  sh.inline_ = nthreads == 1 && !sh.store;
  if (sh.inline_) {
    work(&ks[0]);
  } else {
    size_t started = 0;
    for (; started < nthreads; started++)
      if (pthread_create(&ks[started].tid, NULL, work, &ks[started])) break;
    if (started < nthreads) atomic_store(&sh.stop, 1);
    while (started == nthreads && atomic_load(&sh.done) < runs && !atomic_load(&sh.stop)) {
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
  if (atomic_load(&sh.done) < runs) {
    st = CONCERT_FAIL(d, CONCERT_ERR_CANCELLED, "the sweep was cancelled after %zu of %zu runs",
                      (size_t)atomic_load(&sh.done), runs);
    goto done;
  }
  if (o->progress && !sh.inline_) o->progress(runs, runs, o->user);
  for (size_t t = 0; t < nthreads; t++) {
    for (int q = 0; q < 5; q++) w->fate[q] += ks[t].fate[q];
    for (size_t i = 0; i < ni; i++) w->stmt[i] += ks[t].stmt[i], w->joint[i] += ks[t].joint[i];
    for (size_t i = 0; i < ni * nm; i++) w->sign[i] += ks[t].sign[i], w->block[i] += ks[t].block[i];
  }
  double *buf = malloc(runs * sizeof *buf);
  if (!buf) goto nomem;
  for (size_t i = 0; i < ni; i++) w->text[i] = spread(sh.text + i, runs, ni, buf);
  for (int q = 0; q < 6; q++) w->rift[q] = spread(sh.rift + q, runs, 6, buf);
  w->agreed = spread(sh.agreed, runs, 1, buf);
  for (size_t m = 0; m < nm; m++) w->gain[m] = spread(sh.gain + m, runs, nm, buf);
  free(buf);
  goto done;
nomem:
  st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
done:
  for (size_t t = 0; ks && t < nthreads; t++) worker_free(&ks[t]);
  free(ks);
  free(sh.row_of), free(sh.member_of), free(sh.text), free(sh.rift), free(sh.gain), free(sh.agreed);
  concert_i_store_close(sh.store);
  free(sh.v.have), free(sh.v.fate), free(sh.v.kind), free(sh.v.flags), free((void *)sh.ready);
  concert_params_free(proto);
  if (st) concert_sweep_free(w);
  else *out = w;
  return st;
}

static concert_estimate estimate(size_t k, size_t n) {
  double p = n ? (double)k / (double)n : NAN;
  return (concert_estimate){p, n ? sqrt(p * (1 - p) / (double)n) : NAN};
}

const concert_scenario *concert_sweep_scenario(const concert_sweep *w) { return w ? w->s : NULL; }
size_t concert_sweep_forum(const concert_sweep *w) { return w ? w->forum : 0; }
const char *concert_sweep_model(const concert_sweep *w) { return w ? w->model : ""; }
size_t concert_sweep_runs(const concert_sweep *w) { return w ? w->runs : 0; }
uint64_t concert_sweep_seed(const concert_sweep *w) { return w ? w->seed : 0; }
concert_estimate concert_sweep_fate(const concert_sweep *w, concert_document_fate f) {
  return (unsigned)f < 5 ? estimate(w->fate[f], w->runs) : estimate(0, 0);
}
size_t concert_sweep_issue_count(const concert_sweep *w) { return w ? w->ni : 0; }
size_t concert_sweep_issue(const concert_sweep *w, size_t i) {
  return i < w->ni ? w->issue[i] : SIZE_MAX;
}
size_t concert_sweep_member_count(const concert_sweep *w) { return w ? w->nm : 0; }
size_t concert_sweep_member(const concert_sweep *w, size_t m) {
  return m < w->nm ? w->member[m] : SIZE_MAX;
}
concert_estimate concert_sweep_statement(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->stmt[i], w->runs) : estimate(0, 0);
}
concert_estimate concert_sweep_joint(const concert_sweep *w, size_t i) {
  return i < w->ni ? estimate(w->joint[i], w->runs) : estimate(0, 0);
}
concert_estimate concert_sweep_signs(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->sign[i * w->nm + m], w->runs) : estimate(0, 0);
}
concert_estimate concert_sweep_blocks(const concert_sweep *w, size_t i, size_t m) {
  return i < w->ni && m < w->nm ? estimate(w->block[i * w->nm + m], w->runs) : estimate(0, 0);
}
static concert_spread none(void) {
  concert_spread sp = {.mean = NAN, .se = NAN};
  for (int q = 0; q < 5; q++) sp.q[q] = NAN;
  return sp;
}
concert_spread concert_sweep_agreed(const concert_sweep *w) { return w->agreed; }
concert_spread concert_sweep_text(const concert_sweep *w, size_t i) {
  return i < w->ni ? w->text[i] : none();
}
concert_spread concert_sweep_rift(const concert_sweep *w, concert_rift_component c) {
  return (unsigned)c < 6 ? w->rift[c] : none();
}
concert_spread concert_sweep_net_gain(const concert_sweep *w, size_t m) {
  return m < w->nm ? w->gain[m] : none();
}
