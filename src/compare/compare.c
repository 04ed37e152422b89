/* compare.c: side-by-side table of one agenda under several forums (text and JSON). */
#include <concert/compare.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

double concert_outcome_agreed_share(const concert_outcome *o) {
  if (!o || o->n_res == 0) return NAN;
  return (double)concert_outcome_joint_count(o) / (double)o->n_res;
}

static const concert_issue_result *find_issue(const concert_outcome *o, size_t k) {
  for (size_t r = 0; r < o->n_res; r++)
    if (o->res[r].issue == k) return &o->res[r];
  return NULL;
}

static bool member_index(const concert_outcome *o, size_t a, size_t *i) {
  const concert_i_forum *f = &o->s->forums[o->forum];
  for (size_t j = 0; j < f->n_members; j++)
    if (f->members[j] == a) {
      *i = j;
      return true;
    }
  return false;
}

static concert_status check(const concert_outcome *const *o, size_t n) {
  if (!o || n == 0) return CONCERT_ERR_ARGUMENT;
  for (size_t i = 0; i < n; i++)
    if (!o[i] || o[i]->s != o[0]->s) return CONCERT_ERR_ARGUMENT;
  return CONCERT_OK;
}

/* measures[i] when given, else NULL. */
static const concert_measures *meas(const concert_measures *const *m, size_t i) {
  return m ? m[i] : NULL;
}

/* Formats x with prec decimals (NaN: "n/a") into a cell; a percentage when pct. */
static const char *num(char *cell, size_t size, int prec, double x, bool pct) {
  if (!isfinite(x)) snprintf(cell, size, "n/a");
  else if (pct) snprintf(cell, size, "%.*f%%", prec, 100 * x);
  else snprintf(cell, size, "%.*f", prec, x);
  return cell;
}

static const char *const ind_label[CONCERT_INDICATOR_COUNT] = {"GDP % of world", "milex % of world",
                                                                "population % of world"};
static const char *const ind_key[CONCERT_INDICATOR_COUNT] = {"gdp", "military_spending",
                                                              "population"};

/* The members of forum i whose cover of ind is c, as "A, B, C" (empty when none). */
static void members_with(const concert_measures *m, concert_indicator ind, concert_cover c,
                         char *buf, size_t size) {
  const concert_outcome *o = concert_measures_outcome(m);
  const concert_i_forum *f = &o->s->forums[o->forum];
  size_t u = 0;
  buf[0] = '\0';
  for (size_t j = 0; j < f->n_members && u < size; j++)
    if (concert_measures_member_cover(m, j, ind, NULL) == c)
      u += (size_t)snprintf(buf + u, size - u, "%s%s", u ? ", " : "", o->s->actors[f->members[j]].id);
}

/* The notes under the measures block: who is not counted, and why. */
static void write_notes(const concert_measures *m, FILE *out) {
  const concert_outcome *o = concert_measures_outcome(m);
  const char *fid = o->s->forums[o->forum].id;
  concert_coverage c = concert_measures_coverage(m);
  char buf[2048];
  if (c.computed) {
    members_with(m, CONCERT_INDICATOR_GDP, CONCERT_COVER_NOT_COVERED, buf, sizeof buf);
    if (buf[0]) fprintf(out, "%s: not covered (not a country in the data): %s\n", fid, buf);
    members_with(m, CONCERT_INDICATOR_MILEX, CONCERT_COVER_EXCLUDED, buf, sizeof buf);
    if (buf[0]) fprintf(out, "%s: excluded from military spending (not a state budget): %s\n", fid, buf);
    members_with(m, CONCERT_INDICATOR_GDP, CONCERT_COVER_IN_EU, buf, sizeof buf);
    if (buf[0]) fprintf(out, "%s: inside the EU's GDP and population: %s\n", fid, buf);
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      members_with(m, (concert_indicator)k, CONCERT_COVER_NO_DATA, buf, sizeof buf);
      if (buf[0])
        fprintf(out, "%s: no %s figure for %d: %s\n", fid, concert_indicator_name((concert_indicator)k),
                c.year, buf);
      if (!isfinite(c.world[k]))
        fprintf(out, "%s: no world %s figure for %d\n", fid, concert_indicator_name((concert_indicator)k), c.year);
    }
  }
  concert_proximity p = concert_measures_proximity(m);
  if (p.computed && !p.member)
    fprintf(out, "%s: %s is not a member; proximity is measured from outside\n", fid, o->s->actors[p.actor].id);
}

