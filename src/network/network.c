/* network.c: deal networks on igraph 0.10 (include/concert/network.h, docs/network.md).
 *
 * The ties are checked, normalised to a < b, sorted and merged; igraph then gives the
 * degrees, strengths, betweenness and Freeman centralizations, which are copied into the
 * concert_network so that no igraph object outlives the constructor. igraph's error
 * handler, which aborts by default, is switched to igraph_error_handler_ignore (and the
 * warning handler to igraph_warning_handler_ignore, as the library never prints) for the
 * duration of each build and restored afterwards; every igraph return is checked.
 *
 * Debian 12's igraph is built with IGRAPH_THREAD_SAFE = 0: its error handlers and
 * internal state are process-wide. A static mutex therefore serialises the igraph part
 * of each build, so that threaded sweeps may build networks concurrently. It is the one
 * piece of static state here, and it holds no data. */
#include <igraph/igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concert/network.h"
#include "network/igraph_lazy.h"
#include "status/diag.h"

struct concert_network {
  size_t n;                  /* actors (vertices) */
  size_t e;                  /* distinct edges */
  concert_network_tie *edge; /* e edges, a < b, sorted by (a, b), summed weights */
  size_t *degree;            /* n degrees */
  double *strength;          /* n strengths */
  double *betweenness;       /* n betweenness scores */
  double total_weight;       /* sum of edge weights */
  double cent_degree;        /* Freeman degree centralization, normalized */
  double cent_betweenness;   /* Freeman betweenness centralization, normalized */
  size_t hub;                /* hub or CONCERT_NETWORK_NO_HUB */
  size_t *spoke;             /* n_spokes spokes, ascending */
  size_t n_spokes;           /* the hub's degree */
};

/* Names used in messages: the list ("ties", "deals") and its two actor fields. */
typedef struct tie_names {
  const char *list, *a, *b;
} tie_names;

void concert_network_free(concert_network *net) {
  if (!net) return;
  free(net->edge);
  free(net->degree);
  free(net->strength);
  free(net->betweenness);
  free(net->spoke);
  free(net);
}

static int by_pair(const void *pa, const void *pb) {
  const concert_network_tie *x = pa, *y = pb;
  if (x->a != y->a) return x->a < y->a ? -1 : 1;
  if (x->b != y->b) return x->b < y->b ? -1 : 1;
  return 0;
}

/* Checks one tie (index i of the named list). */
static concert_status check_tie(size_t n, const concert_network_tie *t, size_t i,
                                const tie_names *nm, concert_diag *d) {
  char path[96];
  if (t->a >= n || t->b >= n) {
    int first = t->a >= n;
    snprintf(path, sizeof path, "%s[%zu].%s", nm->list, i, first ? nm->a : nm->b);
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                          "%s %zu ties actor %zu, but the network has only %zu actors "
                          "(indices 0 to %zu)",
                          nm->list, i, first ? t->a : t->b, n, n - 1);
  }
  if (t->a == t->b) {
    snprintf(path, sizeof path, "%s[%zu].%s", nm->list, i, nm->b);
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, path,
                          "%s %zu ties actor %zu to itself", nm->list, i, t->a);
  }
  if (!isfinite(t->weight) || t->weight <= 0) {
    snprintf(path, sizeof path, "%s[%zu].weight", nm->list, i);
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                          "%s %zu has weight %g; it must be finite and > 0", nm->list, i,
                          t->weight);
  }
  return CONCERT_OK;
}

/* Maps an igraph error to a status with a message. */
static concert_status igraph_fail(const concert_i_igraph *ig, concert_diag *d, igraph_error_t err,
                                  const char *what) {
  return CONCERT_FAIL(d, err == IGRAPH_ENOMEM ? CONCERT_ERR_NOMEM : CONCERT_ERR_NUMERIC,
                      "igraph failed in %s: %s", what, ig->strerror_(err));
}

/* Runs igraph on the merged edges and fills degree, strength, betweenness and the two
 * centralizations. The caller has set the error handlers. */
