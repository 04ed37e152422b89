/* sweep_out.c: a sweep's results as JSON (schema concert-sweep/1, docs/json-schema.md, through
 * the library's one JSON writer path), as a readable sheet, and as a tidy long CSV
 * (forum,quantity,issue,actor,value,se; docs/sweep.md). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "io/csv_out.h"
#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "sweep/sweep_i.h"

#define SET(o, k, v) concert_i_json_set((o), (k), (v), bad)
#define PUSH(a, v) concert_i_json_push((a), (v), bad)

static const char *const qnames[5] = {"q05", "q25", "q50", "q75", "q95"};

/* ---- variance shares (common) ------------------------------------------------------ */

static const char *const event_words[6] = {"depart", "salience_shock", "dispute",
                                           "leader_leaves", "absent", "leader_absent"};

static const char *event_word(const concert_sweep *w, const concert_sweep_input *x) {
  const concert_i_forum *f = &w->s->forums[w->forum];
  unsigned k = x->event < f->n_events ? (unsigned)f->events[x->event].kind : 6;
  return k < 6 ? event_words[k] : "event";
}

/* Input x in words: "USA red line on trade", "USA capability", "reversion point of trade",
 * "depart USA (event 2)". */
static void input_label(const concert_sweep *w, const concert_sweep_input *x, char *buf,
                        size_t n) {
  static const char *const what[5] = {"capability", "position on", "salience of",
                                      "tolerance on", "red line on"};
  const concert_scenario *s = w->s;
  const char *actor = x->actor < s->n_actors ? s->actors[x->actor].id : "?";
  const char *issue = x->issue < s->n_issues ? s->issues[x->issue].id : "?";
  if (x->kind == CONCERT_SWEEP_CAPABILITY) snprintf(buf, n, "%s capability", actor);
  else if (x->kind == CONCERT_SWEEP_REVERSION) snprintf(buf, n, "reversion point of %s", issue);
  else if (x->kind == CONCERT_SWEEP_EVENT)
    snprintf(buf, n, "%s %s (event %zu)", event_word(w, x), actor, x->event);
  else snprintf(buf, n, "%s %s %s", actor, what[x->kind], issue);
}

/* The inputs of headline h with a share above 0, by share (largest first, then input order);
 * their count in *n. A new array (NULL with *n = 0 when none or out of memory). */
static size_t *ranked(const concert_sweep *w, size_t h, size_t *n) {
  *n = 0;
  size_t *idx = malloc((w->nin ? w->nin : 1) * sizeof *idx);
  double *sv = malloc((w->nin ? w->nin : 1) * sizeof *sv);
  if (!idx || !sv) {
    free(idx), free(sv);
    return NULL;
  }
  for (size_t j = 0; j < w->nin; j++) {
    double x = concert_sweep_variance_share(w, h, j);
    if (!(x > 0)) continue;
    size_t t = (*n)++;
    for (; t > 0 && sv[t - 1] < x; t--) idx[t] = idx[t - 1], sv[t] = sv[t - 1];
    idx[t] = j, sv[t] = x;
  }
  free(sv);
  return idx;
}

/* The probability of headline h. */
static concert_estimate headline_p(const concert_sweep *w, size_t h) {
  if (h) return concert_sweep_statement(w, h - 1);
  concert_estimate a = concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED);
  concert_estimate b = concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  double p = a.p + b.p, n = (double)concert_sweep_runs(w);
  return (concert_estimate){p, n > 0 ? sqrt(p * (1 - p) / n) : NAN};
}

static json_t *est_json(concert_estimate e, int *bad) {
  json_t *o = json_object();
  SET(o, "p", concert_i_json_num(e.p));
  SET(o, "se", concert_i_json_num(e.se));
  return o;
}

