/* outcome_csv.c: the outcome of a summit as tidy long CSV (docs/csv.md): one observation per
 * row, columns forum,section,issue,actor,quantity,value,label; a number goes to value, a
 * word to label. `concert compare --format csv` writes the same rows for every forum. */
#include <math.h>
#include <stdint.h>

#include "io/csv_out.h"
#include "summit/outcome_i.h"

static const char *const header[] = {"forum",    "section", "issue", "actor",
                                     "quantity", "value",   "label", NULL};

void concert_i_outcome_csv_header(concert_csv_out *c) { concert_i_csv_row(c, header); }

/* One row; value NaN and label NULL leave their cells empty. */
static void row(concert_csv_out *c, const char *forum, const char *section, const char *issue,
                const char *actor, const char *quantity, double value, const char *label) {
  concert_i_csv_text(c, forum);
  concert_i_csv_text(c, section);
  concert_i_csv_text(c, issue);
  concert_i_csv_text(c, actor);
  concert_i_csv_text(c, quantity);
  concert_i_csv_num(c, value);
  concert_i_csv_text(c, label);
  concert_i_csv_end(c);
}

static double flag(bool b) { return b ? 1.0 : 0.0; }

void concert_i_outcome_csv_rows(concert_csv_out *c, const concert_outcome *o) {
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), nm = concert_scenario_forum_member_count(s, f);
  const char *fo = concert_scenario_forum_id(s, f);
  concert_communique cm = concert_outcome_communique(o);
  row(c, fo, "summit", "", "", "model", NAN, concert_outcome_model(o));
  row(c, fo, "document", "", "", "fate", NAN, concert_document_fate_name(cm.fate));
  row(c, fo, "document", "", "", "declaration", flag(cm.declaration), NULL);
  row(c, fo, "document", "", "", "attempted", flag(cm.attempted), NULL);
  row(c, fo, "document", "", "", "issued", flag(cm.issued), NULL);
  row(c, fo, "document", "", "", "chair_forwent", flag(cm.chair_forwent), NULL);
  row(c, fo, "document", "", "", "expected_failure", cm.expected_chance, NULL);
  for (size_t i = 0; i < cm.n_endorsers; i++)
    row(c, fo, "document", "", concert_scenario_actor_id(s, cm.endorsers[i]), "endorses", 1, NULL);
  for (size_t i = 0; i < cm.n_objectors; i++)
    row(c, fo, "document", "", concert_scenario_actor_id(s, cm.objectors[i]), "objects", 1, NULL);
  size_t ni = concert_outcome_issue_count(o);
  for (size_t i = 0; i < ni; i++) {
    const concert_issue_result *r = concert_outcome_issue(o, i);
    const char *is = concert_scenario_issue_id(s, r->issue);
    row(c, fo, "issue", is, "", "outcome", r->outcome, NULL);
    row(c, fo, "issue", is, "", "dispersion", r->dispersion, NULL);
    row(c, fo, "issue", is, "", "statement", NAN, concert_statement_kind_name(r->kind));
    row(c, fo, "issue", is, "", "text", r->text, NULL);
    row(c, fo, "issue", is, "", "text_kind", NAN,
        concert_statement_kind_name(concert_outcome_issue_text(o, i)));
    if (r->in_summary)
      row(c, fo, "issue", is, "", "summary", NAN, concert_wording_name(r->wording));
    if (i < cm.n_paragraphs) {
      const concert_paragraph *p = &cm.paragraphs[i];
      row(c, fo, "paragraph", is, "", "fate", NAN, concert_paragraph_fate_name(p->fate));
      row(c, fo, "paragraph", is, "", "drafted", p->drafted, NULL);
      row(c, fo, "paragraph", is, "", "text", p->text, NULL);
    }
    for (size_t m = 0; m < nm; m++) {
      size_t a = concert_scenario_forum_member(s, f, m);
      const char *ac = concert_scenario_actor_id(s, a);
      row(c, fo, "member_issue", is, ac, "signs", flag(concert_outcome_issue_text_signs(o, i, a)),
          NULL);
      row(c, fo, "member_issue", is, ac, "blocks", flag(concert_outcome_issue_text_blocks(o, i, a)),
          NULL);
    }
  }
  for (size_t k = 0; k < concert_outcome_veto_count(o); k++) {
    const concert_veto *v = concert_outcome_veto(o, k);
    const char *is =
        v->issue < concert_scenario_issue_count(s) ? concert_scenario_issue_id(s, v->issue) : "";
    row(c, fo, "objection", is, concert_scenario_actor_id(s, v->actor), "excess", v->excess,
        concert_objection_name(v->role));
  }
  for (size_t m = 0; m < nm; m++) {
    const concert_attendance *at = concert_outcome_attendance(o, m);
    const char *ac = concert_scenario_actor_id(s, at->actor);
    row(c, fo, "member", "", ac, "attendance", NAN, concert_attendance_name(at->kind));
    row(c, fo, "member", "", ac, "net_gain", concert_outcome_net_gain(o, m), NULL);
  }
}

concert_status concert_outcome_write_csv(const concert_outcome *o, FILE *out) {
  if (!o || !out) return CONCERT_ERR_ARGUMENT;
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  concert_i_outcome_csv_header(&c);
  concert_i_outcome_csv_rows(&c, o);
  return concert_i_csv_finish(&c, NULL);
}
