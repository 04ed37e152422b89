/* igraph_lazy.c: opens libigraph.so.3 on first use and resolves the functions network.c
 * calls (see igraph_lazy.h for why). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include "network/igraph_lazy.h"
#include "status/diag.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static concert_i_igraph table;   /* filled once by load_once, read-only afterwards */
static const char *missing;      /* the first symbol not found, or NULL */

static void load_once(void) {
  void *h = dlopen("libigraph.so.3", RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    missing = "libigraph.so.3";
    return;
  }
  struct {
    const char *name; /* symbol */
    void **slot;      /* where its address goes */
  } syms[] = {
#define SYM(field, name) {name, (void **)&table.field}
      SYM(vector_int_init, "igraph_vector_int_init"),
      SYM(vector_int_destroy, "igraph_vector_int_destroy"),
      SYM(vector_init, "igraph_vector_init"),
      SYM(vector_destroy, "igraph_vector_destroy"),
      SYM(create, "igraph_create"),
      SYM(destroy, "igraph_destroy"),
      SYM(degree, "igraph_degree"),
      SYM(strength, "igraph_strength"),
      SYM(betweenness, "igraph_betweenness"),
      SYM(centralization_degree, "igraph_centralization_degree"),
      SYM(centralization_betweenness, "igraph_centralization_betweenness"),
      SYM(vss_all, "igraph_vss_all"),
      SYM(strerror_, "igraph_strerror"),
      SYM(set_error_handler, "igraph_set_error_handler"),
      SYM(set_warning_handler, "igraph_set_warning_handler"),
      SYM(error_handler_ignore, "igraph_error_handler_ignore"),
      SYM(warning_handler_ignore, "igraph_warning_handler_ignore"),
#undef SYM
  };
  for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
    *syms[i].slot = dlsym(h, syms[i].name);
    if (!*syms[i].slot) {
      missing = syms[i].name;
      return;
    }
  }
}

const concert_i_igraph *concert_i_igraph_load(concert_diag *d) {
  if (pthread_once(&once, load_once) != 0 || missing) {
    CONCERT_FAIL(d, CONCERT_ERR_UNSUPPORTED,
                 "deal networks need igraph 0.10 (libigraph.so.3, Debian package libigraph3): "
                 "cannot load %s", missing ? missing : "it");
    return NULL;
  }
  return &table;
}
