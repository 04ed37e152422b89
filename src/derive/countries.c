/* countries.c: country names by ISO3 and the EU-27 member states, for derive. Names come
 * from DIR/world/focus_countries.csv (the G20 and EU states, which also gives the EU27
 * group) and then DIR/derived/unga_country_iso3.csv (every state that voted in the UN
 * General Assembly); EU and AU are named here. Lookups are linear: about 200 codes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/csv_reader_i.h"
#include "derive/derive_i.h"
#include "status/diag.h"

static int column(const concert_i_csv_record *h, const char *name) {
  for (size_t i = 0; i < h->n; i++)
    if (strcmp(h->field[i], name) == 0) return (int)i;
  return -1;
}

static concert_status add(concert_i_countries *c, const char *iso3, const char *name) {
  if (strlen(iso3) == 0 || strlen(iso3) >= sizeof c->iso3[0] || concert_i_country_name(c, iso3))
    return CONCERT_OK;
  if (c->n == c->cap) {
    size_t cap = c->cap ? 2 * c->cap : 256;
    char(*v)[8] = realloc(c->iso3, cap * sizeof *v);
    if (!v) return CONCERT_ERR_NOMEM;
    c->iso3 = v;
    char **w = realloc(c->name, cap * sizeof *w);
    if (!w) return CONCERT_ERR_NOMEM;
    c->name = w, c->cap = cap;
  }
  size_t len = strlen(name);
  char *s = malloc(len + 1);
  if (!s) return CONCERT_ERR_NOMEM;
  memcpy(s, name, len + 1);
  memcpy(c->iso3[c->n], iso3, strlen(iso3) + 1);
  c->name[c->n++] = s;
  return CONCERT_OK;
}

/* Reads one table: the columns of the code, the name and (optional) the groups. */
static concert_status read_table(concert_i_countries *c, const char *path, const char *code_col,
                                 const char *name_col, const char *groups_col, concert_diag *d) {
  concert_i_csv_records rows = {0};
  concert_status st = concert_i_csv_collect_file(path, path, NULL, &rows, d);
  if (!st && rows.n == 0) st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, 1, 0, NULL, "empty file");
  int ic = -1, in = -1, ig = -1;
  if (!st) {
    ic = column(&rows.rows[0], code_col), in = column(&rows.rows[0], name_col);
    ig = groups_col ? column(&rows.rows[0], groups_col) : -1;
    if (ic < 0 || in < 0 || (groups_col && ig < 0))
      st = concert_i_fail(d, CONCERT_ERR_MISSING, path, 1, 0, NULL,
                          "the header lacks '%s', '%s'%s%s", code_col, name_col,
                          groups_col ? " or " : "", groups_col ? groups_col : "");
  }
  for (size_t r = 1; !st && r < rows.n; r++) {
    const concert_i_csv_record *x = &rows.rows[r];
    if ((size_t)ic >= x->n || (size_t)in >= x->n || (ig >= 0 && (size_t)ig >= x->n)) {
      st = concert_i_fail(d, CONCERT_ERR_MISSING, path, x->line, 0, NULL, "the row is too short");
      break;
    }
    if (add(c, x->field[ic], x->field[in]))
      st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    if (!st && ig >= 0 && strstr(x->field[ig], "EU27") && strlen(x->field[ic]) < 8 && c->n_eu < 27)
      memcpy(c->eu[c->n_eu++], x->field[ic], strlen(x->field[ic]) + 1);
  }
  concert_i_csv_records_free(&rows);
  return st;
}

concert_status concert_i_countries_load(const char *dir, concert_i_countries *c, concert_diag *d) {
  memset(c, 0, sizeof *c);
  char path[4096];
  if (add(c, "EU", "European Union") || add(c, "AU", "African Union"))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  snprintf(path, sizeof path, "%s/world/focus_countries.csv", dir);
  concert_status st = read_table(c, path, "iso3", "name", "groups", d);
  if (!st && c->n_eu != 27)
    st = concert_i_fail(d, CONCERT_ERR_INVALID, path, 0, 0, "groups",
                        "expected 27 EU27 member states, found %zu", c->n_eu);
  if (!st) {
    snprintf(path, sizeof path, "%s/derived/unga_country_iso3.csv", dir);
    st = read_table(c, path, "iso3", "country", NULL, d);
  }
  return st;
}

void concert_i_countries_free(concert_i_countries *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) free(c->name[i]);
  free(c->name);
  free(c->iso3);
  memset(c, 0, sizeof *c);
}

const char *concert_i_country_name(const concert_i_countries *c, const char *iso3) {
  for (size_t i = 0; iso3 && i < c->n; i++)
    if (strcmp(c->iso3[i], iso3) == 0) return c->name[i];
  return NULL;
}

bool concert_i_country_in_eu(const concert_i_countries *c, const char *iso3) {
  for (size_t i = 0; iso3 && i < c->n_eu; i++)
    if (strcmp(c->eu[i], iso3) == 0) return true;
  return false;
}
