/* cohesion.c: pairwise agreement of a group of states in UNGA roll calls (simple and
 * Lijphart-style), the group's mean agreement overall and per year, and the yearly spread of
 * their Bailey-Strezhnev-Voeten ideal points. Definitions: docs/cohesion.md. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cohesion/cohesion_i.h"
#include "status/diag.h"

#define MAX_MEMBERS 64 /* members per query */
#define MAX_CODES 4    /* UNGA country codes merged into one member */

/* One member of the query, resolved to its UNGA country indices. */
typedef struct member {
  char iso3[4];            /* as asked, upper-cased */
  const char *name;        /* display name (owned by the data set) */
  int country[MAX_CODES];  /* country indices into concert_unga.country */
  int n_country;           /* how many */
} member;

struct concert_cohesion {
  size_t k;                /* members */
  member m[MAX_MEMBERS];   /* the members */
  size_t n_rc;             /* roll calls in scope */
  size_t *joint;           /* k x k: roll calls where both voted */
  size_t *same;            /* k x k: ... and voted the same */
  size_t *half;            /* k x k: ... and exactly one abstained */
  int year_from, year_to;  /* the range */
  const char *issue;       /* the query's issue: NULL when none was given, else "" (all roll
                              calls) or the issue code; static storage */
  size_t *year_rc;         /* per year: roll calls in scope */
  double *year_mean;       /* per year: mean simple agreement over defined pairs */
  int *disp_year;          /* years with a dispersion */
  double *disp_sd;         /* their standard deviations */
  size_t *disp_n;          /* members with an ideal point */
  size_t n_disp;           /* how many such years */
};

/* Predecessor codes that one ISO3 member also covers (documented in docs/cohesion.md). */
static const struct {
  const char *iso3;
  const char *code;
} predecessors[] = {{"DEU", "FRG"}};

void concert_cohesion_free(concert_cohesion *c) {
  if (!c) return;
  free(c->joint);
  free(c->same);
  free(c->half);
  free(c->year_rc);
  free(c->year_mean);
  free(c->disp_year);
  free(c->disp_sd);
  free(c->disp_n);
  free(c);
}

static int find_code(const concert_unga *u, const char *code) {
  for (size_t i = 0; i < u->n_countries; i++)
    if (strcmp(u->country[i].code, code) == 0) return (int)i;
  return -1;
}

static void add_country(member *m, int idx) {
  if (idx < 0) return;
  for (int i = 0; i < m->n_country; i++)
    if (m->country[i] == idx) return;
  if (m->n_country < MAX_CODES) m->country[m->n_country++] = idx;
}

/* Resolves an ISO3 code: focus_countries.csv first, then the ideal-point file's names
 * matched against unga_countries.csv, plus documented predecessors. */
static concert_status resolve(const concert_unga *u, const char *text, size_t pos, member *m,
                              concert_diag *d) {
  char path[32];
  snprintf(path, sizeof path, "members[%zu]", pos);
  size_t n = strlen(text);
  if (n != 3 || !isalpha((unsigned char)text[0]) || !isalpha((unsigned char)text[1]) ||
      !isalpha((unsigned char)text[2]))
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, path,
                          "'%.20s' is not an ISO 3166 alpha-3 code (three letters)", text);
  memset(m, 0, sizeof *m);
  for (int i = 0; i < 3; i++) m->iso3[i] = (char)toupper((unsigned char)text[i]);
  for (size_t i = 0; i < u->n_focus; i++)
    if (strcmp(u->focus[i].iso3, m->iso3) == 0) {
      m->name = u->focus[i].name;
      add_country(m, find_code(u, u->focus[i].iso2));
    }
  for (size_t i = 0; i < u->n_ideal; i++) {
    if (strcmp(u->ideal[i].iso3, m->iso3) != 0) continue;
    for (size_t c = 0; c < u->n_countries; c++)
      if (strcmp(u->country[c].name, u->ideal[i].name) == 0) {
        add_country(m, (int)c);
        if (!m->name) m->name = u->country[c].name;
      }
  }
  for (size_t i = 0; i < sizeof predecessors / sizeof predecessors[0]; i++)
    if (strcmp(predecessors[i].iso3, m->iso3) == 0) add_country(m, find_code(u, predecessors[i].code));
  if (m->n_country == 0)
    return concert_i_fail(d, CONCERT_ERR_UNKNOWN_ID, NULL, 0, 0, path,
                          "unknown member '%s': not in focus_countries.csv and no UNGA country "
                          "of that ISO3 code in the ideal-point file",
                          m->iso3);
  if (!m->name) m->name = u->country[m->country[0]].name;
  return CONCERT_OK;
}