static json_t *spread_json(concert_spread sp, int *bad) {
  json_t *o = json_object();
  SET(o, "n", json_integer((json_int_t)sp.n));
  SET(o, "mean", concert_i_json_num(sp.mean));
  SET(o, "se", concert_i_json_num(sp.se));
  for (int q = 0; q < 5; q++) SET(o, qnames[q], concert_i_json_num(sp.q[q]));
  SET(o, "outside", json_integer((json_int_t)sp.outside));
  return o;
}

concert_status concert_sweep_to_json(const concert_sweep *w, char **json, concert_diag *d) {
  if (!w || !json) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *json = NULL;
  int b = 0, *bad = &b;
  const concert_scenario *s = w->s;
  json_t *root = json_object();
  SET(root, "schema", json_string("concert-sweep/1"));
  SET(root, "scenario", json_string(s->name));
  SET(root, "forum", json_string(s->forums[w->forum].id));
  SET(root, "model", json_string(w->model));
  SET(root, "runs", json_integer((json_int_t)concert_sweep_runs(w)));
  SET(root, "seed", json_integer((json_int_t)w->seed));
  json_t *doc = json_object();
  for (int f = 0; f < 5; f++)
    SET(doc, concert_document_fate_name((concert_document_fate)f),
        est_json(concert_sweep_fate(w, (concert_document_fate)f), bad));
  SET(root, "document", doc);
  json_t *issues = json_array();
  for (size_t i = 0; i < w->ni; i++) {
    json_t *x = json_object();
    SET(x, "issue", json_string(s->issues[w->issue[i]].id));
    SET(x, "statement", est_json(concert_sweep_statement(w, i), bad));
    SET(x, "joint", est_json(concert_sweep_joint(w, i), bad));
    SET(x, "text", spread_json(concert_sweep_text(w, i), bad));
    json_t *ms = json_array();
    for (size_t m = 0; m < w->nm; m++) {
      json_t *y = json_object();
      SET(y, "actor", json_string(s->actors[w->member[m]].id));
      SET(y, "signs", est_json(concert_sweep_signs(w, i, m), bad));
      SET(y, "blocks", est_json(concert_sweep_blocks(w, i, m), bad));
      PUSH(ms, y);
    }
    SET(x, "members", ms);
    PUSH(issues, x);
  }
  SET(root, "issues", issues);
  json_t *rift = json_array();
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    json_t *x = spread_json(concert_sweep_rift(w, (concert_rift_component)c), bad);
    SET(x, "component", json_string(concert_rift_component_id((concert_rift_component)c)));
    PUSH(rift, x);
  }
  SET(root, "rift", rift);
  json_t *gains = json_array();
  for (size_t m = 0; m < w->nm; m++) {
    json_t *x = spread_json(concert_sweep_net_gain(w, m), bad);
    SET(x, "actor", json_string(s->actors[w->member[m]].id));
    PUSH(gains, x);
  }
  SET(root, "net_gain", gains);
  json_t *vs = json_object();
  SET(vs, "method", json_string("first-order, given data"));
  SET(vs, "bins", json_integer(CONCERT_SWEEP_SHARE_BINS));
  SET(vs, "inputs", json_integer((json_int_t)w->nin));
  SET(vs, "floor", concert_i_json_num(CONCERT_SWEEP_SHARE_FLOOR));
  SET(vs, "chance", concert_i_json_num(concert_sweep_share_chance(w)));
  json_t *hl = json_array();
  for (size_t h = 0; h < w->nh; h++) {
    json_t *x = json_object();
    SET(x, "headline", json_string(h ? "statement" : "document"));
    if (h) SET(x, "issue", json_string(s->issues[w->issue[h - 1]].id));
    SET(x, "p", concert_i_json_num(headline_p(w, h).p));
    bool varies = w->nin == 0 || !isnan(concert_sweep_variance_share(w, h, 0));
    SET(x, "varies", json_boolean(varies && w->nin > 0));
    size_t n = 0, *idx = ranked(w, h, &n);
    json_t *sh = json_array();
    for (size_t t = 0; t < n; t++) {
      const concert_sweep_input *in = &w->in[idx[t]];
      json_t *y = json_object();
      SET(y, "kind", json_string(concert_sweep_input_kind_name(in->kind)));
      if (in->actor < s->n_actors) SET(y, "actor", json_string(s->actors[in->actor].id));
      if (in->issue < s->n_issues) SET(y, "issue", json_string(s->issues[in->issue].id));
      if (in->kind == CONCERT_SWEEP_EVENT) {
        SET(y, "event", json_integer((json_int_t)in->event));
        SET(y, "what", json_string(event_word(w, in)));
      }
      SET(y, "S", concert_i_json_num(concert_sweep_variance_share(w, h, idx[t])));
      PUSH(sh, y);
    }
    free(idx);
    SET(x, "shares", sh);
    PUSH(hl, x);
  }
  SET(vs, "headlines", hl);
  SET(root, "variance_shares", vs);
  return concert_i_json_finish(root, b, 6, json, d, "cannot write the sweep as JSON");
}