static concert_status measure(const concert_i_igraph *ig, concert_network *net, concert_diag *d) {
  igraph_t g;
  igraph_vector_int_t ev, deg;
  igraph_vector_t w, str, bet;
  int have_ev = 0, have_g = 0, have_w = 0, have_deg = 0, have_str = 0, have_bet = 0;
  concert_status st = CONCERT_OK;
  igraph_error_t err;
  const char *what = "";
  igraph_real_t cd = 0, cb = 0, tmax = 0;
  size_t n = net->n, e = net->e;

#define IG(call, name)                                                                    \
  do {                                                                                    \
    what = (name);                                                                        \
    if ((err = (call)) != IGRAPH_SUCCESS) goto fail;                                      \
  } while (0)

  IG(ig->vector_int_init(&ev, (igraph_integer_t)(2 * e)), "igraph_vector_int_init");
  have_ev = 1;
  IG(ig->vector_init(&w, (igraph_integer_t)e), "igraph_vector_init");
  have_w = 1;
  for (size_t i = 0; i < e; i++) {
    VECTOR(ev)[2 * i] = (igraph_integer_t)net->edge[i].a;
    VECTOR(ev)[2 * i + 1] = (igraph_integer_t)net->edge[i].b;
    VECTOR(w)[i] = net->edge[i].weight;
  }
  IG(ig->create(&g, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED), "igraph_create");
  have_g = 1;
  IG(ig->vector_int_init(&deg, 0), "igraph_vector_int_init");
  have_deg = 1;
  IG(ig->degree(&g, &deg, ig->vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "igraph_degree");
  IG(ig->vector_init(&str, 0), "igraph_vector_init");
  have_str = 1;
  IG(ig->strength(&g, &str, ig->vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w),
     "igraph_strength");
  IG(ig->vector_init(&bet, 0), "igraph_vector_init");
  have_bet = 1;
  IG(ig->betweenness(&g, &bet, ig->vss_all(), IGRAPH_UNDIRECTED, NULL),
     "igraph_betweenness");
  IG(ig->centralization_degree(&g, NULL, IGRAPH_ALL, IGRAPH_NO_LOOPS, &cd, &tmax, 1),
     "igraph_centralization_degree");
  IG(ig->centralization_betweenness(&g, NULL, IGRAPH_UNDIRECTED, &cb, &tmax, 1),
     "igraph_centralization_betweenness");
#undef IG
  for (size_t a = 0; a < n; a++) {
    net->degree[a] = (size_t)VECTOR(deg)[a];
    net->strength[a] = VECTOR(str)[a];
    net->betweenness[a] = VECTOR(bet)[a];
  }
  /* With fewer than 3 actors the theoretical maximum is 0 and igraph gives NaN; a
   * network that small has no centralization to speak of: 0 by convention. */
  net->cent_degree = (n >= 3 && isfinite(cd)) ? cd : 0;
  net->cent_betweenness = (n >= 3 && isfinite(cb)) ? cb : 0;
  goto done;
fail:
  st = igraph_fail(ig, d, err, what);
done:
  if (have_bet) ig->vector_destroy(&bet);
  if (have_str) ig->vector_destroy(&str);
  if (have_deg) ig->vector_int_destroy(&deg);
  if (have_g) ig->destroy(&g);
  if (have_w) ig->vector_destroy(&w);
  if (have_ev) ig->vector_int_destroy(&ev);
  return st;
}

/* Hub (highest degree; then higher betweenness, within a relative 1e-9 so that
 * rounding does not depend on the labelling; then lower index) and its spokes. */
static concert_status find_hub(concert_network *net, concert_diag *d) {
  size_t hub = CONCERT_NETWORK_NO_HUB;
  for (size_t a = 0; a < net->n; a++) {
    if (net->degree[a] == 0) continue;
    if (hub == CONCERT_NETWORK_NO_HUB || net->degree[a] > net->degree[hub]) {
      hub = a;
      continue;
    }
    if (net->degree[a] < net->degree[hub]) continue;
    double bh = net->betweenness[hub], ba = net->betweenness[a];
    if (ba > bh + 1e-9 * (1 + fabs(bh))) hub = a;
  }
  net->hub = hub;
  if (hub == CONCERT_NETWORK_NO_HUB) return CONCERT_OK;
  net->spoke = malloc(net->degree[hub] * sizeof *net->spoke);
  if (!net->spoke) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < net->e; i++) { /* edges are sorted by (a, b) */
    if (net->edge[i].a == hub) net->spoke[net->n_spokes++] = net->edge[i].b;
    else if (net->edge[i].b == hub) net->spoke[net->n_spokes++] = net->edge[i].a;
  }
  /* Edges (s, hub), s < hub, come first in ascending s, then (hub, s) in ascending s:
   * the spokes are already ascending. The insertion sort only guards that (O(d)). */
  for (size_t i = 1; i < net->n_spokes; i++)
    for (size_t j = i; j > 0 && net->spoke[j - 1] > net->spoke[j]; j--) {
      size_t t = net->spoke[j];
      net->spoke[j] = net->spoke[j - 1];
      net->spoke[j - 1] = t;
    }
  return CONCERT_OK;
}

