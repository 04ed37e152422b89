/* reader_text.c: what a reader of a scenario sees beside its numbers: the words of each
 * issue's scale, the invited partners, and the source texts (for reports and charts). */
#include <concert/scenario.h>
#include <stdint.h>

#include "scenario_i.h"

static const char *text(const char *t) { return t ? t : ""; }

const char *concert_scenario_issue_anchor(const concert_scenario *s, size_t k, int point) {
  if (!s || k >= s->n_issues) return NULL;
  const concert_i_issue *q = &s->issues[k];
  switch (point) {
    case 0: return text(q->low);
    case 25: return text(q->mid[0]);
    case 50: return text(q->mid[1]);
    case 75: return text(q->mid[2]);
    case 100: return text(q->high);
  }
  return NULL;
}

const char *concert_scenario_issue_source(const concert_scenario *s, size_t k) {
  return s && k < s->n_issues ? text(s->issues[k].source) : NULL;
}

const char *concert_scenario_actor_source(const concert_scenario *s, size_t a) {
  return s && a < s->n_actors ? text(s->actors[a].source) : NULL;
}

const char *concert_scenario_stance_source(const concert_scenario *s, size_t a, size_t k) {
  if (!s || a >= s->n_actors || k >= s->n_issues) return NULL;
  const concert_i_stance *st = concert_i_stance_at(s, a, k);
  return st->set ? text(st->source) : NULL;
}

size_t concert_scenario_forum_invited_count(const concert_scenario *s, size_t f) {
  return s && f < s->n_forums ? s->forums[f].n_invited : 0;
}

size_t concert_scenario_forum_invited(const concert_scenario *s, size_t f, size_t i) {
  if (!s || f >= s->n_forums || i >= s->forums[f].n_invited) return SIZE_MAX;
  return s->forums[f].invited[i];
}

size_t concert_scenario_forum_event_count(const concert_scenario *s, size_t f) {
  return s && f < s->n_forums ? s->forums[f].n_events : 0;
}

const char *concert_scenario_forum_event_source(const concert_scenario *s, size_t f, size_t i) {
  if (!s || f >= s->n_forums || i >= s->forums[f].n_events) return NULL;
  return text(s->forums[f].events[i].source);
}
