/* workspace.c: one engine and its outcome kept from run to run (engine_i.h). A sweep worker
 * plays thousands of summits on one draw whose numbers change in place: setting the engine
 * up (protocol read, model found, working arrays allocated) and allocating the outcome once,
 * then refreshing the numbers and resetting the outcome per run, gives the same outcome as
 * a fresh concert_i_summit_run_mode at a fraction of the cost. */
#include <stdlib.h>

#include "status/diag.h"
#include "summit/engine_i.h"

struct concert_i_summit_ws {
  concert_i_engine e; /* set up once on the borrowed scenario */
  concert_i_play mode; /* how each run is played */
  concert_outcome *o;  /* the last run's outcome (NULL before the first) */
};

concert_status concert_i_summit_ws_new(const concert_scenario *s, size_t fi,
                                       const concert_model *model,
                                       const concert_params *model_params,
                                       const concert_params *protocol, concert_i_play mode,
                                       concert_i_summit_ws **out, concert_diag *d) {
  *out = NULL;
  concert_i_summit_ws *w = calloc(1, sizeof *w);
  if (!w) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  concert_status st = concert_i_engine_init(&w->e, s, fi, model, model_params, protocol, d);
  if (st) {
    concert_i_engine_free(&w->e);
    free(w);
    return st;
  }
  w->mode = mode;
  /* Only the forgo count over the judgment ranges (forgo.c) and the reasons (a full play)
   * move a stance's numbers: without them the engine reads the scenario's stances in place
   * instead of a copy refreshed every run. */
  if (mode != CONCERT_I_PLAY_FULL && w->e.p.forgo_point) {
    free(w->e.st);
    w->e.st = (concert_i_stance *)s->stances; /* never written in this mode */
    w->e.st_borrowed = true;
  }
  *out = w;
  return CONCERT_OK;
}

void concert_i_summit_ws_free(concert_i_summit_ws *w) {
  if (!w) return;
  concert_outcome_free(w->o);
  concert_i_engine_free(&w->e);
  free(w);
}

concert_status concert_i_summit_ws_play(concert_i_summit_ws *w, const concert_outcome **out,
                                        concert_diag *d) {
  w->e.d = d;
  concert_i_engine_refresh(&w->e);
  concert_status st = concert_i_summit_replay(&w->e, w->mode, &w->o, NULL);
  *out = st ? NULL : w->o;
  return st;
}