/* Builds from ties already checked; takes ownership of `own` (n_ties normalised ties). */
static concert_status build(size_t n, concert_network_tie *own, size_t n_ties,
                            concert_network **out, concert_diag *d) {
  concert_network *net = calloc(1, sizeof *net);
  if (!net) {
    free(own);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  net->n = n;
  net->hub = CONCERT_NETWORK_NO_HUB;
  net->edge = own;
  if (n_ties > 1) qsort(own, n_ties, sizeof *own, by_pair);
  size_t e = 0;
  for (size_t i = 0; i < n_ties; i++) {
    if (e > 0 && own[e - 1].a == own[i].a && own[e - 1].b == own[i].b)
      own[e - 1].weight += own[i].weight;
    else
      own[e++] = own[i];
  }
  net->e = e;
  for (size_t i = 0; i < e; i++) net->total_weight += own[i].weight;
  if (!isfinite(net->total_weight)) {
    concert_network_free(net);
    return CONCERT_FAIL(d, CONCERT_ERR_RANGE, "the weights of the ties overflow");
  }
  net->degree = calloc(n, sizeof *net->degree);
  net->strength = calloc(n, sizeof *net->strength);
  net->betweenness = calloc(n, sizeof *net->betweenness);
  if (!net->degree || !net->strength || !net->betweenness) {
    concert_network_free(net);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  const concert_i_igraph *ig = concert_i_igraph_load(d);
  if (!ig) {
    concert_network_free(net);
    return d ? d->status : CONCERT_ERR_UNSUPPORTED;
  }
  static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;
  if (pthread_mutex_lock(&igraph_lock) != 0) {
    concert_network_free(net);
    return CONCERT_FAIL(d, CONCERT_ERR_NUMERIC, "cannot lock igraph");
  }
  igraph_error_handler_t *prev_err = ig->set_error_handler(ig->error_handler_ignore);
  igraph_warning_handler_t *prev_warn =
      ig->set_warning_handler(ig->warning_handler_ignore);
  concert_status st = measure(ig, net, d);
  ig->set_warning_handler(prev_warn);
  ig->set_error_handler(prev_err);
  pthread_mutex_unlock(&igraph_lock);
  if (!st) st = find_hub(net, d);
  if (st) {
    concert_network_free(net);
    return st;
  }
  *out = net;
  return CONCERT_OK;
}

/* Common checks of sizes; *own receives a fresh array for n_ties ties. */
static concert_status start(size_t n, size_t n_ties, concert_network **out,
                            concert_network_tie **own, concert_diag *d) {
  if (!out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "out must not be NULL");
  *out = NULL;
  if (n == 0) return CONCERT_FAIL(d, CONCERT_ERR_EMPTY, "a network needs at least one actor");
  if ((uint64_t)n > (uint64_t)IGRAPH_VCOUNT_MAX || (uint64_t)n_ties > (uint64_t)IGRAPH_ECOUNT_MAX ||
      n_ties > SIZE_MAX / sizeof **own || n > SIZE_MAX / sizeof(double))
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "network too large for igraph (%zu actors, "
                        "%zu ties)", n, n_ties);
  *own = malloc((n_ties ? n_ties : 1) * sizeof **own);
  if (!*own) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

concert_status concert_network_new(size_t n_actors, const concert_network_tie *ties,
                                   size_t n_ties, concert_network **out, concert_diag *diag) {
  if (n_ties && !ties)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "ties must not be NULL");
  concert_network_tie *own = NULL;
  concert_status st = start(n_actors, n_ties, out, &own, diag);
  if (st) return st;
  static const tie_names names = {"ties", "a", "b"};
  for (size_t i = 0; i < n_ties; i++) {
    if ((st = check_tie(n_actors, &ties[i], i, &names, diag))) {
      free(own);
      return st;
    }
    own[i] = ties[i];
    if (own[i].a > own[i].b) own[i].a = ties[i].b, own[i].b = ties[i].a;
  }
  return build(n_actors, own, n_ties, out, diag);
}

concert_status concert_network_from_deals(size_t n_actors, const concert_deal *deals,
                                          size_t n_deals, concert_network_weight weight,
                                          concert_network **out, concert_diag *diag) {
  if (n_deals && !deals)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "deals must not be NULL");
  if (weight != CONCERT_NETWORK_WEIGHT_COUNT && weight != CONCERT_NETWORK_WEIGHT_GAIN)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "unknown deal weighting %d", (int)weight);
  concert_network_tie *own = NULL;
  concert_status st = start(n_actors, n_deals, out, &own, diag);
  if (st) return st;
  static const tie_names names = {"deals", "actor_a", "actor_b"};
  for (size_t i = 0; i < n_deals; i++) {
    concert_network_tie t = {.a = deals[i].actor_a, .b = deals[i].actor_b, .weight = 1};
    if (weight == CONCERT_NETWORK_WEIGHT_GAIN) {
      t.weight = deals[i].gain_a + deals[i].gain_b;
      if (!isfinite(t.weight) || t.weight <= 0) {
        free(own);
        char path[64];
        snprintf(path, sizeof path, "deals[%zu].gain_a", i);
        return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                              "deal %zu has gains %g + %g; their sum must be finite and > 0",
                              i, deals[i].gain_a, deals[i].gain_b);
      }
    }
    if ((st = check_tie(n_actors, &t, i, &names, diag))) {
      free(own);
      return st;
    }
    if (t.a > t.b) {
      size_t x = t.a;
      t.a = t.b;
      t.b = x;
    }
    own[i] = t;
  }
  return build(n_actors, own, n_deals, out, diag);
}

