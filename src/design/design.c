/* design.c: membership search (docs/design.md): every K-member forum of the candidates,
 * built from a template forum, played or swept, scored and ranked; forums split across
 * threads by an atomic counter, each result stored at its enumeration index, so the
 * ranking never depends on the thread count. */
#include <concert/compare.h>
#include <concert/design.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "design/design_i.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/engine_i.h"
#include "summit/outcome_i.h"

#define MAX_FORUMS 10000000u

enum { N_OBJECTIVES = 4 };
static const char *const obj_names[N_OBJECTIVES] = {"agreed-coverage", "communique", "agreed",
                                                    "balance"};

const char *concert_design_objective_name(concert_design_objective obj) {
  return (unsigned)obj < N_OBJECTIVES ? obj_names[obj] : NULL;
}

bool concert_design_objective_find(const char *name, concert_design_objective *obj) {
  for (unsigned i = 0; name && i < N_OBJECTIVES; i++)
    if (strcmp(name, obj_names[i]) == 0) {
      if (obj) *obj = (concert_design_objective)i;
      return true;
    }
  return false;
}

void concert_design_options_init(concert_design_options *o) {
  memset(o, 0, sizeof *o);
  o->objective = CONCERT_DESIGN_AGREED_COVERAGE;
  o->runs = 1, o->seed = 1, o->threads = 1;
}

/* Shared state of the workers. */
typedef struct shared {
  const concert_scenario *s;
  const concert_design_options *o;
  const concert_model *model;
  const concert_params *mparams;
  concert_design *d;
  double cap_total;   /* capability summed over the candidates */
  atomic_size_t next; /* next forum to hand out */
  atomic_int stop;    /* set on an error */
} shared;

typedef struct worker {
  shared *sh;
  pthread_t tid;
  concert_status st; /* first error */
  size_t err_forum;  /* its forum */
  concert_diag diag; /* its diagnostic */
} worker;

/* The chair of members m[0..K): the largest capability, the first on a tie. */
static size_t chair_of(const concert_scenario *s, const size_t *m, size_t K) {
  size_t c = m[0];
  for (size_t q = 1; q < K; q++)
    if (s->actors[m[q]].capability > s->actors[c].capability) c = m[q];
  return c;
}

/* Capability evenness of members m[0..K): (1 - H) / (1 - 1/K), H the Herfindahl index of
 * their capability shares; 1 for K = 1 or when no member has capability. */
static double evenness_of(const concert_scenario *s, const size_t *m, size_t K) {
  double tot = 0, h = 0;
  for (size_t q = 0; q < K; q++) tot += s->actors[m[q]].capability;
  if (K < 2 || !(tot > 0)) return 1;
  for (size_t q = 0; q < K; q++) {
    double c = s->actors[m[q]].capability / tot;
    h += c * c;
  }
  return (1 - h) / (1 - 1 / (double)K);
}

/* Forum j of the design as a one-forum scenario: sc (a shallow copy of s) and f. */
static void build(const shared *sh, size_t j, concert_scenario *sc, concert_i_forum *f) {
  const concert_scenario *s = sh->s;
  const concert_design *d = sh->d;
  const size_t *m = d->members + j * d->size;
  *f = s->forums[sh->o->template_forum];
  f->members = (size_t *)m, f->n_members = d->size;
  f->chair = d->forums[j].chair;
  f->invited = NULL, f->n_invited = 0, f->events = NULL, f->n_events = 0;
  *sc = *s;
  sc->forums = f, sc->n_forums = 1;
}

/* The coverage of the forum of outcome o into r (year d->year), or capability shares. */
static concert_status cover(const shared *sh, const concert_outcome *o, const size_t *m,
                            concert_design_forum *r, concert_diag *diag) {
  const concert_design *d = sh->d;
  for (int k = 0; k < 3; k++) r->cover[k] = NAN;
  if (d->year) {
    concert_measures_options mo;
    concert_measures_options_init(&mo);
    mo.year = d->year;
    concert_measures *ms = NULL;
    concert_status st = concert_measures_compute(o, sh->o->world, &mo, &ms, diag);
    if (st) return st;
    concert_coverage c = concert_measures_coverage(ms);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < 3; k++) {
      r->cover[k] = c.share[k];
      if (isfinite(c.share[k])) sum += c.share[k], n++;
    }
    r->coverage = n ? sum / n : 0;
    concert_measures_free(ms);
  } else {
    double c = 0;
    for (size_t q = 0; q < d->size; q++) c += sh->s->actors[m[q]].capability;
    r->coverage = sh->cap_total > 0 ? c / sh->cap_total : 0;
  }
  return CONCERT_OK;
}

