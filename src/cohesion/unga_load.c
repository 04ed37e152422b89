/* unga_load.c: loads the UN General Assembly vote tables and the ideal points shipped in
 * data/world/ into dense, roll-call-indexed arrays: countries are interned to one byte,
 * roll-call ids index a lookup array, and each vote is one byte in a roll call x country
 * table, so that any group's agreement is a single pass over the roll calls in range.
 * Columns and checks: docs/cohesion.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohesion/cohesion_i.h"
#include "csv/csv_reader_i.h"
#include <concert/datadir.h>

#include "io/date.h"
#include "status/diag.h"

const char *const concert_i_unga_issue_codes[6] = {"me", "nu", "di", "hr", "co", "ec"};

static const char *const countries_cols[] = {"country_code", "country", "n_votes",
                                             "first_vote_date", "last_vote_date", "code_note"};
static const char *const rc_cols[] = {"rcid", "session", "importantvote", "date",
                                      "unres", "amend", "para"};
static const char *const issue_cols[] = {"rcid", "short_name", "issue"};
static const char *const vote_cols[] = {"rcid", "country_code", "vote"};
static const char *const focus_cols[] = {"name", "iso2", "iso3", "cow_ccode", "cow_stateabb",
                                         "unga_votes_country_name", "sipri_country_name",
                                         "world_bank_country_name", "groups"};
static const char *const ideal_cols[] = {
    "year",      "ccode",      "session",     "NVotesAll", "IdealPointAll", "QO%All",
    "Q5%All",    "Q10%All",    "Q50%All",     "Q90%All",   "Q95%All",       "Q100%All",
    "iso3c",     "Countryname", "USAgree",    "RUSSAgree", "BrazilAgree",   "ChinaAgree",
    "IndiaAgree", "IsraelAgree"};
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const *const table_cols[6] = {countries_cols, rc_cols,    issue_cols,
                                                 vote_cols,      focus_cols, ideal_cols};
static const size_t table_ncols[6] = {NCOLS(countries_cols), NCOLS(rc_cols),
                                      NCOLS(issue_cols),     NCOLS(vote_cols),
                                      NCOLS(focus_cols),     NCOLS(ideal_cols)};

concert_unga *concert_i_unga_new(void) { return calloc(1, sizeof(concert_unga)); }

void concert_unga_free(concert_unga *u) {
  if (!u) return;
  for (size_t i = 0; i < u->n_countries; i++) free(u->country[i].name);
  for (size_t i = 0; i < u->n_focus; i++) {
    free(u->focus[i].name);
    free(u->focus[i].groups);
  }
  for (size_t i = 0; i < u->n_ideal; i++) free(u->ideal[i].name);
  free(u->focus);
  free(u->ideal);
  free(u->rc_of_rcid);
  free(u->rc_rcid);
  free(u->rc_year);
  free(u->rc_issues);
  free(u->votes);
  free(u);
}

size_t concert_unga_roll_calls(const concert_unga *u) { return u ? u->n_rc : 0; }
size_t concert_unga_votes(const concert_unga *u) { return u ? u->n_votes : 0; }

/* The slot of a 2- or 3-letter capital code, or -1. */
static int slot_of(const char *s, size_t n) {
  if (n < 2 || n > 3) return -1;
  for (size_t i = 0; i < n; i++)
    if (s[i] < 'A' || s[i] > 'Z') return -1;
  int a = s[0] - 'A', b = s[1] - 'A';
  if (n == 2) return a * 26 + b;
  return 26 * 26 + (a * 26 + b) * 26 + (s[2] - 'A');
}

static int is_upper3(const char *s, size_t n) {
  return n == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' &&
         s[2] <= 'Z';
}

/* YYYY-MM-DD naming a real day (io/date.h: 2023-02-30 is refused). */
static int is_date(const char *s, size_t n) { return concert_i_date_valid(s, n); }

static int is_flag01(const char *s) { return !*s || strcmp(s, "0") == 0 || strcmp(s, "1") == 0; }