void concert_network_summarize(const concert_network *net, concert_network_summary *out) {
  if (!out) return;
  memset(out, 0, sizeof *out);
  out->hub = CONCERT_NETWORK_NO_HUB;
  if (!net) return;
  out->n_actors = net->n;
  out->n_edges = net->e;
  out->total_weight = net->total_weight;
  out->degree_centralization = net->cent_degree;
  out->betweenness_centralization = net->cent_betweenness;
  out->hub = net->hub;
  out->n_spokes = net->n_spokes;
}

concert_status concert_network_actor_stats(const concert_network *net, size_t a,
                                           concert_network_actor *out) {
  if (!net || !out || a >= net->n) return CONCERT_ERR_RANGE;
  out->degree = net->degree[a];
  out->strength = net->strength[a];
  out->betweenness = net->betweenness[a];
  out->is_hub = a == net->hub;
  out->is_spoke = false;
  for (size_t i = 0; i < net->n_spokes; i++)
    if (net->spoke[i] == a) out->is_spoke = true;
  return CONCERT_OK;
}

size_t concert_network_actors(const concert_network *net) { return net ? net->n : 0; }
size_t concert_network_edges(const concert_network *net) { return net ? net->e : 0; }
const concert_network_tie *concert_network_edge(const concert_network *net, size_t i) {
  return (net && i < net->e) ? &net->edge[i] : NULL;
}
size_t concert_network_degree(const concert_network *net, size_t a) {
  return (net && a < net->n) ? net->degree[a] : 0;
}
double concert_network_strength(const concert_network *net, size_t a) {
  return (net && a < net->n) ? net->strength[a] : NAN;
}
double concert_network_betweenness(const concert_network *net, size_t a) {
  return (net && a < net->n) ? net->betweenness[a] : NAN;
}
double concert_network_degree_centralization(const concert_network *net) {
  return net ? net->cent_degree : NAN;
}
double concert_network_betweenness_centralization(const concert_network *net) {
  return net ? net->cent_betweenness : NAN;
}
size_t concert_network_hub(const concert_network *net) {
  return net ? net->hub : CONCERT_NETWORK_NO_HUB;
}
size_t concert_network_spoke_count(const concert_network *net) {
  return net ? net->n_spokes : 0;
}
size_t concert_network_spoke(const concert_network *net, size_t i) {
  return (net && i < net->n_spokes) ? net->spoke[i] : CONCERT_NETWORK_NO_HUB;
}