/* Stores forum j's measured values (r's numbers) as bit patterns in d->vals. */
static void store(concert_design *d, size_t j, const concert_design_forum *r) {
  const double v[CONCERT_I_DESIGN_NV] = {r->agreed,   r->agreed_se, r->communique, r->communique_se,
                                         r->coverage, r->cover[0],  r->cover[1],   r->cover[2]};
  memcpy(d->vals + j * CONCERT_I_DESIGN_NV, v, sizeof v);
}

static concert_status evaluate(shared *sh, size_t j, concert_diag *diag) {
  const concert_design_options *o = sh->o;
  concert_design *d = sh->d;
  concert_design_forum r = {0};
  concert_scenario sc;
  concert_i_forum f;
  build(sh, j, &sc, &f);
  concert_outcome *out = NULL;
  /* at runs > 1 this play only feeds the coverage: the chair's forgo count is skipped */
  concert_status st = concert_i_summit_run_mode(
      &sc, 0, sh->model, sh->mparams, o->protocol,
      o->runs <= 1 ? CONCERT_I_PLAY_QUICK : CONCERT_I_PLAY_NO_FORGO, &out, diag);
  if (!st) st = cover(sh, out, d->members + j * d->size, &r, diag);
  if (st) {
    concert_outcome_free(out);
    return st;
  }
  if (o->runs <= 1) {
    concert_document_fate fate = concert_outcome_communique(out).fate;
    r.agreed = concert_outcome_agreed_share(out), r.agreed_se = NAN;
    r.communique =
        fate == CONCERT_DOCUMENT_ISSUED || fate == CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT;
    r.communique_se = NAN;
    concert_outcome_free(out);
  } else {
    concert_outcome_free(out);
    concert_sweep_options so;
    concert_sweep_options_init(&so);
    so.runs = o->runs, so.seed = o->seed, so.threads = 1, so.forum = 0, so.counts_only = true;
    so.model = o->model, so.model_params = o->model_params, so.protocol = o->protocol;
    concert_sweep *w = NULL;
    st = concert_sweep_run(&sc, &so, &w, diag);
    if (st) return st;
    concert_spread a = concert_sweep_agreed(w);
    r.agreed = a.mean, r.agreed_se = a.se;
    double p = concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED).p +
               concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT).p;
    r.communique = p, r.communique_se = sqrt(p * (1 - p) / (double)o->runs);
    concert_sweep_free(w);
  }
  store(d, j, &r);
  return CONCERT_OK;
}

/* Forum j's score from its values and the objective. */
static void score(const concert_design *d, concert_design_forum *r) {
  switch (d->objective) {
    case CONCERT_DESIGN_COMMUNIQUE:
      r->score = r->communique, r->score_se = r->communique_se;
      break;
    case CONCERT_DESIGN_AGREED:
      r->score = r->agreed, r->score_se = r->agreed_se;
      break;
    case CONCERT_DESIGN_BALANCE:
      r->score = r->agreed * r->evenness, r->score_se = r->agreed_se * r->evenness;
      break;
    default:
      r->score = r->agreed * r->coverage, r->score_se = r->agreed_se * r->coverage;
  }
}

static void *work(void *arg) {
  worker *k = arg;
  shared *sh = k->sh;
  size_t parts = sh->o->parts > 1 ? sh->o->parts : 1;
  for (;;) {
    if (atomic_load(&sh->stop)) break;
    /* the t-th forum of this part: j = part + t x parts */
    size_t t = atomic_fetch_add(&sh->next, 1);
    size_t j = (parts > 1 ? sh->o->part : 0) + t * parts;
    if (j >= sh->d->n) break;
    concert_status st = evaluate(sh, j, &k->diag);
    if (st) {
      k->st = st, k->err_forum = j;
      atomic_store(&sh->stop, 1);
      break;
    }
  }
  return NULL;
}

/* Merge sort of idx by by_rank (stable and reentrant; qsort's comparator needs a global). */
static void rank_sort(size_t *idx, size_t *tmp, size_t n, const concert_design_forum *f) {
  if (n < 2) return;
  size_t h = n / 2;
  rank_sort(idx, tmp, h, f), rank_sort(idx + h, tmp, n - h, f);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) {
    const concert_design_forum *x = &f[idx[i]], *y = &f[idx[j]];
    bool nx = isnan(x->score), ny = isnan(y->score);
    bool take_y =
        nx != ny ? nx : (!nx && x->score != y->score ? y->score > x->score : y->index < x->index);
    tmp[k++] = take_y ? idx[j++] : idx[i++];
  }
  while (i < h) tmp[k++] = idx[i++];
  while (j < n) tmp[k++] = idx[j++];
  memcpy(idx, tmp, n * sizeof *idx);
}