static char *dup_text(const char *s, size_t n) {
  char *c = malloc(n + 1);
  if (c) {
    memcpy(c, s, n);
    c[n] = '\0';
  }
  return c;
}

/* Parse state for one table. */
typedef struct ctx {
  concert_unga *u; /* destination */
  int which;       /* table */
  bool header;     /* the header row was read */
  size_t rows;     /* data rows read */
} ctx;

/* An empty file, or one with a header and no rows, is refused: every table of the vote
 * data must hold rows (an empty vote table would give agreement over nothing). */
static concert_status need_rows(const ctx *c, const char *name, concert_status st,
                                concert_diag *d) {
  if (st != CONCERT_OK) return st;
  if (!c->header)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, name, 1, 1, NULL, "the file is empty (no header)");
  if (c->rows == 0)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, name, 2, 1, NULL,
                          "the table has a header but no rows");
  return CONCERT_OK;
}

static concert_status country_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  int slot = slot_of(r->field[0], r->len[0]);
  if (slot < 0)
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, r, 0, "country_code",
                              "'%.20s' is not a 2- or 3-letter capital code", r->field[0]);
  if (u->code_slot[slot])
    return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, r, 0, "country_code",
                              "country code '%s' appears twice", r->field[0]);
  if (u->n_countries >= CONCERT_I_UNGA_MAX_COUNTRIES)
    return concert_i_csv_fail(d, CONCERT_ERR_TOO_LARGE, r, 0, "country_code",
                              "more than %d countries", CONCERT_I_UNGA_MAX_COUNTRIES);
  if (r->len[1] == 0)
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, r, 1, "country", "empty country name");
  long nv;
  if (concert_i_csv_long(r->field[2], 0, 100000000, &nv) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 2, "n_votes", "'%.20s' is not a vote count",
                              r->field[2]);
  for (size_t k = 3; k <= 4; k++)
    if (!is_date(r->field[k], r->len[k]))
      return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, k, countries_cols[k],
                                "'%.20s' is not a real date YYYY-MM-DD", r->field[k]);
  concert_i_unga_country *c = &u->country[u->n_countries];
  memcpy(c->code, r->field[0], r->len[0] + 1);
  if (!(c->name = dup_text(r->field[1], r->len[1])))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  u->n_countries++;
  u->code_slot[slot] = (int16_t)u->n_countries;
  return CONCERT_OK;
}

static concert_status rc_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  long rcid, session;
  if (concert_i_csv_long(r->field[0], 1, CONCERT_I_UNGA_MAX_RCID, &rcid) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 0, "rcid",
                              "'%.20s' is not a roll-call id in 1-%d", r->field[0],
                              CONCERT_I_UNGA_MAX_RCID);
  if (concert_i_csv_long(r->field[1], 1, 155, &session) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 1, "session",
                              "'%.20s' is not a session number in 1-155", r->field[1]);
  static const int flags[3] = {2, 5, 6};
  for (int i = 0; i < 3; i++)
    if (!is_flag01(r->field[flags[i]]))
      return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, (size_t)flags[i], rc_cols[flags[i]],
                                "'%.20s' is not 0, 1 or empty", r->field[flags[i]]);
  if (!is_date(r->field[3], r->len[3]))
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 3, "date", "'%.20s' is not a real date YYYY-MM-DD",
                              r->field[3]);
  if (rcid > u->max_rcid) u->max_rcid = (int)rcid;
  if (u->n_rc == u->cap_rc) {
    size_t nc = u->cap_rc ? 2 * u->cap_rc : 1024;
    int *a = realloc(u->rc_rcid, nc * sizeof *a);
    if (a) u->rc_rcid = a;
    int *b = realloc(u->rc_year, nc * sizeof *b);
    if (b) u->rc_year = b;
    if (!a || !b) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    u->cap_rc = nc;
  }
  u->rc_rcid[u->n_rc] = (int)rcid;
  u->rc_year[u->n_rc] = (int)session + 1945;
  u->n_rc++;
  return CONCERT_OK;
}

