/* range.c: read accessors for the judgment ranges kept beside every calibrated number
 * (stance fields, capability, reversion point) and the file's codebook version. */
#include "scenario/scenario_i.h"

static concert_range public_range(double value, const concert_i_range *r) {
  return (concert_range){value, r->lo, r->hi, r->prov == CONCERT_I_PROV_JUDGMENT};
}

const concert_i_range *concert_i_stance_range(const concert_i_stance *st,
                                              concert_stance_field field) {
  switch (field) {
    case CONCERT_FIELD_POSITION:
      return &st->position_range;
    case CONCERT_FIELD_SALIENCE:
      return &st->salience_range;
    case CONCERT_FIELD_TOLERANCE:
      return &st->tolerance_range;
    case CONCERT_FIELD_RED_LINE:
      return &st->red_line_range;
  }
  return NULL;
}

int concert_scenario_codebook(const concert_scenario *s) { return s ? s->codebook : 0; }

bool concert_scenario_stance_range(const concert_scenario *s, size_t a, size_t k,
                                   concert_stance_field field, concert_range *r) {
  if (!s || !r || a >= s->n_actors || k >= s->n_issues) return false;
  const concert_i_stance *st = concert_i_stance_at(s, a, k);
  const concert_i_range *x = concert_i_stance_range(st, field);
  if (!st->set || !x) return false;
  double v = field == CONCERT_FIELD_POSITION    ? st->position
             : field == CONCERT_FIELD_SALIENCE  ? st->salience
             : field == CONCERT_FIELD_TOLERANCE ? st->tolerance
                                                : st->red_line;
  *r = public_range(v, x);
  return true;
}

bool concert_scenario_actor_capability_range(const concert_scenario *s, size_t a,
                                             concert_range *r) {
  if (!s || !r || a >= s->n_actors) return false;
  *r = public_range(s->actors[a].capability, &s->actors[a].capability_range);
  return true;
}

bool concert_scenario_issue_reversion_range(const concert_scenario *s, size_t k, concert_range *r) {
  if (!s || !r || k >= s->n_issues) return false;
  *r = public_range(s->issues[k].reversion, &s->issues[k].reversion_range);
  return true;
}