/* A member's vote on roll call rc: the first of its codes that voted (they never overlap in
 * the data: FRG stops in 1990, DE starts in 1991). */
static uint8_t vote_of(const concert_unga *u, const member *m, size_t rc) {
  const uint8_t *row = u->votes + rc * u->n_countries;
  for (int i = 0; i < m->n_country; i++)
    if (row[m->country[i]]) return row[m->country[i]];
  return 0;
}

static concert_status dispersion(const concert_unga *u, concert_cohesion *c, concert_diag *d) {
  size_t ny = (size_t)(c->year_to - c->year_from + 1);
  c->disp_year = malloc(ny * sizeof *c->disp_year);
  c->disp_sd = malloc(ny * sizeof *c->disp_sd);
  c->disp_n = malloc(ny * sizeof *c->disp_n);
  double *val = malloc(ny * c->k * sizeof *val);
  if (!c->disp_year || !c->disp_sd || !c->disp_n || !val) {
    free(val);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < ny * c->k; i++) val[i] = NAN;
  /* first row per (year, member) wins: the source codes North and South Yemen both YAR */
  for (size_t i = 0; i < u->n_ideal; i++) {
    const concert_i_ideal *p = &u->ideal[i];
    if (p->year < c->year_from || p->year > c->year_to || isnan(p->ideal)) continue;
    for (size_t j = 0; j < c->k; j++) {
      double *slot = &val[(size_t)(p->year - c->year_from) * c->k + j];
      if (strcmp(p->iso3, c->m[j].iso3) == 0 && isnan(*slot)) *slot = p->ideal;
    }
  }
  for (size_t y = 0; y < ny; y++) {
    double s = 0, s2 = 0;
    size_t n = 0;
    for (size_t j = 0; j < c->k; j++) {
      double v = val[y * c->k + j];
      if (isnan(v)) continue;
      s += v;
      n++;
    }
    if (n < 2) continue;
    double mean = s / (double)n;
    for (size_t j = 0; j < c->k; j++) {
      double v = val[y * c->k + j];
      if (!isnan(v)) s2 += (v - mean) * (v - mean);
    }
    c->disp_year[c->n_disp] = c->year_from + (int)y;
    c->disp_sd[c->n_disp] = sqrt(s2 / (double)n);
    c->disp_n[c->n_disp] = n;
    c->n_disp++;
  }
  free(val);
  return CONCERT_OK;
}

/* Does focus row f belong to group g (G5, G7, G8, G20, EU27)? The G8 is the G7 plus the
 * members labelled G8(...) (Russia, 1998-2013). */
static int in_group(const concert_i_focus *f, const char *g) {
  const char *p = f->groups;
  while (*p) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (strlen(g) == n && strncasecmp(p, g, n) == 0) return 1;
    if (strcasecmp(g, "G8") == 0 &&
        ((n == 2 && strncmp(p, "G7", 2) == 0) || (n > 3 && strncmp(p, "G8(", 3) == 0)))
      return 1;
    if (!e) break;
    p = e + 1;
  }
  return 0;
}

static int is_group_name(const char *t) {
  static const char *const groups[] = {"G5", "G7", "G8", "G20", "EU27"};
  for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
    if (strcasecmp(t, groups[i]) == 0) return 1;
  return 0;
}

/* Expands group names among the query's members into ISO3 codes (focus_countries.csv order).
 * origin[i] is the index of the token that produced codes[i]. */
static concert_status expand(const concert_unga *u, const concert_cohesion_query *q,
                             const char **codes, size_t *origin, int *grouped, size_t *n,
                             concert_diag *d) {
  *n = 0;
  for (size_t i = 0; i < q->n_members; i++) {
    const char *t = q->members[i];
    if (!t) return concert_i_fail(d, CONCERT_ERR_ARGUMENT, NULL, 0, 0, "members", "NULL member");
    if (!is_group_name(t)) {
      if (*n >= MAX_MEMBERS) break;
      origin[*n] = i;
      grouped[*n] = 0;
      codes[(*n)++] = t;
      continue;
    }
    for (size_t f = 0; f < u->n_focus; f++) {
      if (!in_group(&u->focus[f], t)) continue;
      if (*n >= MAX_MEMBERS)
        return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "members",
                              "more than %d members after expanding %s", MAX_MEMBERS, t);
      origin[*n] = i;
      grouped[*n] = 1;
      codes[(*n)++] = u->focus[f].iso3;
    }
  }
  if (*n == 0)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, NULL, 0, 0, "members", "no members given");
  return CONCERT_OK;
}