/* After the roll calls: the rcid index, the issue sets and the vote table. Duplicate ids
 * are reported against the roll-call file. */
static concert_status finish_roll_calls(concert_unga *u, concert_diag *d) {
  if (u->rc_of_rcid) return CONCERT_OK;
  u->rc_of_rcid = malloc(((size_t)u->max_rcid + 1) * sizeof *u->rc_of_rcid);
  u->rc_issues = calloc(u->n_rc ? u->n_rc : 1, 1);
  size_t cells = u->n_rc * u->n_countries;
  u->votes = calloc(cells > 0 ? cells : 1, 1);
  if (!u->rc_of_rcid || !u->rc_issues || !u->votes)
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  for (int i = 0; i <= u->max_rcid; i++) u->rc_of_rcid[i] = -1;
  for (size_t i = 0; i < u->n_rc; i++) {
    if (u->rc_of_rcid[u->rc_rcid[i]] >= 0)
      return concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, "unga_roll_calls.csv", 0, 0, "rcid",
                            "roll call %d appears twice", u->rc_rcid[i]);
    u->rc_of_rcid[u->rc_rcid[i]] = (int32_t)i;
  }
  return CONCERT_OK;
}

/* The roll-call index of an rcid field, or -1 after failing. */
static long rc_index(concert_unga *u, const concert_i_csv_row *r, concert_diag *d,
                     concert_status *st) {
  long rcid;
  if (concert_i_csv_long(r->field[0], 1, CONCERT_I_UNGA_MAX_RCID, &rcid) != 0) {
    *st = concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 0, "rcid", "'%.20s' is not a roll-call id",
                             r->field[0]);
    return -1;
  }
  if (rcid > u->max_rcid || u->rc_of_rcid[rcid] < 0) {
    *st = concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, r, 0, "rcid",
                             "roll call %ld is not in unga_roll_calls.csv", rcid);
    return -1;
  }
  return u->rc_of_rcid[rcid];
}

static concert_status issue_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  concert_status st = CONCERT_OK;
  long rc = rc_index(u, r, d, &st);
  if (rc < 0) return st;
  int bit = -1;
  for (int i = 0; i < 6; i++)
    if (strcmp(r->field[1], concert_i_unga_issue_codes[i]) == 0) bit = i;
  if (bit < 0)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, 1, "short_name",
                              "unknown issue code '%.20s' (expected me, nu, di, hr, co, ec)",
                              r->field[1]);
  if (r->len[2] == 0)
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, r, 2, "issue", "empty issue label");
  if (u->rc_issues[rc] & (1u << bit))
    return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, r, 1, "short_name",
                              "roll call %s is tagged '%s' twice (a duplicate row)", r->field[0],
                              r->field[1]);
  u->rc_issues[rc] |= (uint8_t)(1u << bit);
  return CONCERT_OK;
}

static concert_status vote_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  concert_status st = CONCERT_OK;
  long rc = rc_index(u, r, d, &st);
  if (rc < 0) return st;
  int slot = slot_of(r->field[1], r->len[1]);
  int c = slot < 0 ? 0 : u->code_slot[slot];
  if (c == 0)
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, r, 1, "country_code",
                              "country code '%.20s' is not in unga_countries.csv", r->field[1]);
  uint8_t v;
  const char *s = r->field[2];
  if (strcmp(s, "yes") == 0) {
    v = 1;
  } else if (strcmp(s, "abstain") == 0) {
    v = 2;
  } else if (strcmp(s, "no") == 0) {
    v = 3;
  } else {
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, 2, "vote",
                              "'%.20s' is not yes, abstain or no", s);
  }
  uint8_t *cell = &u->votes[(size_t)rc * u->n_countries + (size_t)(c - 1)];
  if (*cell)
    return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, r, 1, "country_code",
                              "second vote of %s on roll call %s", r->field[1], r->field[0]);
  *cell = v;
  u->n_votes++;
  return CONCERT_OK;
}