/* The coverage year: the all-candidate forum's default year, 0 when coverage is unknown. */
static concert_status pick_year(shared *sh, concert_diag *diag) {
  const concert_design_options *o = sh->o;
  concert_design *d = sh->d;
  d->year = 0;
  if (!o->world) return CONCERT_OK;
  const concert_scenario *s = sh->s;
  concert_i_forum f = s->forums[o->template_forum];
  f.members = (size_t *)o->candidates, f.n_members = o->n_candidates, f.chair = o->candidates[0];
  f.invited = NULL, f.n_invited = 0, f.events = NULL, f.n_events = 0;
  concert_scenario sc = *s;
  sc.forums = &f, sc.n_forums = 1;
  concert_outcome *out = NULL;
  concert_measures *ms = NULL;
  concert_measures_options mo;
  concert_measures_options_init(&mo);
  mo.year = o->year;
  concert_status st = concert_i_summit_run_mode(&sc, 0, sh->model, sh->mparams, o->protocol,
                                                CONCERT_I_PLAY_NO_FORGO, &out, diag);
  if (!st) st = concert_measures_compute(out, o->world, &mo, &ms, diag);
  if (!st) {
    concert_coverage c = concert_measures_coverage(ms);
    bool any = false;
    for (int k = 0; k < 3; k++) any |= isfinite(c.share[k]);
    if (c.computed && any) d->year = c.year;
  }
  concert_measures_free(ms);
  concert_outcome_free(out);
  return st;
}

