/* concert/network.h: deal networks. The bilateral deals of a summit (or any weighted
 * pairs of actors) as an undirected weighted graph, with per-actor degree, strength and
 * betweenness, Freeman's degree and betweenness centralization, the hub and its spokes.
 * Built on igraph 0.10; definitions and sources in docs/network.md. Builds may run from
 * several threads (the igraph part is serialised internally); a built network is
 * immutable. */
#ifndef CONCERT_NETWORK_H
#define CONCERT_NETWORK_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "export.h"
#include "model.h"
#include "status.h"

/** The value of concert_network_hub when the network has no edge (no hub). */
#define CONCERT_NETWORK_NO_HUB SIZE_MAX

/** A tie between two actors: plain input to concert_network_new, and the edges of a
 * built network (there with a < b, summed weights, sorted by (a, b)). */
typedef struct concert_network_tie {
  size_t a, b;   /* actor indices, a != b, each < n_actors */
  double weight; /* finite and > 0 */
} concert_network_tie;

/** How a deal weighs in concert_network_from_deals. */
typedef enum concert_network_weight {
  CONCERT_NETWORK_WEIGHT_COUNT = 0, /* each deal adds 1 to its pair's tie */
  CONCERT_NETWORK_WEIGHT_GAIN = 1   /* each deal adds gain_a + gain_b to its pair's tie */
} concert_network_weight;

/** Graph-level figures, a small public value struct (one JSON object). */
typedef struct concert_network_summary {
  size_t n_actors;                   /* vertices */
  size_t n_edges;                    /* distinct pairs with at least one tie */
  double total_weight;               /* sum of edge weights */
  double degree_centralization;      /* Freeman, normalized to [0, 1]; 0 if n < 3 */
  double betweenness_centralization; /* Freeman, normalized to [0, 1]; 0 if n < 3 */
  size_t hub;                        /* the hub, or CONCERT_NETWORK_NO_HUB */
  size_t n_spokes;                   /* neighbours of the hub (= its degree) */
} concert_network_summary;

/** Per-actor figures, a small public value struct (one JSON object per actor). */
typedef struct concert_network_actor {
  size_t degree;      /* number of distinct partners */
  double strength;    /* sum of the weights of the actor's ties */
  double betweenness; /* unweighted shortest-path betweenness (undirected, unnormalized) */
  bool is_hub;        /* the actor is the hub */
  bool is_spoke;      /* the actor is a neighbour of the hub */
} concert_network_actor;

typedef struct concert_network concert_network; /* a built deal network (owned, opaque) */

/** Builds the network of n_actors actors from n_ties ties (ties may be NULL when
 * n_ties is 0). Repeated pairs, in either order, are merged and their weights summed.
 * Refused: n_actors == 0 (CONCERT_ERR_EMPTY); an index >= n_actors (CONCERT_ERR_RANGE,
 * path "ties[i].a" or ".b"); a == b (CONCERT_ERR_INVALID); a weight NaN, infinite or
 * <= 0 (CONCERT_ERR_RANGE). On success *out is a new network the caller frees with
 * concert_network_free; on failure *out is NULL.
 * Complexity: O(t log t + n e) time for t ties, n actors and e distinct edges
 * (Brandes' betweenness), O(n + t) memory. */
CONCERT_API concert_status concert_network_new(size_t n_actors,
                                               const concert_network_tie *ties, size_t n_ties,
                                               concert_network **out, concert_diag *diag);

/** Builds the network of the deals (e.g. concert_solution_deal of the exchange model):
 * each deal ties actor_a and actor_b with a weight given by `weight`. Same refusals
 * (paths "deals[i].actor_a" / ".actor_b") and complexity as concert_network_new; with
 * CONCERT_NETWORK_WEIGHT_GAIN a deal whose gains do not sum to a positive finite number
 * is refused. The caller frees *out with concert_network_free. */
CONCERT_API concert_status concert_network_from_deals(size_t n_actors,
                                                      const concert_deal *deals,
                                                      size_t n_deals,
                                                      concert_network_weight weight,
                                                      concert_network **out,
                                                      concert_diag *diag);

/** Frees a network; NULL is harmless. */
CONCERT_API void concert_network_free(concert_network *net);

/** Graph-level figures into *out. O(1). */
CONCERT_API void concert_network_summarize(const concert_network *net,
                                           concert_network_summary *out);
/** Actor a's figures into *out; returns CONCERT_ERR_RANGE if a >= actors. O(1). */
CONCERT_API concert_status concert_network_actor_stats(const concert_network *net, size_t a,
                                                       concert_network_actor *out);

/** Number of actors (vertices). O(1). */
CONCERT_API size_t concert_network_actors(const concert_network *net);
/** Number of distinct edges. O(1). */
CONCERT_API size_t concert_network_edges(const concert_network *net);
/** Edge i (a < b, summed weight; edges sorted by (a, b)); NULL if out of range. The
 * pointer lives as long as net. O(1). */
CONCERT_API const concert_network_tie *concert_network_edge(const concert_network *net,
                                                            size_t i);
/** Actor a's degree (distinct partners); 0 if out of range. O(1). */
CONCERT_API size_t concert_network_degree(const concert_network *net, size_t a);
/** Actor a's strength (sum of its edge weights); NaN if out of range. O(1). */
CONCERT_API double concert_network_strength(const concert_network *net, size_t a);
/** Actor a's betweenness (unweighted, undirected, each unordered pair of other actors
 * counted once); NaN if out of range. O(1). */
CONCERT_API double concert_network_betweenness(const concert_network *net, size_t a);
/** Freeman's degree centralization sum_i (d_max - d_i) / ((n-1)(n-2)), in [0, 1];
 * 0 for fewer than 3 actors. O(1). */
CONCERT_API double concert_network_degree_centralization(const concert_network *net);
/** Freeman's betweenness centralization sum_i (b_max - b_i) / ((n-1)^2 (n-2) / 2), in
 * [0, 1]; 0 for fewer than 3 actors. O(1). */
CONCERT_API double concert_network_betweenness_centralization(const concert_network *net);
/** The hub: the actor of highest degree, ties broken by higher betweenness, then by
 * lower index; CONCERT_NETWORK_NO_HUB when there is no edge. O(1). */
CONCERT_API size_t concert_network_hub(const concert_network *net);
/** Number of spokes (the hub's neighbours); 0 without a hub. O(1). */
CONCERT_API size_t concert_network_spoke_count(const concert_network *net);
/** Spoke i in ascending actor order; CONCERT_NETWORK_NO_HUB if out of range. O(1). */
CONCERT_API size_t concert_network_spoke(const concert_network *net, size_t i);

#ifdef __cplusplus
}
#endif
#endif
