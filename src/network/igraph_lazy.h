/* network/igraph_lazy.h: igraph, loaded on first use.
 *
 * Linking libigraph makes every process load its dependency chain (BLAS, LAPACK, ARPACK,
 * GLPK, libxml2, ICU, OpenMP): about 5.6 ms of start-up measured here, for every `concert`
 * command, most of which never build a network. So libigraph.so.3 is opened with dlopen
 * the first time a network is built, and the functions network.c needs are resolved into
 * one table. The table is filled once (pthread_once) and read-only afterwards. */
#ifndef CONCERT_I_IGRAPH_LAZY_H
#define CONCERT_I_IGRAPH_LAZY_H
#include <concert/status.h>
#include <igraph/igraph.h>

typedef struct concert_i_igraph {
  __typeof__(igraph_vector_int_init) *vector_int_init;
  __typeof__(igraph_vector_int_destroy) *vector_int_destroy;
  __typeof__(igraph_vector_init) *vector_init;
  __typeof__(igraph_vector_destroy) *vector_destroy;
  __typeof__(igraph_create) *create;
  __typeof__(igraph_destroy) *destroy;
  __typeof__(igraph_degree) *degree;
  __typeof__(igraph_strength) *strength;
  __typeof__(igraph_betweenness) *betweenness;
  __typeof__(igraph_centralization_degree) *centralization_degree;
  __typeof__(igraph_centralization_betweenness) *centralization_betweenness;
  __typeof__(igraph_vss_all) *vss_all;
  __typeof__(igraph_strerror) *strerror_;
  __typeof__(igraph_set_error_handler) *set_error_handler;
  __typeof__(igraph_set_warning_handler) *set_warning_handler;
  igraph_error_handler_t *error_handler_ignore;     /* igraph's own "ignore" handlers */
  igraph_warning_handler_t *warning_handler_ignore;
} concert_i_igraph;

/** The igraph functions, loading libigraph.so.3 on the first call; NULL (and diag filled,
 * CONCERT_ERR_UNSUPPORTED) when the library or a symbol cannot be found. Thread-safe. */
const concert_i_igraph *concert_i_igraph_load(concert_diag *d);

#endif