/* The balance rows of one basis (capability, or GDP when gdp): the largest member with its
 * share, then the HHI; "-" for a forum without measures, "n/a" for an undefined figure. */
static void balance_rows(const concert_outcome *const *o, const concert_measures *const *m,
                         size_t n, bool gdp, FILE *out) {
  const concert_scenario *s = o[0]->s;
  char cell[64];
  fprintf(out, "\n%-22s", gdp ? "largest GDP" : "largest capability");
  for (size_t i = 0; i < n; i++) {
    concert_balance b = concert_measures_balance(meas(m, i));
    double share = gdp ? b.gdp_largest : b.cap_largest;
    size_t who = gdp ? b.gdp_largest_i : b.cap_largest_i;
    if (!meas(m, i) || !isfinite(share))
      snprintf(cell, sizeof cell, "%s", meas(m, i) ? "n/a" : "-");
    else
      snprintf(cell, sizeof cell, "%s %.3f", s->actors[s->forums[o[i]->forum].members[who]].id,
               share);
    fprintf(out, " %12s", cell);
  }
  fprintf(out, "\n%-22s", gdp ? "GDP HHI" : "capability HHI");
  for (size_t i = 0; i < n; i++) {
    concert_balance b = concert_measures_balance(meas(m, i));
    fprintf(out, " %12s",
            meas(m, i) ? num(cell, sizeof cell, 3, gdp ? b.gdp_hhi : b.cap_hhi, false) : "-");
  }
}

static void write_measures(const concert_outcome *const *o, const concert_measures *const *m,
                           size_t n, FILE *out) {
  const concert_scenario *s = o[0]->s;
  const concert_measures *any = NULL;
  for (size_t i = 0; i < n; i++)
    if (meas(m, i)) any = meas(m, i);
  if (!any) return;
  char cell[64];
  fprintf(out, "\n%-22s", "forum measures");
  for (size_t i = 0; i < n; i++) fprintf(out, " %12s", s->forums[o[i]->forum].id);
  bool cov = false;
  for (size_t i = 0; i < n; i++) cov = cov || (meas(m, i) && concert_measures_coverage(m[i]).computed);
  if (cov) {
    fprintf(out, "\n%-22s", "coverage year");
    for (size_t i = 0; i < n; i++) {
      concert_coverage c = concert_measures_coverage(meas(m, i));
      if (c.computed) snprintf(cell, sizeof cell, "%d", c.year);
      else snprintf(cell, sizeof cell, "-");
      fprintf(out, " %12s", cell);
    }
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      fprintf(out, "\n%-22s", ind_label[k]);
      for (size_t i = 0; i < n; i++) {
        concert_coverage c = concert_measures_coverage(meas(m, i));
        fprintf(out, " %12s", c.computed ? num(cell, sizeof cell, 1, c.share[k], true) : "-");
      }
    }
  }
  balance_rows(o, m, n, false, out);
  if (cov) balance_rows(o, m, n, true, out);
  concert_proximity p = concert_measures_proximity(any);
  if (p.computed) {
    char label[64];
    snprintf(label, sizeof label, "distance to %s", s->actors[p.actor].id);
    fprintf(out, "\n%-22s", label);
    for (size_t i = 0; i < n; i++)
      fprintf(out, " %12s", meas(m, i) ? num(cell, sizeof cell, 2, concert_measures_proximity(m[i]).distance, false) : "-");
    snprintf(label, sizeof label, "closer to %s", s->actors[p.actor].id);
    fprintf(out, "\n%-22s", label);
    for (size_t i = 0; i < n; i++) {
      concert_proximity q = concert_measures_proximity(meas(m, i));
      if (!meas(m, i)) snprintf(cell, sizeof cell, "-");
      else if (q.n_issues == 0) snprintf(cell, sizeof cell, "n/a");
      else snprintf(cell, sizeof cell, "%zu/%zu %.2f", q.n_closer, q.n_issues, q.share_closer);
      fprintf(out, " %12s", cell);
    }
  }
  fprintf(out, "\n\n%-22s", "burden of a cost of");
  for (size_t i = 0; i < n; i++) {
    if (meas(m, i)) snprintf(cell, sizeof cell, "%g", concert_measures_burden(m[i], 0, NULL, NULL));
    else snprintf(cell, sizeof cell, "-");
    fprintf(out, " %12s", cell);
  }
  fprintf(out, "\n");
  for (int by = 0; by < 2; by++) {
    fprintf(out, "%s\n", by ? "by Shapley value (airport game)" : "by capability share");
    for (size_t a = 0; a < s->n_actors; a++) {
      bool in = false;
      size_t j;
      for (size_t i = 0; i < n; i++) in = in || (meas(m, i) && member_index(o[i], a, &j));
      if (!in) continue;
      fprintf(out, "  %-20s", s->actors[a].id);
      for (size_t i = 0; i < n; i++) {
        double sh, sp;
        if (meas(m, i) && member_index(o[i], a, &j)) {
          concert_measures_burden(m[i], j, &sh, &sp);
          num(cell, sizeof cell, 2, by ? sp : sh, false);
        } else {
          snprintf(cell, sizeof cell, "-");
        }
        fprintf(out, " %12s", cell);
      }
      fprintf(out, "\n");
    }
  }
  bool head = false;
  for (size_t i = 0; i < n; i++) {
    if (!meas(m, i)) continue;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) continue;
    write_notes(m[i], mem);
    fclose(mem);
    if (len && !head) {
      fprintf(out, "\nnotes\n");
      head = true;
    }
    fputs(buf, out);
    free(buf);
  }
}