static concert_status focus_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  if (r->len[0] == 0) return concert_i_csv_fail(d, CONCERT_ERR_MISSING, r, 0, "name", "empty name");
  if (slot_of(r->field[1], r->len[1]) < 0 || r->len[1] != 2)
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, r, 1, "iso2",
                              "'%.20s' is not a 2-letter capital code", r->field[1]);
  if (!is_upper3(r->field[2], r->len[2]))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, r, 2, "iso3",
                              "'%.20s' is not a 3-letter capital code", r->field[2]);
  for (size_t i = 0; i < u->n_focus; i++)
    if (strcmp(u->focus[i].iso3, r->field[2]) == 0)
      return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, r, 2, "iso3", "'%s' appears twice",
                                r->field[2]);
  if (u->n_focus == u->cap_focus) {
    size_t nc = u->cap_focus ? 2 * u->cap_focus : 64;
    concert_i_focus *a = realloc(u->focus, nc * sizeof *a);
    if (!a) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    u->focus = a;
    u->cap_focus = nc;
  }
  concert_i_focus *f = &u->focus[u->n_focus];
  memcpy(f->iso2, r->field[1], 3);
  memcpy(f->iso3, r->field[2], 4);
  f->name = dup_text(r->field[0], r->len[0]);
  f->groups = dup_text(r->field[8], r->len[8]);
  u->n_focus++;
  if (!f->name || !f->groups) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

/* A number or NA: 0 ok (NaN for NA), -1 malformed. */
static int num_or_na(const char *s, double *out) {
  if (strcmp(s, "NA") == 0) {
    *out = NAN;
    return 0;
  }
  return concert_i_csv_double(s, out);
}

static concert_status ideal_row(concert_unga *u, const concert_i_csv_row *r, concert_diag *d) {
  long year, ccode, session, nvotes;
  if (concert_i_csv_long(r->field[0], 1946, 2100, &year) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 0, "year",
                              "'%.20s' is not a year in 1946-2100", r->field[0]);
  if (concert_i_csv_long(r->field[1], 1, 9999, &ccode) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 1, "ccode", "'%.20s' is not a COW code",
                              r->field[1]);
  if (concert_i_csv_long(r->field[2], 1, 155, &session) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 2, "session",
                              "'%.20s' is not a session in 1-155", r->field[2]);
  if (year != session + 1945)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, 0, "year",
                              "year %ld is not session %ld + 1945", year, session);
  if (concert_i_csv_long(r->field[3], 0, 100000, &nvotes) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, r, 3, "NVotesAll", "'%.20s' is not a vote count",
                              r->field[3]);
  double v[20];
  for (size_t k = 4; k < 20; k++) {
    if (k == 12 || k == 13) continue;
    if (num_or_na(r->field[k], &v[k]) != 0)
      return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, k, ideal_cols[k],
                                "'%.30s' is not a finite number or NA", r->field[k]);
    if (k < 12 && !isnan(v[k]) && fabs(v[k]) > CONCERT_I_UNGA_MAX_IDEAL)
      return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, k, ideal_cols[k],
                                "ideal point %.30s is beyond +-%d (the published points lie "
                                "within about +-5); a dispersion of it could not be computed",
                                r->field[k], CONCERT_I_UNGA_MAX_IDEAL);
    if (k >= 14 && !isnan(v[k]) && (v[k] < 0 || v[k] > 1))
      return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, k, ideal_cols[k],
                                "agreement share %.30s is outside [0,1]", r->field[k]);
  }
  int na3 = strcmp(r->field[12], "NA") == 0;
  if (!na3 && !is_upper3(r->field[12], r->len[12]))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, r, 12, "iso3c",
                              "'%.20s' is not a 3-letter capital code or NA", r->field[12]);
  if (u->n_ideal == u->cap_ideal) {
    size_t nc = u->cap_ideal ? 2 * u->cap_ideal : 4096;
    concert_i_ideal *a = realloc(u->ideal, nc * sizeof *a);
    if (!a) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    u->ideal = a;
    u->cap_ideal = nc;
  }
  concert_i_ideal *p = &u->ideal[u->n_ideal];
  p->year = (int)year;
  if (na3)
    p->iso3[0] = '\0';
  else
    memcpy(p->iso3, r->field[12], 4);
  p->ideal = v[4];
  if (!(p->name = dup_text(r->field[13], r->len[13])))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  u->n_ideal++;
  return CONCERT_OK;
}

