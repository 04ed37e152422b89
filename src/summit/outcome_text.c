/* outcome_text.c: the readable outcome sheet of a summit. */
#include <math.h>

#include "scenario/scenario_i.h"
#include "summit/outcome_i.h"

static void ids(FILE *out, const concert_scenario *s, const size_t *v, size_t n) {
  for (size_t i = 0; i < n; i++) fprintf(out, "%s%s", i ? ", " : "", s->actors[v[i]].id);
  if (n == 0) fprintf(out, "none");
}

static void attendance(FILE *out, const concert_outcome *o) {
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  for (size_t i = 0; i < f->n_members; i++) {
    const concert_attendance *a = &o->att[i];
    const char *id = s->actors[a->actor].id, *ex = a->exogenous ? " (exogenous)" : "";
    switch (a->kind) {
      case CONCERT_ATTENDANCE_PRESENT:
        break;
      case CONCERT_ATTENDANCE_ABSENT:
        fprintf(out, "Absent: %s stayed away from the summit%s\n", id, ex);
        break;
      case CONCERT_ATTENDANCE_LEADER_ABSENT:
        fprintf(out, "Leader absent: %s's leader stayed away, its delegation attended%s\n", id, ex);
        break;
      case CONCERT_ATTENDANCE_LEADER_LEFT:
        fprintf(out, "Leader left: %s's leader left before session '%s', its delegation stayed%s\n",
                id, f->sessions[a->session].id, ex);
        break;
      case CONCERT_ATTENDANCE_DEPARTED:
        fprintf(out, "Departure: %s left before session '%s'%s\n", id, f->sessions[a->session].id,
                ex);
        break;
    }
  }
}

static void statements(FILE *out, const concert_outcome *o) {
  const concert_scenario *s = o->s;
  fprintf(out, "\nStatements issued\n");
  size_t ndoc = 0;
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    if (res->kind == CONCERT_STATEMENT_NONE) continue;
    ndoc++;
    const char *label = res->kind == CONCERT_STATEMENT_JOINT ? "joint statement"
                        : res->forum_label                   ? "statement of the forum"
                                                             : "statement of members";
    fprintf(out, "  %-22s %-21s at %5.1f  signed by ", s->issues[res->issue].id, label, res->text);
    ids(out, s, res->signatories, res->n_signatories);
    if (res->n_partners) {
      fprintf(out, "; partners ");
      ids(out, s, res->partners, res->n_partners);
    }
    if (res->n_dissociating) {
      fprintf(out, "; dissociating ");
      ids(out, s, res->dissociating, res->n_dissociating);
    }
    fprintf(out, "\n");
  }
  if (ndoc == 0) fprintf(out, "  none\n");
}

/* The inputs the document's expected fate hinges on: one number moved toward an end of its
 * judgment range, all others at their values, and the chair expects another fate from the
 * flip point on (found by bisection, docs/sensitivity.md). */
static void hinges(FILE *out, const concert_outcome *o, const char *const *words) {
  const concert_scenario *s = o->s;
  size_t n = concert_outcome_document_hinge_count(o);
  if (n == 0) {
    fprintf(out, "  no single judgment range, taken to either end, changes the expected fate\n");
    return;
  }
  fprintf(out, "  the expected fate hinges on %zu range end%s (one number moved, the rest at their"
               " values; flip point by bisection):\n",
          n, n == 1 ? "" : "s");
  for (size_t i = 0; i < n; i++) {
    const concert_document_hinge *h = concert_outcome_document_hinge(o, i);
    fprintf(out, "    ");
    if (h->field == CONCERT_HINGE_REVERSION)
      fprintf(out, "reversion point of %s", s->issues[h->issue].id);
    else if (h->field == CONCERT_HINGE_CAPABILITY)
      fprintf(out, "%s capability", s->actors[h->actor].id);
    else
      fprintf(out, "%s %s on %s", s->actors[h->actor].id, concert_hinge_field_name(h->field),
              s->issues[h->issue].id);
    fprintf(out, " %.2f -> %.2f: %s\n", h->value, h->at, words[h->fate]);
  }
}