/* ---- text -------------------------------------------------------------------------- */

static void est_text(FILE *out, concert_estimate e) { fprintf(out, "  %5.3f ± %5.3f", e.p, e.se); }

static void num(FILE *out, double x, int prec) {
  if (isnan(x)) fprintf(out, "%7s", "-");
  else fprintf(out, " %6.*f", prec, x);
}

static void spread_text(FILE *out, concert_spread sp, int prec) {
  fprintf(out, " %5zu", sp.n);
  num(out, sp.mean, prec);
  for (int q = 0; q < 5; q++) num(out, sp.q[q], prec);
  fprintf(out, "\n");
}

static void member_table(FILE *out, const concert_sweep *w, bool blocks) {
  const concert_scenario *s = w->s;
  fprintf(out, "  %-22s", "issue");
  for (size_t m = 0; m < w->nm; m++) fprintf(out, " %6.6s", s->actors[w->member[m]].id);
  fprintf(out, "\n");
  for (size_t i = 0; i < w->ni; i++) {
    fprintf(out, "  %-22.22s", s->issues[w->issue[i]].id);
    for (size_t m = 0; m < w->nm; m++) {
      concert_estimate e = blocks ? concert_sweep_blocks(w, i, m) : concert_sweep_signs(w, i, m);
      fprintf(out, " %6.3f", e.p);
    }
    fprintf(out, "\n");
  }
}

/* Per headline, the inputs its variance hinges on (docs/sweep.md, "Variance shares"). */
static void hinges_text(FILE *out, const concert_sweep *w) {
  const concert_scenario *s = w->s;
  double chance = concert_sweep_share_chance(w), floor_ = CONCERT_SWEEP_SHARE_FLOOR;
  if (chance > floor_) floor_ = chance;
  fprintf(out, "\nHinges on: first-order variance shares (%zu inputs, %d bins each), shown "
               "above %.3f\n(the floor %.2f, or what an input without effect exceeds once in "
               "10,000 at %zu runs)\n", w->nin, CONCERT_SWEEP_SHARE_BINS, floor_,
          CONCERT_SWEEP_SHARE_FLOOR, concert_sweep_runs(w));
  for (size_t h = 0; h < w->nh; h++) {
    char name[64];
    if (h) snprintf(name, sizeof name, "%s", s->issues[w->issue[h - 1]].id);
    else snprintf(name, sizeof name, "%s issued", s->forums[w->forum].declaration ? "declaration" : "communique");
    fprintf(out, "  %-22.22s  ", name);
    size_t n = 0, *idx = ranked(w, h, &n), shown = 0;
    if (w->nin == 0) fprintf(out, "nothing is drawn");
    else if (isnan(concert_sweep_variance_share(w, h, 0)))
      fprintf(out, "never varies (p = %.3f)", headline_p(w, h).p);
    for (size_t t = 0; t < n && shown < 3; t++) {
      double x = concert_sweep_variance_share(w, h, idx[t]);
      if (x < floor_) break;
      char label[128];
      input_label(w, &w->in[idx[t]], label, sizeof label);
      fprintf(out, "%s%s (S = %.2f)", shown++ ? ", " : "", label, x);
    }
    if (!shown && w->nin && !isnan(concert_sweep_variance_share(w, h, 0)))
      fprintf(out, "no single input explains %.1f%% or more", 100 * floor_);
    free(idx);
    fprintf(out, "\n");
  }
}

