/* outcome_text.c: the readable outcome sheet of a summit. */
#include <math.h>

#include "scenario/scenario_i.h"
#include "summit/outcome_i.h"

static void ids(FILE *out, const concert_scenario *s, const size_t *v, size_t n) {
  for (size_t i = 0; i < n; i++) fprintf(out, "%s%s", i ? ", " : "", s->actors[v[i]].id);
  if (n == 0) fprintf(out, "none");
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
  for (size_t i = 0; i < o->n_deps; i++)
    fprintf(out, "Departure: %s left before session '%s'\n", s->actors[o->deps[i].actor].id,
            f->sessions[o->deps[i].session].id);

  for (size_t v = 0; v < f->n_events; v++)
    if (f->events[v].kind == CONCERT_EVENT_DISPUTE)
      fprintf(out, "Dispute: %s, %s and %s\n", f->events[v].dispute == CONCERT_I_TAG_TRADE ? "trade" : "role",
              s->actors[f->events[v].actor].id, s->actors[f->events[v].other].id);

  fprintf(out, "\nDocuments issued\n");
  size_t ndoc = 0;
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    if (res->kind == CONCERT_STATEMENT_NONE) continue;
    ndoc++;
    fprintf(out, "  %-22s %-21s at %5.1f  signed by ", s->issues[res->issue].id,
            concert_statement_kind_name(res->kind), res->text);
    ids(out, s, res->signatories, res->n_signatories);
    if (res->n_partners) {
      fprintf(out, "; partners ");
      ids(out, s, res->partners, res->n_partners);
    }
    if (res->kind == CONCERT_STATEMENT_JOINT && fabs(res->text - res->outcome) > 1e-9) {
      fprintf(out, " (re-drafted from %.1f for ", res->outcome);
      ids(out, s, res->rejecters, res->n_rejecters);
      fprintf(out, ")");
    }
    fprintf(out, "\n");
  }
  concert_communique c = concert_outcome_communique(o);
  if (c.issued) ndoc++;
  if (ndoc == 0) fprintf(out, "  none\n");

  fprintf(out, "\nCommunique: ");
  if (c.chair_forwent) {
    fprintf(out, "none: the chair forwent it, expecting objections from ");
    ids(out, s, c.objectors, c.n_objectors);
  } else if (c.issued) {
    fprintf(out, "issued, endorsed by ");
    ids(out, s, c.endorsers, c.n_endorsers);
  } else {
    fprintf(out, "failed, not endorsed by ");
    ids(out, s, c.objectors, c.n_objectors);
  }
  fprintf(out, "\n");
  if (c.n_withdrawn) {
    fprintf(out, "  endorsement withdrawn after departure by ");
    ids(out, s, c.withdrawn, c.n_withdrawn);
    fprintf(out, "\n");
  }

  fprintf(out, "\nChair's summary\n");
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    if (!res->in_summary) continue;
    fprintf(out, "  Leaders %s %s (%s; dispersion %.1f)\n", concert_wording_name(res->wording),
            s->issues[res->issue].title, s->issues[res->issue].id, res->dispersion);
  }

  fprintf(out, "\nVetoes\n");
  size_t nv = 0;
  for (size_t i = 0; i < o->n_vetoes; i++) {
    const concert_veto *v = &o->vetoes[i];
    const concert_i_stance *st = concert_i_stance_at(s, v->actor, v->issue);
    nv++;
    fprintf(out, "  %-22s %s: text %.1f ", s->issues[v->issue].id, s->actors[v->actor].id, v->text);
    if (v->red_line)
      fprintf(out, "crosses its red line %.1f (position %.1f)\n", st->red_line, st->position);
    else
      fprintf(out, "is %.1f points worse than the reversion point %.1f for it (position %.1f)\n",
              v->excess, s->issues[v->issue].reversion, st->position);
  }
  if (nv == 0) fprintf(out, "  none\n");

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
      fprintf(out, "%s%s", i ? ", " : "", s->actors[f->members[concert_network_spoke(o->net, i)]].id);
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

  fprintf(out, "\nNet gain per member (salience-weighted utility over the reversion point)\n");
  for (size_t i = 0; i < f->n_members; i++)
    fprintf(out, "  %-6s %+8.2f\n", s->actors[f->members[i]].id, o->gain[i]);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}
