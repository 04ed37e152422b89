/* params.c: named parameters (numbers or words) and their checking against specs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/params.h>

#include "io/number.h"
#include "status/diag.h"

typedef struct entry {
  char key[32];   /* parameter name */
  bool is_word;   /* which of num/word holds the value */
  double num;     /* number value */
  char word[64];  /* word value */
} entry;

struct concert_params {
  entry *e;       /* entries in insertion order */
  size_t n, cap;  /* used, allocated */
};

concert_params *concert_params_new(void) { return calloc(1, sizeof(concert_params)); }

concert_params *concert_params_clone(const concert_params *p) {
  concert_params *c = concert_params_new();
  if (!c || !p || p->n == 0) return c;
  c->e = malloc(p->n * sizeof *c->e);
  if (!c->e) {
    free(c);
    return NULL;
  }
  memcpy(c->e, p->e, p->n * sizeof *c->e);
  c->n = c->cap = p->n;
  return c;
}

void concert_params_free(concert_params *p) {
  if (!p) return;
  free(p->e);
  free(p);
}

static entry *slot(concert_params *p, const char *key) {
  for (size_t i = 0; i < p->n; i++)
    if (strcmp(p->e[i].key, key) == 0) return &p->e[i];
  if (p->n == p->cap) {
    size_t cap = p->cap ? 2 * p->cap : 8;
    entry *e = realloc(p->e, cap * sizeof *e);
    if (!e) return NULL;
    p->e = e;
    p->cap = cap;
  }
  entry *e = &p->e[p->n++];
  memset(e, 0, sizeof *e);
  snprintf(e->key, sizeof e->key, "%s", key);
  return e;
}

static const entry *find(const concert_params *p, const char *key) {
  if (!p || !key) return NULL;
  for (size_t i = 0; i < p->n; i++)
    if (strcmp(p->e[i].key, key) == 0) return &p->e[i];
  return NULL;
}

concert_status concert_params_set_number(concert_params *p, const char *key, double value) {
  if (!p || !key || strlen(key) >= sizeof((entry *)0)->key) return CONCERT_ERR_ARGUMENT;
  if (!isfinite(value)) return CONCERT_ERR_RANGE;
  entry *e = slot(p, key);
  if (!e) return CONCERT_ERR_NOMEM;
  e->is_word = false;
  e->num = value;
  return CONCERT_OK;
}

concert_status concert_params_set_word(concert_params *p, const char *key, const char *word) {
  if (!p || !key || !word || strlen(key) >= sizeof((entry *)0)->key ||
      strlen(word) >= sizeof((entry *)0)->word)
    return CONCERT_ERR_ARGUMENT;
  entry *e = slot(p, key);
  if (!e) return CONCERT_ERR_NOMEM;
  e->is_word = true;
  snprintf(e->word, sizeof e->word, "%s", word);
  return CONCERT_OK;
}

concert_status concert_params_set_text(concert_params *p, const char *text, concert_diag *d) {
  const char *eq = text ? strchr(text, '=') : NULL;
  if (!eq || eq == text || !eq[1])
    return concert_i_fail(d, CONCERT_ERR_SYNTAX, NULL, 0, 0, "param",
                          "expected key=value, got '%s'", text ? text : "");
  char key[32];
  size_t klen = (size_t)(eq - text);
  if (klen >= sizeof key)
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, "param", "key too long in '%s'", text);
  memcpy(key, text, klen);
  key[klen] = '\0';
  double v = 0;
  concert_i_num k = concert_i_number(eq + 1, &v);
  concert_status st;
  if (k != CONCERT_I_NUM_SYNTAX) {
    if (k != CONCERT_I_NUM_OK)
      return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, key, "'%s' %s", eq + 1,
                            concert_i_number_why(k));
    st = concert_params_set_number(p, key, v);
  } else {
    st = concert_params_set_word(p, key, eq + 1);
  }
  if (st) return concert_i_fail(d, st, NULL, 0, 0, key, "cannot set parameter '%s'", text);
  return CONCERT_OK;
}

size_t concert_params_count(const concert_params *p) { return p ? p->n : 0; }
const char *concert_params_key(const concert_params *p, size_t i) {
  return (p && i < p->n) ? p->e[i].key : NULL;
}
double concert_params_number(const concert_params *p, const char *key, double def) {
  const entry *e = find(p, key);
  return (e && !e->is_word) ? e->num : def;
}
const char *concert_params_word(const concert_params *p, const char *key, const char *def) {
  const entry *e = find(p, key);
  return (e && e->is_word) ? e->word : def;
}

/* True when word is one of the '|'-separated entries of list. */
static bool word_in(const char *word, const char *list) {
  size_t wl = strlen(word);
  for (const char *s = list; s && *s;) {
    const char *bar = strchr(s, '|');
    size_t l = bar ? (size_t)(bar - s) : strlen(s);
    if (l == wl && strncmp(s, word, l) == 0) return true;
    s = bar ? bar + 1 : NULL;
  }
  return false;
}

concert_status concert_params_check(const concert_params *p, const concert_param_spec *specs,
                                    size_t n_specs, const char *owner, concert_diag *d) {
  if (!p) return CONCERT_OK;
  for (size_t i = 0; i < p->n; i++) {
    const entry *e = &p->e[i];
    const concert_param_spec *s = NULL;
    for (size_t j = 0; j < n_specs; j++)
      if (strcmp(specs[j].key, e->key) == 0) s = &specs[j];
    if (!s) {
      char known[256] = "";
      size_t used = 0;
      for (size_t j = 0; j < n_specs && used < sizeof known; j++) {
        int k = snprintf(known + used, sizeof known - used, "%s%s", j ? ", " : "", specs[j].key);
        if (k > 0) used += (size_t)k;
      }
      return concert_i_fail(d, CONCERT_ERR_UNKNOWN_FIELD, NULL, 0, 0, e->key,
                            "%s takes no parameter '%s' (it takes: %s)", owner, e->key,
                            n_specs ? known : "none");
    }
    if (s->is_word != e->is_word)
      return concert_i_fail(d, CONCERT_ERR_TYPE, NULL, 0, 0, e->key,
                            "%s parameter '%s' must be %s", owner, e->key,
                            s->is_word ? "one of the words" : "a number");
    if (s->is_word && !word_in(e->word, s->words))
      return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, e->key,
                            "%s parameter '%s' is '%s'; allowed: %s", owner, e->key, e->word,
                            s->words);
    char v[32];
    if (!s->is_word && (e->num < s->min || e->num > s->max)) /* all its digits: not "100" */
      return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, e->key,
                            "%s parameter '%s' is %s; it must lie in [%g, %g]", owner, e->key,
                            concert_i_number_text(e->num, v, sizeof v), s->min, s->max);
  }
  return CONCERT_OK;
}
