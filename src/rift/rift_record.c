/* rift_record.c: the rift index's shared definitions (thresholds, flags, labels) and its
 * reading of a recorded real summit, with unknown cells kept unknown. Definitions and the
 * rules per column: docs/rift-index.md. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <concert/history.h>

#include "status/diag.h"

static const char *const ids[CONCERT_RIFT_N] = {"no_communique", "missing_statements",
                                                "no_unified_stance", "trade", "agenda", "role"};
static const char *const labels[CONCERT_RIFT_N] = {
    "no joint communique", "issues without a joint statement",
    "no unified stance on core security", "trade disputes",
    "agenda disputes and departures", "role (membership) disputes"};
static const double thresholds[CONCERT_RIFT_N] = {
    CONCERT_RIFT_THRESHOLD_NO_COMMUNIQUE,     CONCERT_RIFT_THRESHOLD_MISSING_STATEMENTS,
    CONCERT_RIFT_THRESHOLD_NO_UNIFIED_STANCE, CONCERT_RIFT_THRESHOLD_TRADE,
    CONCERT_RIFT_THRESHOLD_AGENDA,            CONCERT_RIFT_THRESHOLD_ROLE};

static int in_range(concert_rift_component c) { return (int)c >= 0 && (int)c < CONCERT_RIFT_N; }

void concert_rift_clear(concert_rift *r) {
  if (!r) return;
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    r->value[c] = NAN;
    r->flag[c] = CONCERT_TRI_UNKNOWN;
  }
}

double concert_rift_threshold(concert_rift_component c) {
  return in_range(c) ? thresholds[c] : NAN;
}

concert_tri concert_rift_flag_of(concert_rift_component c, double value) {
  if (!in_range(c) || !(value >= 0.0 && value <= 1.0)) return CONCERT_TRI_UNKNOWN;
  double t = thresholds[c];
  if (t == 0.0) return value > 0.0 ? CONCERT_TRI_YES : CONCERT_TRI_NO;
  return value >= t ? CONCERT_TRI_YES : CONCERT_TRI_NO;
}

const char *concert_rift_component_id(concert_rift_component c) {
  return in_range(c) ? ids[c] : "";
}

const char *concert_rift_component_label(concert_rift_component c) {
  return in_range(c) ? labels[c] : "";
}

void concert_rift_count(const concert_rift *r, size_t first, size_t n, size_t *yes,
                        size_t *unknown) {
  size_t y = 0, u = 0;
  if (r && first <= CONCERT_RIFT_N && n <= CONCERT_RIFT_N - first)
    for (size_t c = first; c < first + n; c++) {
      y += r->flag[c] == CONCERT_TRI_YES;
      u += r->flag[c] == CONCERT_TRI_UNKNOWN;
    }
  if (yes) *yes = y;
  if (unknown) *unknown = u;
}

bool concert_rift_valid(const concert_rift *r) {
  if (!r) return false;
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    double v = r->value[c];
    if (!isnan(v) && !(v >= 0.0 && v <= 1.0)) return false;
    if (r->flag[c] != CONCERT_TRI_YES && r->flag[c] != CONCERT_TRI_NO &&
        r->flag[c] != CONCERT_TRI_UNKNOWN)
      return false;
  }
  return true;
}

/* ---- reading a recorded summit ---- */

static int starts(const char *s, const char *p) { return s && strncmp(s, p, strlen(p)) == 0; }

/* A cell that reports something: not empty, unknown, none_known or not applicable. */
static int reports(const char *s) {
  return s && *s && strcmp(s, "unknown") != 0 && strcmp(s, "none_known") != 0 &&
         strcmp(s, "not applicable") != 0;
}

static int is_unknown(const char *s) { return !s || strcmp(s, "unknown") == 0; }

/* A cell's text, "" for NULL (records built by hand may leave cells out). */
static const char *txt(const char *s) { return s ? s : ""; }

/* Appends printf-style text to an evidence line, truncating silently. */
static void add(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(char *buf, const char *fmt, ...) {
  size_t size = sizeof(((concert_rift_evidence *)0)->text[0]);
  size_t n = strlen(buf);
  if (n + 1 >= size) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf + n, size - n, fmt, ap);
  va_end(ap);
}

/* Lists the codes of one component into buf as "issue (actors); ..."; returns the count. */
static size_t list_codes(const concert_summit_record *s, concert_rift_component c, char *buf) {
  size_t n = 0;
  for (size_t i = 0; s->codes && i < s->n_codes; i++) {
    const concert_rift_code *k = &s->codes[i];
    if (k->component != c) continue;
    if (n) add(buf, "; ");
    if (k->actors && *k->actors)
      add(buf, "%s (%s)", txt(k->issue), k->actors);
    else
      add(buf, "%s", txt(k->issue));
    n++;
  }
  return n;
}

/* Distinct actors named by the no_communique codes (three letters each). */
static size_t non_endorsers(const concert_summit_record *s) {
  char seen[64][4];
  size_t n = 0;
  for (size_t i = 0; s->codes && i < s->n_codes; i++) {
    const concert_rift_code *k = &s->codes[i];
    if (k->component != CONCERT_RIFT_NO_COMMUNIQUE || !k->actors) continue;
    for (const char *p = k->actors; strlen(p) >= 3; p += 3) {
      int dup = 0;
      for (size_t j = 0; j < n; j++) dup |= strncmp(seen[j], p, 3) == 0;
      if (!dup && n < 64) {
        memcpy(seen[n], p, 3);
        seen[n][3] = '\0';
        n++;
      }
      if (p[3] != ';') break;
      p++;
    }
  }
  return n;
}