static concert_status on_row(void *user, const concert_i_csv_row *r, concert_diag *d) {
  ctx *c = user;
  if (r->index == 0) {
    c->header = true;
    return concert_i_csv_expect_header(r, table_cols[c->which], table_ncols[c->which], d);
  }
  c->rows++;
  if (r->n != table_ncols[c->which]) return concert_i_csv_expect_width(r, table_ncols[c->which], d);
  switch (c->which) {
  case 0: return country_row(c->u, r, d);
  case 1: return rc_row(c->u, r, d);
  case 2: return issue_row(c->u, r, d);
  case 3: return vote_row(c->u, r, d);
  case 4: return focus_row(c->u, r, d);
  default: return ideal_row(c->u, r, d);
  }
}

static concert_status prepare(concert_unga *u, int which, concert_diag *d) {
  if (which < 0 || which > 5) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "no such table");
  if (which >= 2) return finish_roll_calls(u, d);
  if (which == 1 && u->n_countries == 0)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "countries must be read before roll calls");
  return CONCERT_OK;
}

concert_status concert_i_unga_parse(concert_unga *u, int which, const char *buf, size_t len,
                                    const char *name, concert_diag *d) {
  concert_status st = prepare(u, which, d);
  if (st != CONCERT_OK) return st;
  ctx c = {u, which, false, 0};
  return need_rows(&c, name, concert_i_csv_read_mem(buf, len, name, NULL, on_row, &c, d), d);
}

concert_status concert_i_unga_read(concert_unga *u, int which, const char *path,
                                   const char *name, concert_diag *d) {
  concert_status st = prepare(u, which, d);
  if (st != CONCERT_OK) return st;
  ctx c = {u, which, false, 0};
  return need_rows(&c, name, concert_i_csv_read_file(path, name, NULL, on_row, &c, d), d);
}

concert_status concert_unga_load(concert_unga **out, const char *dir, concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out is NULL");
  *out = NULL;
  char def[4096];
  if (!dir) {
    snprintf(def, sizeof def, "%s/world", concert_data_dir());
    dir = def;
  }
  static const char *const files[6] = {
      "unga_countries.csv", "unga_roll_calls.csv", "unga_roll_call_issues.csv",
      "unga_votes.csv",     "focus_countries.csv", "unga_ideal_points_bsv_jun2024.csv"};
  concert_unga *u = concert_i_unga_new();
  if (!u) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  for (int w = 0; w < 6; w++) {
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, files[w]);
    concert_status st = CONCERT_OK;
    if (n < 0 || (size_t)n >= sizeof path)
      st = CONCERT_FAIL(diag, CONCERT_ERR_TOO_LARGE, "data directory path is too long");
    else
      st = concert_i_unga_read(u, w, path, path, diag);
    if (st == CONCERT_OK && w == 0 && u->n_countries == 0)
      st = concert_i_fail(diag, CONCERT_ERR_EMPTY, path, 0, 0, NULL, "no countries");
    if (st == CONCERT_OK && w == 1 && u->n_rc == 0)
      st = concert_i_fail(diag, CONCERT_ERR_EMPTY, path, 0, 0, NULL, "no roll calls");
    if (st != CONCERT_OK) {
      concert_unga_free(u);
      return st;
    }
  }
  *out = u;
  return CONCERT_OK;
}