concert_status concert_compare_write_text(const concert_outcome *const *o,
                                          const concert_measures *const *m, size_t n, FILE *out) {
  if (check(o, n) || !out) return CONCERT_ERR_ARGUMENT;
  for (size_t i = 0; m && i < n; i++)
    if (m[i] && concert_measures_outcome(m[i]) != o[i]) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = o[0]->s;
  fprintf(out, "%s\n%-22s", s->name, "issue");
  for (size_t i = 0; i < n; i++) fprintf(out, " %12s", s->forums[o[i]->forum].id);
  fprintf(out, "\n");
  for (size_t k = 0; k < s->n_issues; k++) {
    bool any = false;
    for (size_t i = 0; i < n; i++) any = any || find_issue(o[i], k);
    if (!any) continue;
    fprintf(out, "%-22s", s->issues[k].id);
    for (size_t i = 0; i < n; i++) {
      const concert_issue_result *r = find_issue(o[i], k);
      char cell[32];
      if (!r) snprintf(cell, sizeof cell, "-");
      else if (r->kind == CONCERT_STATEMENT_JOINT) snprintf(cell, sizeof cell, "yes %5.1f", r->text);
      else if (r->kind == CONCERT_STATEMENT_MINILATERAL) snprintf(cell, sizeof cell, "mini %5.1f", r->text);
      else snprintf(cell, sizeof cell, "no");
      fprintf(out, " %12s", cell);
    }
    fprintf(out, "\n");
  }
  fprintf(out, "%-22s", "communique");
  for (size_t i = 0; i < n; i++) {
    concert_communique c = concert_outcome_communique(o[i]);
    static const char *const word[] = {"yes", "carve-out", "forgone", "failed", "disowned"};
    fprintf(out, " %12s", word[c.fate]);
  }
  fprintf(out, "\n%-22s", "share agreed");
  for (size_t i = 0; i < n; i++) fprintf(out, " %12.2f", concert_outcome_agreed_share(o[i]));
  /* the rift index of each simulated summit, computed once per forum (O(n m^2) each:
   * docs/limits.md): six components, flagged ones marked * */
  concert_rift *rifts = malloc((n ? n : 1) * sizeof *rifts);
  bool *rift_ok = malloc((n ? n : 1) * sizeof *rift_ok);
  if (!rifts || !rift_ok) {
    free(rifts), free(rift_ok);
    return CONCERT_FAIL(NULL, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) rift_ok[i] = !concert_rift_from_outcome(o[i], &rifts[i], NULL);
  for (int k = 0; k < CONCERT_RIFT_N; k++) {
    fprintf(out, "\n%-22s", k == 0 ? "rift: no communique" : k == 1 ? "  missing statements"
                             : k == 2 ? "  no unified stance" : k == 3 ? "  trade disputes"
                             : k == 4 ? "  agenda disputes" : "  role disputes");
    for (size_t i = 0; i < n; i++) {
      if (!rift_ok[i]) {
        fprintf(out, " %12s", "-");
        continue;
      }
      const concert_rift *r = &rifts[i];
      char cell[16];
      snprintf(cell, sizeof cell, "%.2f%s", r->value[k], r->flag[k] == CONCERT_TRI_YES ? "*" : " ");
      fprintf(out, " %12s", cell);
    }
  }
  fprintf(out, "\n%-22s", "  flags (of 6)");
  for (size_t i = 0; i < n; i++) {
    size_t yes = 0;
    if (rift_ok[i]) concert_rift_count(&rifts[i], 0, CONCERT_RIFT_N, &yes, NULL);
    fprintf(out, " %12zu", yes);
  }
  free(rifts), free(rift_ok);
  fprintf(out, "\n\nnet gain per member\n");
  for (size_t a = 0; a < s->n_actors; a++) {
    bool any = false;
    size_t j;
    for (size_t i = 0; i < n; i++) any = any || member_index(o[i], a, &j);
    if (!any) continue;
    fprintf(out, "%-22s", s->actors[a].id);
    for (size_t i = 0; i < n; i++) {
      if (member_index(o[i], a, &j)) fprintf(out, " %12.2f", o[i]->gain[j]);
      else fprintf(out, " %12s", "-");
    }
    fprintf(out, "\n");
  }
  write_measures(o, m, n, out);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}

/* The JSON key of a cover status. */
static const char *cover_key(concert_cover c) {
  static const char *const keys[] = {"counted", "not_covered", "no_data", "excluded", "inside_eu"};
  return (unsigned)c < sizeof keys / sizeof keys[0] ? keys[c] : "unknown";
}

/* Every set and append goes through the checked helpers of io/json_out.h: a failed one (a
 * text that is not UTF-8, no memory) sets *bad and the writer fails, never dropping a field. */
#define SET(o, k, v) concert_i_json_set((o), (k), (v), bad)
#define PUSH(a, v) concert_i_json_push((a), (v), bad)

/* The "measures" object of one forum. */
static json_t *measures_json(const concert_measures *m, int *bad) {
  const concert_outcome *o = concert_measures_outcome(m);
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  json_t *root = json_object();
  concert_coverage c = concert_measures_coverage(m);
  if (c.computed) {
    json_t *cov = json_object(), *members = json_object();
    SET(cov, "year", json_integer(c.year));
    SET(cov, "year_default", json_boolean(c.year_default));
    for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) {
      json_t *x = json_object();
      SET(x, "share", concert_i_json_num(c.share[k]));
      SET(x, "forum", concert_i_json_num(c.forum[k]));
      SET(x, "world", concert_i_json_num(c.world[k]));
      SET(x, "counted", json_integer((json_int_t)c.counted[k]));
      SET(cov, ind_key[k], x);
    }
    for (size_t j = 0; j < f->n_members; j++) {
      json_t *x = json_object();
      for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++)
        SET(x, ind_key[k], json_string(cover_key(
                                               concert_measures_member_cover(m, j, (concert_indicator)k, NULL))));
      SET(members, s->actors[f->members[j]].id, x);
    }
    SET(cov, "members", members);
    SET(root, "coverage", cov);
  } else {
    SET(root, "coverage", json_null());
  }
  concert_balance b = concert_measures_balance(m);
  json_t *bal = json_object();
  SET(bal, "capability_largest", isfinite(b.cap_largest) ? json_string(s->actors[f->members[b.cap_largest_i]].id) : json_null());
  SET(bal, "capability_largest_share", concert_i_json_num(b.cap_largest));
  SET(bal, "capability_hhi", concert_i_json_num(b.cap_hhi));
  SET(bal, "gdp_largest", isfinite(b.gdp_largest) ? json_string(s->actors[f->members[b.gdp_largest_i]].id) : json_null());
  SET(bal, "gdp_largest_share", concert_i_json_num(b.gdp_largest));
  SET(bal, "gdp_hhi", concert_i_json_num(b.gdp_hhi));
  SET(root, "balance", bal);
  concert_proximity p = concert_measures_proximity(m);
  if (p.computed) {
    json_t *x = json_object();
    SET(x, "actor", json_string(s->actors[p.actor].id));
    SET(x, "member", json_boolean(p.member));
    SET(x, "issues", json_integer((json_int_t)p.n_issues));
    SET(x, "distance", concert_i_json_num(p.distance));
    SET(x, "closer", json_integer((json_int_t)p.n_closer));
    SET(x, "share_closer", concert_i_json_num(p.share_closer));
    SET(root, "proximity", x);
  } else {
    SET(root, "proximity", json_null());
  }
  json_t *bur = json_object(), *bs = json_object(), *bv = json_object();
  SET(bur, "cost", concert_i_json_num(concert_measures_burden(m, 0, NULL, NULL)));
  for (size_t j = 0; j < f->n_members; j++) {
    double sh, sp;
    concert_measures_burden(m, j, &sh, &sp);
    SET(bs, s->actors[f->members[j]].id, concert_i_json_num(sh));
    SET(bv, s->actors[f->members[j]].id, concert_i_json_num(sp));
  }
  SET(bur, "by_capability_share", bs);
  SET(bur, "shapley_airport", bv);
  SET(root, "burden", bur);
  return root;
}