concert_status concert_cohesion_compute(const concert_unga *u, const concert_cohesion_query *q,
                                        concert_cohesion **out, concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out is NULL");
  *out = NULL;
  if (!u || !q) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL data or query");
  if (q->n_members == 0 || !q->members)
    return concert_i_fail(diag, CONCERT_ERR_EMPTY, NULL, 0, 0, "members", "no members given");
  if (q->n_members > MAX_MEMBERS)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "members",
                          "%zu members; at most %d", q->n_members, MAX_MEMBERS);
  const char *codes[MAX_MEMBERS];
  size_t origin[MAX_MEMBERS], n_codes = 0;
  int grouped[MAX_MEMBERS];
  concert_status est = expand(u, q, codes, origin, grouped, &n_codes, diag);
  if (est != CONCERT_OK) return est;
  if (q->year_from < 1900 || q->year_to > 2100 || q->year_from > q->year_to)
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "years",
                          "year range %d-%d is empty, reversed or outside 1900-2100",
                          q->year_from, q->year_to);
  int issue_bit = -1;
  if (q->issue && *q->issue) {
    for (int i = 0; i < 6; i++)
      if (strcmp(q->issue, concert_i_unga_issue_codes[i]) == 0) issue_bit = i;
    if (issue_bit < 0)
      return concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "issue",
                            "unknown issue code '%.20s' (expected me, nu, di, hr, co or ec)",
                            q->issue);
  }
  concert_cohesion *c = calloc(1, sizeof *c);
  if (!c) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  c->k = n_codes;
  c->year_from = q->year_from;
  c->year_to = q->year_to;
  c->issue = !q->issue ? NULL : issue_bit >= 0 ? concert_i_unga_issue_codes[issue_bit] : "";
  concert_status st = CONCERT_OK;
  /* a code listed twice is an error; overlaps created by group names are merged */
  int kept_grouped[MAX_MEMBERS];
  size_t kept = 0;
  for (size_t i = 0; i < n_codes && st == CONCERT_OK; i++) {
    st = resolve(u, codes[i], origin[i], &c->m[kept], diag);
    int dup = 0;
    for (size_t j = 0; j < kept && st == CONCERT_OK && !dup; j++)
      if (strcmp(c->m[kept].iso3, c->m[j].iso3) == 0) {
        dup = 1;
        if (grouped[i] || kept_grouped[j]) continue;
        char path[32];
        snprintf(path, sizeof path, "members[%zu]", origin[i]);
        st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, NULL, 0, 0, path,
                            "member '%s' is listed twice", c->m[kept].iso3);
      }
    if (st == CONCERT_OK && !dup) kept_grouped[kept++] = grouped[i];
  }
  c->k = kept;
  size_t k = c->k, ny = (size_t)(q->year_to - q->year_from + 1), np = k * (k - 1) / 2;
  size_t *ys = NULL, *yj = NULL;
  if (st == CONCERT_OK) {
    c->joint = calloc(k * k, sizeof *c->joint);
    c->same = calloc(k * k, sizeof *c->same);
    c->half = calloc(k * k, sizeof *c->half);
    c->year_rc = calloc(ny, sizeof *c->year_rc);
    c->year_mean = malloc(ny * sizeof *c->year_mean);
    ys = calloc(ny * (np ? np : 1), sizeof *ys);
    yj = calloc(ny * (np ? np : 1), sizeof *yj);
    if (!c->joint || !c->same || !c->half || !c->year_rc || !c->year_mean || !ys || !yj)
      st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  if (st == CONCERT_OK) {
    uint8_t v[MAX_MEMBERS];
    for (size_t rc = 0; rc < u->n_rc; rc++) {
      int year = u->rc_year[rc];
      if (year < q->year_from || year > q->year_to) continue;
      if (issue_bit >= 0 && !(u->rc_issues[rc] & (1u << issue_bit))) continue;
      size_t y = (size_t)(year - q->year_from);
      c->n_rc++;
      c->year_rc[y]++;
      for (size_t i = 0; i < k; i++) v[i] = vote_of(u, &c->m[i], rc);
      size_t p = 0;
      for (size_t i = 0; i < k; i++) {
        if (!v[i]) {
          p += k - 1 - i;
          continue;
        }
        c->joint[i * k + i]++;
        c->same[i * k + i]++;
        for (size_t j = i + 1; j < k; j++, p++) {
          if (!v[j]) continue;
          int same = v[i] == v[j];
          int half = !same && (v[i] == 2 || v[j] == 2);
          c->joint[i * k + j]++;
          c->same[i * k + j] += (size_t)same;
          c->half[i * k + j] += (size_t)half;
          yj[y * np + p]++;
          ys[y * np + p] += (size_t)same;
        }
      }
    }
    for (size_t i = 0; i < k; i++)
      for (size_t j = i + 1; j < k; j++) {
        c->joint[j * k + i] = c->joint[i * k + j];
        c->same[j * k + i] = c->same[i * k + j];
        c->half[j * k + i] = c->half[i * k + j];
      }
    for (size_t y = 0; y < ny; y++) {
      double s = 0;
      size_t n = 0;
      for (size_t p = 0; p < np; p++)
        if (yj[y * np + p]) {
          s += (double)ys[y * np + p] / (double)yj[y * np + p];
          n++;
        }
      c->year_mean[y] = n ? s / (double)n : NAN;
    }
    st = dispersion(u, c, diag);
  }
  free(ys);
  free(yj);
  if (st != CONCERT_OK) {
    concert_cohesion_free(c);
    return st;
  }
  *out = c;
  return CONCERT_OK;
}