concert_status concert_design_run(const concert_scenario *s, const concert_design_options *o,
                                  concert_design **out, concert_diag *diag) {
  if (!s || !o || !out || (!o->candidates && o->n_candidates))
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  size_t n = o->n_candidates, K = o->size;
  if (o->template_forum >= s->n_forums)
    return CONCERT_FAIL(diag, CONCERT_ERR_NOT_FOUND, "no forum %zu", o->template_forum);
  if (K < 1 || K > n)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                        "the forum size %zu must be between 1 and the %zu candidates", K, n);
  if ((unsigned)o->objective >= N_OBJECTIVES)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "unknown objective %d", (int)o->objective);
  if (o->parts > 1 && o->part >= o->parts)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "part %zu of %zu: parts count from 0", o->part,
                        o->parts);
  const concert_i_forum *tf = &s->forums[o->template_forum];
  for (size_t i = 0; i < n; i++) {
    size_t a = o->candidates[i];
    if (a >= s->n_actors) return CONCERT_FAIL(diag, CONCERT_ERR_NOT_FOUND, "no actor %zu", a);
    for (size_t j = 0; j < i; j++)
      if (o->candidates[j] == a)
        return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "candidate %s is listed twice",
                            s->actors[a].id);
    for (size_t q = 0; q < tf->n_sessions; q++)
      for (size_t x = 0; x < tf->sessions[q].n_issues; x++) {
        size_t k = tf->sessions[q].issues[x];
        if (!concert_i_stance_at(s, a, k)->set)
          return CONCERT_FAIL(diag, CONCERT_ERR_MISSING,
                              "candidate %s holds no stance on issue %s of the agenda of %s",
                              s->actors[a].id, s->issues[k].id, tf->id);
      }
  }
  /* C(n, K), refusing more than MAX_FORUMS */
  double cnt = 1;
  for (size_t i = 0; i < K; i++) cnt = cnt * (double)(n - i) / (double)(i + 1);
  if (cnt > MAX_FORUMS + 0.5)
    return CONCERT_FAIL(diag, CONCERT_ERR_TOO_LARGE, "%.0f forums: more than %u", cnt, MAX_FORUMS);
  size_t nf = (size_t)(cnt + 0.5);
  const concert_model *model = o->model ? o->model : concert_model_find(s->model);
  if (!model) return CONCERT_FAIL(diag, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  concert_design *d = calloc(1, sizeof *d);
  if (!d) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  d->s = s, d->n = nf, d->size = K, d->runs = o->runs ? o->runs : 1, d->seed = o->seed;
  d->objective = o->objective, d->template_forum = o->template_forum;
  snprintf(d->model, sizeof d->model, "%s", concert_model_name(model));
  d->members = malloc(nf * K * sizeof *d->members);
  d->forums = calloc(nf, sizeof *d->forums);
  d->vals = calloc(nf * CONCERT_I_DESIGN_NV, sizeof *d->vals);
  d->rank = malloc(nf * sizeof *d->rank);
  size_t *pos = malloc(K * sizeof *pos);
  worker *ks = NULL;
  concert_status st = CONCERT_OK;
  if (!d->members || !d->forums || !d->vals || !d->rank || !pos) goto nomem;
  /* lexicographic enumeration of K positions out of n */
  for (size_t i = 0; i < K; i++) pos[i] = i;
  for (size_t j = 0; j < nf; j++) {
    for (size_t i = 0; i < K; i++) d->members[j * K + i] = o->candidates[pos[i]];
    concert_design_forum *r = &d->forums[j];
    r->members = d->members + j * K, r->index = j;
    r->chair = chair_of(s, r->members, K), r->evenness = evenness_of(s, r->members, K);
    size_t i = K;
    while (i > 0 && pos[i - 1] == n - K + i - 1) i--;
    if (i == 0) break;
    pos[i - 1]++;
    for (size_t q = i; q < K; q++) pos[q] = pos[q - 1] + 1;
  }
  shared sh = {.s = s,
               .o = o,
               .model = model,
               .d = d,
               .mparams = o->model ? o->model_params
                                   : (o->model_params ? o->model_params : s->model_params)};
  for (size_t i = 0; i < n; i++) sh.cap_total += s->actors[o->candidates[i]].capability;
  st = pick_year(&sh, diag);
  if (st) goto done;
  size_t nthreads = o->threads > 1 ? o->threads : 1;
  if (nthreads > nf) nthreads = nf;
  if (nthreads < 1) nthreads = 1;
  ks = calloc(nthreads, sizeof *ks);
  if (!ks) goto nomem;
  size_t started = 0;
  for (size_t t = 0; t < nthreads; t++) {
    ks[t].sh = &sh;
    concert_diag_clear(&ks[t].diag);
  }
  for (size_t t = 1; t < nthreads; t++, started++)
    if (pthread_create(&ks[t].tid, NULL, work, &ks[t])) break;
  work(&ks[0]);
  for (size_t t = 1; t <= started; t++) pthread_join(ks[t].tid, NULL);
  worker *bad = NULL;
  for (size_t t = 0; t < nthreads; t++)
    if (ks[t].st && (!bad || ks[t].err_forum < bad->err_forum)) bad = &ks[t];
  if (bad) {
    if (diag) *diag = bad->diag;
    st = bad->st;
    goto done;
  }
  if (o->parts <= 1) st = concert_design_merge_values(d, diag);
  goto done;
nomem:
  st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
done:
  free(ks), free(pos);
  if (st)
    concert_design_free(d);
  else
    *out = d;
  return st;
}

uint64_t *concert_design_values(concert_design *d, size_t *n) {
  if (n) *n = d ? d->n * CONCERT_I_DESIGN_NV : 0;
  return d ? d->vals : NULL;
}

concert_status concert_design_merge_values(concert_design *d, concert_diag *diag) {
  if (!d) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  size_t *tmp = malloc((d->n ? d->n : 1) * sizeof *tmp);
  if (!tmp) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t j = 0; j < d->n; j++) {
    concert_design_forum *r = &d->forums[j];
    double v[CONCERT_I_DESIGN_NV];
    memcpy(v, d->vals + j * CONCERT_I_DESIGN_NV, sizeof v);
    r->agreed = v[0], r->agreed_se = v[1], r->communique = v[2], r->communique_se = v[3];
    r->coverage = v[4], r->cover[0] = v[5], r->cover[1] = v[6], r->cover[2] = v[7];
    score(d, r);
    d->rank[j] = j;
  }
  rank_sort(d->rank, tmp, d->n, d->forums);
  free(tmp);
  d->ranked = true;
  return CONCERT_OK;
}

void concert_design_free(concert_design *d) {
  if (!d) return;
  free(d->members), free(d->forums), free(d->vals), free(d->rank), free(d);
}

size_t concert_design_count(const concert_design *d) { return d ? d->n : 0; }
int concert_design_year(const concert_design *d) { return d ? d->year : 0; }
const concert_design_forum *concert_design_ranked(const concert_design *d, size_t r) {
  return d && d->ranked && r < d->n ? &d->forums[d->rank[r]] : NULL;
}