concert_status concert_sweep_write_text(const concert_sweep *w, FILE *out) {
  if (!w || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = w->s;
  const concert_i_forum *f = &s->forums[w->forum];
  fprintf(out, "Sweep: %s, forum %s (%s), model %s\n", s->name, f->id, f->name, w->model);
  fprintf(out, "%zu runs, seed %llu; probabilities with their Monte Carlo standard errors\n",
          concert_sweep_runs(w), (unsigned long long)w->seed);
  fprintf(out, "\n%s\n", f->declaration ? "Declaration" : "Communique");
  static const char *const words[5] = {"issued", "issued with carve-outs", "forgone by the chair",
                                       "failed", "disowned"};
  for (int k = 0; k < 5; k++) {
    fprintf(out, "  %-22s", words[k]);
    est_text(out, concert_sweep_fate(w, (concert_document_fate)k));
    fprintf(out, "\n");
  }
  fprintf(out, "\nStatements                  any statement   joint statement\n");
  for (size_t i = 0; i < w->ni; i++) {
    fprintf(out, "  %-22.22s", s->issues[w->issue[i]].id);
    est_text(out, concert_sweep_statement(w, i));
    est_text(out, concert_sweep_joint(w, i));
    fprintf(out, "\n");
  }
  fprintf(out, "\nTexts issued (0-100)       runs    mean     5%%    25%%    50%%    75%%    95%%\n");
  for (size_t i = 0; i < w->ni; i++) {
    fprintf(out, "  %-22.22s", s->issues[w->issue[i]].id);
    spread_text(out, concert_sweep_text(w, i), 1);
  }
  fprintf(out, "\nSigning the statement (probability)\n");
  member_table(out, w, false);
  fprintf(out, "\nBlocking the text (probability)\n");
  member_table(out, w, true);
  fprintf(out, "\nRift index                 runs    mean     5%%    25%%    50%%    75%%    95%%\n");
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    fprintf(out, "  %-22.22s", concert_rift_component_id((concert_rift_component)c));
    spread_text(out, concert_sweep_rift(w, (concert_rift_component)c), 3);
  }
  fprintf(out, "\nNet gains (points)         runs    mean     5%%    25%%    50%%    75%%    95%%\n");
  for (size_t m = 0; m < w->nm; m++) {
    fprintf(out, "  %-22.22s", s->actors[w->member[m]].id);
    spread_text(out, concert_sweep_net_gain(w, m), 1);
  }
  size_t outside = 0;
  for (size_t i = 0; i < w->ni; i++) outside += concert_sweep_text(w, i).outside;
  for (int c = 0; c < CONCERT_RIFT_N; c++)
    outside += concert_sweep_rift(w, (concert_rift_component)c).outside;
  for (size_t m = 0; m < w->nm; m++) outside += concert_sweep_net_gain(w, m).outside;
  if (outside)
    fprintf(out, "(%zu values fell outside their histogram's range: texts 0..100, rift 0..1, "
                 "net gains -100..100; their quantiles are read as the range's end)\n",
            outside);
  hinges_text(out, w);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}

/* ---- CSV --------------------------------------------------------------------------- */

static void row(concert_csv_out *out, const char *forum, const char *quantity, const char *issue,
                const char *actor, double value, double se) {
  concert_i_csv_text(out, forum);
  concert_i_csv_text(out, quantity);
  concert_i_csv_text(out, issue);
  concert_i_csv_text(out, actor);
  concert_i_csv_num(out, value);
  concert_i_csv_num(out, se);
  concert_i_csv_end(out);
}

