/* write.c: writes the derived scenario as YAML in the scenario format with `codebook: 1`
 * (docs/scenario-format.md): one actor field or one stance per line so that diffs read
 * well, fixed decimals (capability 2, position 1, salience 2), every given node of the spec
 * copied unchanged in flow style, every number not given and not derivable written as a
 * judgment range marked TO FILL. Issue keys that only derive reads (family, direction,
 * years) become a comment. */
#include <libfyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/derive_i.h"
#include "status/diag.h"

/* Copies a node in flow style on one line. */
static void copy(FILE *f, struct fy_node *n) {
  char *s = fy_emit_node_to_string(
      n, FYECF_MODE_FLOW_ONELINE | FYECF_WIDTH_INF | FYECF_NO_ENDING_NEWLINE);
  if (s)
    fputs(s, f);
  else
    fputs("null", f);
  free(s);
}

static struct fy_node *get(struct fy_node *map, const char *key) {
  return map ? fy_node_mapping_lookup_by_string(map, key, FY_NT) : NULL;
}

/* Writes {value: V, low: L, high: H, source: "..."} with dec decimals. */
static void number(FILE *f, int dec, double v, double lo, double hi, const char *source) {
  fprintf(f, "{value: %.*f, low: %.*f, high: %.*f, source: ", dec, v, dec, lo, dec, hi);
  concert_i_yaml_quote(f, source);
  fputc('}', f);
}

/* Writes every pair of map as "INDENTkey: flow" lines, skipping the keys in skip; the
 * first line starts with first (e.g. "  - "). */
static void pairs(FILE *f, struct fy_node *map, const char *first, const char *indent,
                  const char *const *skip, bool *started) {
  void *it = NULL;
  struct fy_node_pair *p;
  while ((p = fy_node_mapping_iterate(map, &it))) {
    const char *key = fy_node_get_scalar0(fy_node_pair_key(p));
    bool skipped = false;
    for (size_t i = 0; key && skip && skip[i]; i++) skipped = skipped || strcmp(key, skip[i]) == 0;
    if (!key || skipped) continue;
    fputs(*started ? indent : first, f);
    *started = true;
    fprintf(f, "%s: ", key);
    copy(f, fy_node_pair_value(p));
    fputc('\n', f);
  }
}

static void write_issue(FILE *f, const concert_i_spec_issue *q) {
  static const char *const skip[] = {"id", "family", "direction", "years", NULL};
  fprintf(f, "  - id: %s\n", q->id);
  bool started = true;
  pairs(f, q->node, "  - ", "    ", skip, &started);
  if (!get(q->node, "reversion")) {
    fputs("    reversion: ", f);
    number(f, 1, 50, 0, 100, CONCERT_I_TO_FILL_SOURCE);
    fputc('\n', f);
  }
  if (q->fam)
    fprintf(f, "    # derive: family %s (%s), UNGA votes %d-%d\n", q->fam->code,
            q->oppose ? "oppose" : "support", q->from, q->to);
}

static void write_stance(FILE *f, const concert_i_spec *s, size_t ai, size_t k,
                         const concert_i_derived *dv) {
  const concert_i_spec_actor *a = &s->actors[ai];
  struct fy_node *given = get(a->stances, s->issues[k].id);
  const concert_i_dnum *p = &dv->position[ai * s->n_issues + k];
  fprintf(f, "      %s: {position: ", s->issues[k].id);
  if (get(given, "position"))
    copy(f, get(given, "position"));
  else if (p->ok)
    number(f, 1, p->value, p->low, p->high, p->source);
  else
    number(f, 1, 50, 0, 100, CONCERT_I_TO_FILL_SOURCE);
  fputs(", salience: ", f);
  if (get(given, "salience"))
    copy(f, get(given, "salience"));
  else
    number(f, 2, 0.5, 0.1, 1, CONCERT_I_TO_FILL_SOURCE);
  static const char *const rest[] = {"red_line", "tolerance", "source"};
  for (size_t i = 0; i < 3; i++)
    if (get(given, rest[i])) {
      fprintf(f, ", %s: ", rest[i]);
      copy(f, get(given, rest[i]));
    }
  fputs("}\n", f);
}

static void write_actor(FILE *f, const concert_i_spec *s, size_t ai, const concert_i_derived *dv) {
  const concert_i_spec_actor *a = &s->actors[ai];
  fprintf(f, "  - id: %s\n    name: ", a->id);
  if (get(a->node, "name"))
    copy(f, get(a->node, "name"));
  else
    concert_i_yaml_quote(f, dv->actor_name[ai] ? dv->actor_name[ai] : a->id);
  fputs("\n    capability: ", f);
  const concert_i_dnum *c = &dv->capability[ai];
  if (get(a->node, "capability"))
    copy(f, get(a->node, "capability"));
  else if (c->ok)
    number(f, 2, c->value, c->low, c->high, c->source);
  else
    number(f, 2, 1, 0.1, 10, CONCERT_I_TO_FILL_SOURCE);
  fputc('\n', f);
  if (get(a->node, "source")) {
    fputs("    source: ", f);
    copy(f, get(a->node, "source"));
    fputc('\n', f);
  }
  fputs("    stances:\n", f);
  for (size_t k = 0; k < s->n_issues; k++) write_stance(f, s, ai, k, dv);
}

concert_status concert_i_write(FILE *out, const concert_i_spec *s, const concert_i_derived *dv,
                               concert_diag *d) {
  fprintf(out,
          "# %s: a scenario skeleton written by `concert derive` (docs/derive.md) for a\n"
          "# summit in %d. Numbers whose source begins \"data:\" come from data/world and\n"
          "# data/derived; every \"judgment: TO FILL\" is a number to code by\n"
          "# docs/codebook.md (a strict load refuses the file until none is left).\n",
          dv->name, s->year);
  fputs("name: ", out);
  concert_i_yaml_quote(out, dv->name);
  fputc('\n', out);
  static const char *const top[] = {"description", "source", "model", "protocol"};
  for (size_t i = 0; i < 4; i++) {
    if (i == 2) fputs("codebook: 1\n", out);
    if (!get(s->root, top[i])) continue;
    fprintf(out, "%s: ", top[i]);
    copy(out, get(s->root, top[i]));
    fputc('\n', out);
  }
  fputs("\nissues:\n", out);
  for (size_t k = 0; k < s->n_issues; k++) write_issue(out, &s->issues[k]);
  fputs("\nactors:\n", out);
  for (size_t i = 0; i < s->n_actors; i++) write_actor(out, s, i, dv);
  fputs("\nforums:\n", out);
  void *it = NULL;
  struct fy_node *e;
  while ((e = fy_node_sequence_iterate(s->forums, &it))) {
    bool started = false;
    pairs(out, e, "  - ", "    ", NULL, &started);
  }
  if (fflush(out) != 0 || ferror(out))
    return CONCERT_FAIL(d, CONCERT_ERR_IO, "cannot write the scenario");
  return CONCERT_OK;
}
