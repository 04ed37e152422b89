/* scenario.c: the scenario object: allocation, release and read accessors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_i.h"

concert_scenario *concert_i_scenario_alloc(void) { return calloc(1, sizeof(concert_scenario)); }

char *concert_i_strdup(const char *s) {
  if (!s) s = "";
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

void concert_scenario_free(concert_scenario *s) {
  if (!s) return;
  for (size_t a = 0; a < s->n_actors; a++) {
    free(s->actors[a].id);
    free(s->actors[a].name);
    free(s->actors[a].source);
  }
  free(s->actors);
  free(s->warnings);
  for (size_t k = 0; k < s->n_issues; k++) {
    concert_i_issue *q = &s->issues[k];
    free(q->id), free(q->title), free(q->low), free(q->high), free(q->category), free(q->source);
    for (int j = 0; j < 3; j++) free(q->mid[j]);
  }
  free(s->issues);
  if (s->stances)
    for (size_t i = 0; i < s->n_actors * s->n_issues; i++) free(s->stances[i].source);
  free(s->stances);
  for (size_t f = 0; f < s->n_forums; f++) {
    concert_i_forum *fo = &s->forums[f];
    free(fo->id), free(fo->name), free(fo->members), free(fo->invited);
    for (size_t j = 0; j < fo->n_sessions; j++) {
      free(fo->sessions[j].id), free(fo->sessions[j].title), free(fo->sessions[j].issues);
    }
    free(fo->sessions);
    for (size_t j = 0; j < fo->n_events; j++) free(fo->events[j].source);
    free(fo->events);
  }
  free(s->forums);
  free(s->file), free(s->name), free(s->description), free(s->model);
  concert_params_free(s->model_params);
  concert_params_free(s->protocol);
  free(s);
}

const char *concert_scenario_name(const concert_scenario *s) { return s ? s->name : ""; }
const char *concert_scenario_file(const concert_scenario *s) { return s ? s->file : ""; }
uint64_t concert_scenario_hash(const concert_scenario *s) { return s ? s->hash : 0; }

uint64_t concert_i_fnv1a(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
  return h;
}
const char *concert_scenario_model(const concert_scenario *s) { return s ? s->model : ""; }
const concert_params *concert_scenario_model_params(const concert_scenario *s) {
  return s ? s->model_params : NULL;
}
const concert_params *concert_scenario_protocol(const concert_scenario *s) {
  return s ? s->protocol : NULL;
}
size_t concert_scenario_actor_count(const concert_scenario *s) { return s ? s->n_actors : 0; }
const char *concert_scenario_actor_id(const concert_scenario *s, size_t a) {
  return (s && a < s->n_actors) ? s->actors[a].id : NULL;
}
const char *concert_scenario_actor_name(const concert_scenario *s, size_t a) {
  return (s && a < s->n_actors) ? s->actors[a].name : NULL;
}
double concert_scenario_actor_capability(const concert_scenario *s, size_t a) {
  return (s && a < s->n_actors) ? s->actors[a].capability : NAN;
}
bool concert_scenario_actor_find(const concert_scenario *s, const char *id, size_t *a) {
  if (!s || !id) return false;
  for (size_t i = 0; i < s->n_actors; i++)
    if (strcmp(s->actors[i].id, id) == 0) {
      if (a) *a = i;
      return true;
    }
  return false;
}
size_t concert_scenario_issue_count(const concert_scenario *s) { return s ? s->n_issues : 0; }
const char *concert_scenario_issue_id(const concert_scenario *s, size_t k) {
  return (s && k < s->n_issues) ? s->issues[k].id : NULL;
}
const char *concert_scenario_issue_title(const concert_scenario *s, size_t k) {
  return (s && k < s->n_issues) ? s->issues[k].title : NULL;
}
double concert_scenario_issue_reversion(const concert_scenario *s, size_t k) {
  return (s && k < s->n_issues) ? s->issues[k].reversion : NAN;
}
const char *concert_scenario_issue_category(const concert_scenario *s, size_t k) {
  return (s && k < s->n_issues) ? s->issues[k].category : NULL;
}
bool concert_scenario_issue_has_tag(const concert_scenario *s, size_t k, const char *tag) {
  if (!s || k >= s->n_issues || !tag) return false;
  unsigned t = s->issues[k].tags;
  if (strcmp(tag, "core-security") == 0) return t & CONCERT_I_TAG_CORE_SECURITY;
  if (strcmp(tag, "trade") == 0) return t & CONCERT_I_TAG_TRADE;
  if (strcmp(tag, "membership") == 0) return t & CONCERT_I_TAG_MEMBERSHIP;
  return false;
}
bool concert_scenario_stance(const concert_scenario *s, size_t a, size_t k, double *position,
                             double *salience) {
  if (!s || a >= s->n_actors || k >= s->n_issues) return false;
  const concert_i_stance *st = concert_i_stance_at(s, a, k);
  if (!st->set) return false;
  if (position) *position = st->position;
  if (salience) *salience = st->salience;
  return true;
}
size_t concert_scenario_forum_count(const concert_scenario *s) { return s ? s->n_forums : 0; }
const char *concert_scenario_forum_id(const concert_scenario *s, size_t f) {
  return (s && f < s->n_forums) ? s->forums[f].id : NULL;
}
bool concert_scenario_forum_find(const concert_scenario *s, const char *id, size_t *f) {
  if (!s || !id) return false;
  for (size_t i = 0; i < s->n_forums; i++)
    if (strcmp(s->forums[i].id, id) == 0) {
      if (f) *f = i;
      return true;
    }
  return false;
}
size_t concert_scenario_forum_member_count(const concert_scenario *s, size_t f) {
  return (s && f < s->n_forums) ? s->forums[f].n_members : 0;
}
size_t concert_scenario_forum_member(const concert_scenario *s, size_t f, size_t i) {
  return (s && f < s->n_forums && i < s->forums[f].n_members) ? s->forums[f].members[i] : 0;
}
concert_rule concert_scenario_forum_rule(const concert_scenario *s, size_t f) {
  concert_rule r = {CONCERT_RULE_UNANIMITY, 0, 1, 1};
  return (s && f < s->n_forums) ? s->forums[f].rule : r;
}

size_t concert_scenario_warning_count(const concert_scenario *s) { return s ? s->n_warnings : 0; }

const concert_diag *concert_scenario_warning(const concert_scenario *s, size_t i) {
  return s && i < s->n_warnings ? &s->warnings[i] : NULL;
}