static void spread_rows(concert_csv_out *out, const char *forum, const char *prefix, const char *issue,
                        const char *actor, concert_spread sp) {
  char q[64];
  snprintf(q, sizeof q, "%s.n", prefix);
  row(out, forum, q, issue, actor, (double)sp.n, NAN);
  snprintf(q, sizeof q, "%s.mean", prefix);
  row(out, forum, q, issue, actor, sp.mean, sp.se);
  for (int k = 0; k < 5; k++) {
    snprintf(q, sizeof q, "%s.%s", prefix, qnames[k]);
    row(out, forum, q, issue, actor, sp.q[k], NAN);
  }
  if (sp.outside) {
    snprintf(q, sizeof q, "%s.outside", prefix);
    row(out, forum, q, issue, actor, (double)sp.outside, NAN);
  }
}

concert_status concert_sweep_write_csv(const concert_sweep *w, FILE *f) {
  if (!w || !f) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = w->s;
  const char *fo = s->forums[w->forum].id;
  concert_csv_out co, *out = &co;
  concert_i_csv_init(out, f);
  static const char *const header[] = {"forum", "quantity", "issue", "actor", "value", "se", NULL};
  concert_i_csv_row(out, header);
  for (int k = 0; k < 5; k++) {
    concert_estimate e = concert_sweep_fate(w, (concert_document_fate)k);
    char q[64];
    snprintf(q, sizeof q, "document.%s", concert_document_fate_name((concert_document_fate)k));
    row(out, fo, q, "", "", e.p, e.se);
  }
  for (size_t i = 0; i < w->ni; i++) {
    const char *is = s->issues[w->issue[i]].id;
    concert_estimate e = concert_sweep_statement(w, i);
    row(out, fo, "statement", is, "", e.p, e.se);
    e = concert_sweep_joint(w, i);
    row(out, fo, "joint", is, "", e.p, e.se);
    spread_rows(out, fo, "text", is, "", concert_sweep_text(w, i));
    for (size_t m = 0; m < w->nm; m++) {
      const char *ac = s->actors[w->member[m]].id;
      e = concert_sweep_signs(w, i, m);
      row(out, fo, "signs", is, ac, e.p, e.se);
      e = concert_sweep_blocks(w, i, m);
      row(out, fo, "blocks", is, ac, e.p, e.se);
    }
  }
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    char p[48];
    snprintf(p, sizeof p, "rift.%s", concert_rift_component_id((concert_rift_component)c));
    spread_rows(out, fo, p, "", "", concert_sweep_rift(w, (concert_rift_component)c));
  }
  for (size_t m = 0; m < w->nm; m++)
    spread_rows(out, fo, "net_gain", "", s->actors[w->member[m]].id, concert_sweep_net_gain(w, m));
  for (size_t h = 0; h < w->nh; h++) {
    size_t n = 0, *idx = ranked(w, h, &n);
    for (size_t t = 0; t < n; t++) {
      const concert_sweep_input *in = &w->in[idx[t]];
      char q[160];
      int len = snprintf(q, sizeof q, "variance_share.%s%s.%s", h ? "statement:" : "document",
                         h ? s->issues[w->issue[h - 1]].id : "",
                         concert_sweep_input_kind_name(in->kind));
      if (in->kind == CONCERT_SWEEP_EVENT && len > 0 && (size_t)len < sizeof q)
        snprintf(q + len, sizeof q - (size_t)len, ".%zu", in->event);
      row(out, fo, q, in->issue < s->n_issues ? s->issues[in->issue].id : "",
          in->actor < s->n_actors ? s->actors[in->actor].id : "",
          concert_sweep_variance_share(w, h, idx[t]), NAN);
    }
    free(idx);
  }
  return concert_i_csv_finish(out, NULL);
}
