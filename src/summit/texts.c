/* texts.c: what the summit's texts say on each agenda issue, counted the way a record of a
 * real summit counts it (data/record/PROVENANCE.md, rules S2-S6 and B1): a text exists on
 * an issue when a statement on it was issued or the issued document holds its paragraph,
 * restating agreed language included (concert/summit.h, concert_outcome_issue_text). */
#include <concert/scenario.h>
#include <concert/summit.h>

/* The paragraph of agenda issue i when the issued document holds a text on it (also when
 * the document was later disowned: a record codes texts as adopted), else NULL. A paragraph
 * restating a reversion point of 0 says nothing: 0 is "no joint text" on a cooperation
 * scale and the reversion point of an issue no recent summit spoke on (codebook S2, R2). */
static const concert_paragraph *paragraph(const concert_outcome *o, size_t i) {
  concert_communique c = concert_outcome_communique(o);
  if (!c.issued || i >= c.n_paragraphs) return NULL;
  const concert_paragraph *p = &c.paragraphs[i];
  if (p->fate == CONCERT_PARAGRAPH_DROPPED) return NULL;
  bool restating = p->fate == CONCERT_PARAGRAPH_RESTATES ||
                   (p->fate == CONCERT_PARAGRAPH_CARVED_OUT && p->restating);
  if (restating && !(concert_scenario_issue_reversion(concert_outcome_scenario(o), p->issue) > 0))
    return NULL;
  return p;
}

static bool listed(const size_t *v, size_t n, size_t x) {
  for (size_t k = 0; k < n; k++)
    if (v[k] == x) return true;
  return false;
}

concert_statement_kind concert_outcome_issue_text(const concert_outcome *o, size_t i) {
  const concert_issue_result *r = o ? concert_outcome_issue(o, i) : NULL;
  if (!r) return CONCERT_STATEMENT_NONE;
  const concert_paragraph *p = paragraph(o, i);
  if (r->kind == CONCERT_STATEMENT_JOINT ||
      (p && p->fate != CONCERT_PARAGRAPH_CARVED_OUT))
    return CONCERT_STATEMENT_JOINT;
  if (r->kind == CONCERT_STATEMENT_MINILATERAL || p) return CONCERT_STATEMENT_MINILATERAL;
  return CONCERT_STATEMENT_NONE;
}

bool concert_outcome_issue_text_signs(const concert_outcome *o, size_t i, size_t actor) {
  const concert_issue_result *r = o ? concert_outcome_issue(o, i) : NULL;
  if (!r) return false;
  if (r->kind != CONCERT_STATEMENT_NONE && listed(r->signatories, r->n_signatories, actor))
    return true;
  const concert_paragraph *p = paragraph(o, i);
  if (!p) return false;
  concert_communique c = concert_outcome_communique(o);
  return listed(c.endorsers, c.n_endorsers, actor) &&
         !listed(p->carved_out, p->n_carved_out, actor);
}

bool concert_outcome_issue_text_blocks(const concert_outcome *o, size_t i, size_t actor) {
  const concert_issue_result *r = o ? concert_outcome_issue(o, i) : NULL;
  if (!r || concert_outcome_issue_text(o, i) == CONCERT_STATEMENT_JOINT) return false;
  const concert_paragraph *p = paragraph(o, i);
  if (p && listed(p->carved_out, p->n_carved_out, actor)) return true;
  for (size_t v = 0; v < concert_outcome_veto_count(o); v++) {
    const concert_veto *ve = concert_outcome_veto(o, v);
    if (ve->issue == r->issue && ve->actor == actor &&
        (ve->role == CONCERT_OBJECTION_BLOCK || ve->role == CONCERT_OBJECTION_JOINT_BLOCK))
      return true;
  }
  return false;
}