size_t concert_cohesion_size(const concert_cohesion *c) { return c ? c->k : 0; }

const char *concert_cohesion_member(const concert_cohesion *c, size_t i) {
  return c && i < c->k ? c->m[i].iso3 : NULL;
}

const char *concert_cohesion_member_name(const concert_cohesion *c, size_t i) {
  return c && i < c->k ? c->m[i].name : NULL;
}

size_t concert_cohesion_roll_calls(const concert_cohesion *c) { return c ? c->n_rc : 0; }

size_t concert_cohesion_joint(const concert_cohesion *c, size_t i, size_t j) {
  return c && i < c->k && j < c->k ? c->joint[i * c->k + j] : 0;
}

double concert_cohesion_agreement(const concert_cohesion *c, size_t i, size_t j) {
  size_t n = concert_cohesion_joint(c, i, j);
  return n ? (double)c->same[i * c->k + j] / (double)n : NAN;
}

double concert_cohesion_lijphart(const concert_cohesion *c, size_t i, size_t j) {
  size_t n = concert_cohesion_joint(c, i, j);
  if (!n) return NAN;
  return ((double)c->same[i * c->k + j] + 0.5 * (double)c->half[i * c->k + j]) / (double)n;
}

double concert_cohesion_mean(const concert_cohesion *c, int lijphart) {
  if (!c) return NAN;
  double s = 0;
  size_t n = 0;
  for (size_t i = 0; i < c->k; i++)
    for (size_t j = i + 1; j < c->k; j++) {
      double a = lijphart ? concert_cohesion_lijphart(c, i, j) : concert_cohesion_agreement(c, i, j);
      if (isnan(a)) continue;
      s += a;
      n++;
    }
  return n ? s / (double)n : NAN;
}

size_t concert_cohesion_dispersion_years(const concert_cohesion *c) { return c ? c->n_disp : 0; }

concert_status concert_cohesion_dispersion_at(const concert_cohesion *c, size_t k, int *year,
                                              double *sd, size_t *n_members) {
  if (!c || k >= c->n_disp) return CONCERT_ERR_RANGE;
  if (year) *year = c->disp_year[k];
  if (sd) *sd = c->disp_sd[k];
  if (n_members) *n_members = c->disp_n[k];
  return CONCERT_OK;
}

double concert_cohesion_dispersion_mean(const concert_cohesion *c) {
  if (!c || !c->n_disp) return NAN;
  double s = 0;
  for (size_t i = 0; i < c->n_disp; i++) s += c->disp_sd[i];
  return s / (double)c->n_disp;
}

size_t concert_cohesion_years(const concert_cohesion *c) {
  return c ? (size_t)(c->year_to - c->year_from + 1) : 0;
}

void concert_i_cohesion_query_of(const concert_cohesion *c, int *year_from, int *year_to,
                                 const char **issue) {
  *year_from = c->year_from;
  *year_to = c->year_to;
  *issue = c->issue;
}

concert_status concert_cohesion_year_at(const concert_cohesion *c, size_t k, int *year,
                                        double *mean, size_t *roll_calls) {
  if (!c || k >= concert_cohesion_years(c)) return CONCERT_ERR_RANGE;
  if (year) *year = c->year_from + (int)k;
  if (mean) *mean = c->year_mean[k];
  if (roll_calls) *roll_calls = c->year_rc[k];
  return CONCERT_OK;
}
