/* solution_json.c: a model's solution as JSON: every round's positions, forecast and mean. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "io/json_out.h"
#include "model/model_i.h"
#include "status/diag.h"

concert_status concert_solution_to_json(const concert_solution *s, const char *const *actor_ids,
                                        const char *const *issue_ids, char **out,
                                        concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  size_t n = concert_solution_actors(s), m = concert_solution_issues(s);
  char an[32], in[32];
#define ANAME(a) (actor_ids ? actor_ids[a] : (snprintf(an, sizeof an, "#%zu", (size_t)(a)), an))
#define INAME(k) (issue_ids ? issue_ids[k] : (snprintf(in, sizeof in, "#%zu", (size_t)(k)), in))
  json_t *root = json_object();
  json_object_set_new(root, "schema", json_string("concert-solution/1"));
  json_object_set_new(root, "stop_reason", json_string(concert_solution_stop_reason(s)));
  json_t *outc = json_object();
  for (size_t k = 0; k < m; k++)
    json_object_set_new(outc, INAME(k), concert_i_json_num(concert_solution_outcome(s, k)));
  json_object_set_new(root, "outcome", outc);
  json_t *rounds = json_array();
  for (size_t r = 0; r < concert_solution_rounds(s); r++) {
    json_t *x = json_object(), *fc = json_object(), *mn = json_object(), *pos = json_object();
    json_object_set_new(x, "round", json_integer((json_int_t)r));
    for (size_t k = 0; k < m; k++) {
      json_object_set_new(fc, INAME(k),
                          concert_i_json_num(concert_solution_round_outcome(s, r, k)));
      json_object_set_new(mn, INAME(k), concert_i_json_num(concert_solution_round_mean(s, r, k)));
    }
    for (size_t a = 0; a < n; a++) {
      json_t *pa = json_object();
      for (size_t k = 0; k < m; k++)
        json_object_set_new(pa, INAME(k),
                            concert_i_json_num(concert_solution_position(s, r, a, k)));
      json_object_set_new(pos, ANAME(a), pa);
    }
    json_object_set_new(x, "forecast", fc);
    json_object_set_new(x, "mean", mn);
    json_object_set_new(x, "positions", pos);
    json_array_append_new(rounds, x);
  }
  json_object_set_new(root, "rounds", rounds);
  json_t *deals = json_array();
  for (size_t i = 0; i < concert_solution_deal_count(s); i++) {
    const concert_deal *dl = concert_solution_deal(s, i);
    json_t *x = json_object();
    json_object_set_new(x, "round", json_integer((json_int_t)dl->round));
    json_object_set_new(x, "a", json_string(ANAME(dl->actor_a)));
    json_object_set_new(x, "b", json_string(ANAME(dl->actor_b)));
    json_object_set_new(x, "a_gives_on", json_string(INAME(dl->issue_a)));
    json_object_set_new(x, "b_gives_on", json_string(INAME(dl->issue_b)));
    json_object_set_new(x, "shift_a", concert_i_json_num(dl->shift_a));
    json_object_set_new(x, "shift_b", concert_i_json_num(dl->shift_b));
    json_object_set_new(x, "gain_a", concert_i_json_num(dl->gain_a));
    json_object_set_new(x, "gain_b", concert_i_json_num(dl->gain_b));
    json_array_append_new(deals, x);
  }
  json_object_set_new(root, "deals", deals);
#undef ANAME
#undef INAME
  return concert_i_json_finish(root, 0, 12, out, d, "out of memory");
}