static void package(FILE *out, const concert_outcome *o) {
  const concert_scenario *s = o->s;
  concert_communique c = concert_outcome_communique(o);
  static const char *const words[] = {"issued", "issued with carve-outs", "forgone by the chair",
                                      "failed", "issued, then disowned"};
  fprintf(out, "\n%s: %s\n", c.declaration ? "Declaration" : "Communique", words[c.fate]);
  fprintf(out, "  %s\n", c.reason);
  fprintf(out, "  chair's expected chance of failure %.2f over %zu evaluation%s\n",
          c.expected_chance, c.n_evaluations, c.n_evaluations == 1 ? "" : "s");
  hinges(out, o, words);
  if (!c.attempted) return;
  for (size_t r = 0; r < c.n_paragraphs; r++) {
    const concert_paragraph *p = &c.paragraphs[r];
    if (!o->res[r].negotiated) continue;
    static const char *const pw[] = {"kept", "softened", "carved out", "dropped", "restates"};
    fprintf(out, "  %-22s %-10s", s->issues[p->issue].id,
            p->restating ? "carved out, restating" : pw[p->fate]);
    if (!isnan(p->text)) fprintf(out, " at %5.1f", p->text);
    /* the draft, wherever the paragraph's text is not it */
    if (!isnan(p->drafted) && (isnan(p->text) || fabs(p->text - p->drafted) > 1e-9))
      fprintf(out, " (drafted %.1f)", p->drafted);
    if (p->n_carved_out) {
      fprintf(out, "; separate paragraph for ");
      ids(out, s, p->carved_out, p->n_carved_out);
    }
    fprintf(out, "\n");
  }
}

concert_status concert_outcome_write_text(const concert_outcome *o, FILE *out) {
  if (!o || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  fprintf(out, "%s\nForum %s (%s), chair %s, model %s\n", s->name, f->id, f->name,
          s->actors[f->chair].id, o->model);
  fprintf(out, "Members: ");
  ids(out, s, f->members, f->n_members);
  fprintf(out, "\nInvited: ");
  ids(out, s, f->invited, f->n_invited);
  fprintf(out, "\n");
  attendance(out, o);
  statements(out, o);
  package(out, o);

  fprintf(out, "\nChair's summary\n");
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    if (!res->in_summary) continue;
    if (isnan(res->dispersion)) {
      fprintf(out, "  No member present to discuss %s (%s)\n", s->issues[res->issue].title,
              s->issues[res->issue].id);
      continue;
    }
    fprintf(out, "  Leaders %s %s (%s; dispersion %.1f)%s\n", concert_wording_name(res->wording),
            s->issues[res->issue].title, s->issues[res->issue].id, res->dispersion,
            res->negotiated ? "" : " [raised, not negotiated]");
  }

  fprintf(out, "\nWhy each text passed or failed\n");
  for (size_t r = 0; r < o->n_res; r++)
    fprintf(out, "  %-22s %s\n", s->issues[o->res[r].issue].id,
            o->res[r].reason ? o->res[r].reason : "");

  if (o->n_deals) {
    fprintf(out, "\nBilateral deals\n");
    for (size_t i = 0; i < o->n_deals; i++) {
      const concert_deal *dl = &o->deals[i];
      fprintf(out, "  %s gives on %s, %s gives on %s (gains %.3f, %.3f)\n",
              s->actors[dl->actor_a].id, s->issues[dl->issue_a].id, s->actors[dl->actor_b].id,
              s->issues[dl->issue_b].id, dl->gain_a, dl->gain_b);
    }
    concert_network_summary ns;
    concert_network_summarize(o->net, &ns);
    fprintf(out, "  network: %zu pairs; hub %s with spokes ", ns.n_edges,
            ns.hub == CONCERT_NETWORK_NO_HUB ? "none" : s->actors[f->members[ns.hub]].id);
    for (size_t i = 0; i < concert_network_spoke_count(o->net); i++)
      fprintf(out, "%s%s", i ? ", " : "",
              s->actors[f->members[concert_network_spoke(o->net, i)]].id);
    fprintf(out, "; degree centralization %.3f, betweenness centralization %.3f\n",
            ns.degree_centralization, ns.betweenness_centralization);
  }

  concert_rift rift;
  if (concert_rift_from_outcome(o, &rift, NULL) == CONCERT_OK) {
    fprintf(out, "\nRift index (three no's, three disputes; docs/rift-index.md)\n");
    for (int k = 0; k < CONCERT_RIFT_N; k++)
      fprintf(out, "  %-40s %4.2f  %s\n", concert_rift_component_label((concert_rift_component)k),
              rift.value[k], rift.flag[k] == CONCERT_TRI_YES ? "flag" : "");
  }

  fprintf(out,
          "\nNet gain per member, in points on the 0-100 scale: how much closer to its position\n"
          "the issued documents moved the forum than the reversion point, averaged over the\n"
          "agenda with its saliences as weights\n");
  for (size_t i = 0; i < f->n_members; i++)
    fprintf(out, "  %-6s %+8.2f\n", s->actors[f->members[i]].id, o->gain[i]);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}
