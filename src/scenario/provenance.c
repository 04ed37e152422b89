/* provenance.c: the provenance kinds of sources (judgment, data:, exogenous:), the
 * "TO FILL" marker, and the list of not-coded fields that the YAML loader fills
 * (docs/scenario-format.md, "Calibrated numbers" and "Strict mode"). */
#include "scenario/provenance.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scenario/scenario_i.h"

/* Case does not matter: "Judgment:" is a judgment too, and must not slip past strict mode. */
static bool starts(const char *s, const char *p) { return strncasecmp(s, p, strlen(p)) == 0; }

unsigned char concert_i_prov_of(const char *source) {
  if (!source) return CONCERT_I_PROV_OTHER;
  while (*source == ' ' || *source == '\t') source++;
  if (starts(source, "judgment")) return CONCERT_I_PROV_JUDGMENT;
  if (starts(source, "data:")) return CONCERT_I_PROV_DATA;
  if (starts(source, "exogenous:")) return CONCERT_I_PROV_EXOGENOUS;
  return CONCERT_I_PROV_OTHER;
}

bool concert_i_not_coded(const char *text) { return text && strstr(text, CONCERT_I_TO_FILL); }

bool concert_i_source_blank(const char *source) {
  if (!source) return true;
  for (; *source; source++)
    if (*source != ' ' && *source != '\t' && *source != '\n' && *source != '\r') return false;
  return true;
}

concert_status concert_i_todo_add(concert_i_todo *t, const concert_diag *d) {
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 8;
    concert_diag *v = realloc(t->items, cap * sizeof *v);
    if (!v) return CONCERT_ERR_NOMEM;
    t->items = v;
    t->cap = cap;
  }
  t->items[t->n++] = *d;
  return CONCERT_OK;
}

typedef struct at {
  int line, column; /* where the field is */
  size_t i;         /* index in the order met: keeps ties stable */
} at;

static int by_place(const void *a, const void *b) {
  const at *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->column != y->column) return x->column < y->column ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

/* Stances are read after every actor's head, so the order met is not the file's. Sorts
 * (line, column, order met) keys, then permutes; on allocation failure the order met stays. */
void concert_i_todo_sort(concert_i_todo *t) {
  if (t->n < 2) return;
  at *key = malloc(t->n * sizeof *key);
  concert_diag *out = malloc(t->n * sizeof *out);
  if (key && out) {
    for (size_t i = 0; i < t->n; i++) key[i] = (at){t->items[i].line, t->items[i].column, i};
    qsort(key, t->n, sizeof *key, by_place);
    for (size_t i = 0; i < t->n; i++) out[i] = t->items[key[i].i];
    free(t->items);
    t->items = out;
    t->cap = t->n;
    out = NULL;
  }
  free(key);
  free(out);
}

void concert_i_todo_free(concert_i_todo *t) {
  free(t->items);
  *t = (concert_i_todo){NULL, 0, 0};
}

const char *const concert_i_number_keys[] = {"value", "low", "high", "dist", "sd", "source", NULL};