concert_status concert_compare_to_json(const concert_outcome *const *o,
                                       const concert_measures *const *m, size_t n, char **json,
                                       concert_diag *d) {
  if (check(o, n) || !json) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  for (size_t i = 0; m && i < n; i++)
    if (m[i] && concert_measures_outcome(m[i]) != o[i])
      return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "measures of another outcome");
  const concert_scenario *s = o[0]->s;
  int bad_set = 0, *bad = &bad_set;
  json_t *root = json_object(), *forums = json_array();
  SET(root, "schema", json_string("concert-compare/1"));
  SET(root, "scenario", json_string(s->name));
  for (size_t i = 0; i < n; i++) {
    json_t *f = json_object(), *issues = json_object(), *gains = json_object();
    SET(f, "forum", json_string(s->forums[o[i]->forum].id));
    for (size_t r = 0; r < o[i]->n_res; r++) {
      const concert_issue_result *res = &o[i]->res[r];
      json_t *x = json_object();
      SET(x, "agreed", json_boolean(res->kind == CONCERT_STATEMENT_JOINT));
      SET(x, "statement", json_string(res->kind == CONCERT_STATEMENT_JOINT ? "joint"
                                                      : res->kind == CONCERT_STATEMENT_MINILATERAL ? "minilateral" : "none"));
      SET(x, "outcome", concert_i_json_num(res->outcome));
      SET(issues, s->issues[res->issue].id, x);
    }
    SET(f, "issues", issues);
    concert_communique c = concert_outcome_communique(o[i]);
    SET(f, "communique", json_boolean(c.issued && c.n_withdrawn == 0));
    SET(f, "communique_fate", json_string(concert_document_fate_name(c.fate)));
    SET(f, "share_agreed", concert_i_json_num(concert_outcome_agreed_share(o[i])));
    concert_rift rift;
    if (concert_rift_from_outcome(o[i], &rift, NULL) == CONCERT_OK) {
      json_t *rj = json_object();
      for (int k = 0; k < CONCERT_RIFT_N; k++) {
        json_t *x = json_object();
        SET(x, "value", concert_i_json_num(rift.value[k]));
        SET(x, "flag", json_boolean(rift.flag[k] == CONCERT_TRI_YES));
        SET(rj, concert_rift_component_id((concert_rift_component)k), x);
      }
      SET(f, "rift", rj);
    }
    const concert_i_forum *fo = &s->forums[o[i]->forum];
    for (size_t j = 0; j < fo->n_members; j++)
      SET(gains, s->actors[fo->members[j]].id, concert_i_json_num(o[i]->gain[j]));
    SET(f, "net_gain", gains);
    if (meas(m, i)) SET(f, "measures", measures_json(m[i], bad));
    PUSH(forums, f);
  }
  SET(root, "forums", forums);
  return concert_i_json_finish(root, bad_set, 10, json, d,
                               "cannot write the comparison as JSON: a name is not valid UTF-8, "
                               "or memory ran out");
}