static void set(concert_rift *r, int c, double v, concert_tri f) {
  r->value[c] = v;
  r->flag[c] = f;
}

concert_status concert_rift_from_record(const concert_summit_record *s, concert_rift *out,
                                        concert_rift_evidence *ev, concert_diag *diag) {
  if (!s || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL summit or output");
  if (s->n_members <= 0)
    return CONCERT_FAIL(diag, CONCERT_ERR_INVALID, "summit %d has no members", s->year);
  concert_rift_evidence local;
  if (!ev) ev = &local;
  memset(ev, 0, sizeof *ev);
  concert_rift_clear(out);
  if (!s->held) {
    for (int c = 0; c < CONCERT_RIFT_N; c++) add(ev->text[c], "no summit held");
    return CONCERT_OK;
  }
  double n = (double)s->n_members;

  /* (1) no joint communique: table cells plus no_communique codes. */
  const char *comm = s->communique;
  int comm_yes = starts(comm, "yes"), comm_no = starts(comm, "no");
  char *t = ev->text[CONCERT_RIFT_NO_COMMUNIQUE];
  if (comm_no) {
    set(out, CONCERT_RIFT_NO_COMMUNIQUE, 1.0, CONCERT_TRI_YES);
    add(t, "no comprehensive communique; issued: %s", txt(s->main_document));
  } else if (comm_yes) {
    size_t k = non_endorsers(s);
    if (k == 0 && reports(s->withdrawn_by)) k = 1;
    if (k == 0 && s->withdrawn_by && strcmp(s->withdrawn_by, "unknown") == 0) {
      add(t, "communique issued; whether all endorsed it is unknown");
    } else {
      double v = fmin(1.0, (double)k / n);
      set(out, CONCERT_RIFT_NO_COMMUNIQUE, v,
          concert_rift_flag_of(CONCERT_RIFT_NO_COMMUNIQUE, v));
      add(t, "communique issued (%s)", txt(comm));
      if (k) {
        add(t, "; not endorsed by %zu of %d: ", k, s->n_members);
        size_t listed = 0;
        for (size_t i = 0; s->codes && i < s->n_codes; i++)
          if (s->codes[i].component == CONCERT_RIFT_NO_COMMUNIQUE)
            add(t, "%s%s: %s", listed++ ? "; " : "", txt(s->codes[i].actors),
                txt(s->codes[i].note));
        if (!listed) add(t, "%s", txt(s->withdrawn_by));
      }
    }
  } else {
    add(t, "communique: unknown");
  }
  double c1 = out->value[CONCERT_RIFT_NO_COMMUNIQUE];

  /* (2) issues without a joint statement. */
  t = ev->text[CONCERT_RIFT_MISSING_STATEMENTS];
  size_t m = list_codes(s, CONCERT_RIFT_MISSING_STATEMENTS, t);
  if (m > 0) {
    double v = NAN;
    if (comm_no && s->n_statements >= 0) {
      v = (double)m / ((double)s->n_statements + (double)m);
      add(t, " [%zu of %d+%zu issues]", m, s->n_statements, m);
    }
    set(out, CONCERT_RIFT_MISSING_STATEMENTS, v, CONCERT_TRI_YES);
  } else if (comm_yes && c1 == 0.0) {
    set(out, CONCERT_RIFT_MISSING_STATEMENTS, 0.0, CONCERT_TRI_NO);
    add(t, "communique endorsed by all covers the agenda");
  } else if (comm_yes && c1 > 0.0) {
    set(out, CONCERT_RIFT_MISSING_STATEMENTS, NAN, CONCERT_TRI_YES);
    add(t, "the communique's issues lack the endorsement of every member");
  } else {
    add(t, "which expected issues lacked a statement: unknown");
  }

  /* (3) core security, (4) trade, (6) role: codes, else the disputes cell. */
  static const int disputes[3] = {CONCERT_RIFT_NO_UNIFIED_STANCE, CONCERT_RIFT_TRADE,
                                  CONCERT_RIFT_ROLE};
  for (int i = 0; i < 3; i++) {
    int c = disputes[i];
    t = ev->text[c];
    size_t k = list_codes(s, (concert_rift_component)c, t);
    if (k > 0) {
      /* a recorded trade or membership dispute sets its component to 1 by definition; a
       * recorded split on core security raises the flag but its depth is not recorded */
      set(out, c, c == CONCERT_RIFT_NO_UNIFIED_STANCE ? NAN : 1.0, CONCERT_TRI_YES);
    } else if (!is_unknown(s->disputes)) {
      set(out, c, NAN, CONCERT_TRI_NO);
      add(t, "none reported");
    } else {
      add(t, "disputes: unknown");
    }
  }

  /* (5) agenda disputes: codes, departures and absences. */
  t = ev->text[CONCERT_RIFT_AGENDA];
  size_t k = list_codes(s, CONCERT_RIFT_AGENDA, t);
  int dep = reports(s->departures), absent = reports(s->absences);
  if (dep) add(t, "%sleft early or absent: %s", k ? "; " : "", txt(s->departures));
  if (absent) add(t, "%sabsent or skipped: %s", (k || dep) ? "; " : "", txt(s->absences));
  if (k || dep || absent) {
    set(out, CONCERT_RIFT_AGENDA, 1.0, CONCERT_TRI_YES);
  } else if (strcmp(txt(s->departures), "none_known") == 0 &&
             (!*txt(s->absences) || strcmp(s->absences, "none_known") == 0)) {
    set(out, CONCERT_RIFT_AGENDA, NAN, CONCERT_TRI_NO);
    add(t, "no departure or absence reported");
  } else {
    add(t, "departures: unknown");
  }
  return CONCERT_OK;
}
