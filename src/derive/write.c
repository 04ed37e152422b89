/* write.c: writes the derived scenario as YAML in the scenario format with `codebook: 1`
 * (docs/scenario-format.md): one actor field or one stance per line so that diffs read
 * well, fixed decimals (capability 2, position 1, salience 2), every given node of the spec
 * copied unchanged in flow style (each scalar in the style it was written in), every number not
 * given and not derivable written as a judgment range marked TO FILL. Issue keys that only derive
 * reads (family, direction, years) become a comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/derive_i.h"
#include "status/diag.h"

/* Writes text (len bytes) double-quoted, escaping what YAML needs escaped. */
static void double_quoted(FILE *f, const char *t, size_t len) {
  fputc('"', f);
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)t[i];
    const char *esc = ch == '"'    ? "\\\""
                      : ch == '\\' ? "\\\\"
                      : ch == '\n' ? "\\n"
                      : ch == '\t' ? "\\t"
                      : ch == '\r' ? "\\r"
                      : ch == 0    ? "\\0"
                                   : NULL;
    if (esc)
      fputs(esc, f);
    else if (ch < 0x20 || ch == 0x7f)
      fprintf(f, "\\x%02x", ch);
    else
      fputc(ch, f);
  }
  fputc('"', f);
}

/* Copies a node of the spec in flow style on one line, each scalar in the style it was
 * written in (a block scalar single-quoted, or double-quoted when it holds a line break;
 * an empty value stays empty), as libfyaml's one-line flow emitter wrote them. */
static void copy(FILE *f, const concert_i_ynode *n) {
  if (!n) {
    fputs("null", f);
    return;
  }
  if (n->kind == CONCERT_I_Y_SEQ || n->kind == CONCERT_I_Y_MAP) {
    bool map = n->kind == CONCERT_I_Y_MAP;
    fputc(map ? '{' : '[', f);
    for (uint32_t i = 0; i < n->n; i++) {
      if (i) fputs(map && i % 2 ? ": " : ", ", f);
      copy(f, &n->u.kids[i]);
    }
    fputc(map ? '}' : ']', f);
    return;
  }
  const char *t = n->u.text;
  size_t len = n->n;
  bool lines = memchr(t, '\n', len) != NULL;
  switch (lines && n->style != CONCERT_I_Y_DOUBLE ? CONCERT_I_Y_DOUBLE : n->style) {
    case CONCERT_I_Y_PLAIN:
      fwrite(t, 1, len, f);
      break;
    case CONCERT_I_Y_DOUBLE:
      double_quoted(f, t, len);
      break;
    default: /* single-quoted, and block scalars without a line break */
      fputc('\'', f);
      for (size_t i = 0; i < len; i++) {
        if (t[i] == '\'') fputc('\'', f);
        fputc(t[i], f);
      }
      fputc('\'', f);
  }
}

static const concert_i_ynode *get(const concert_i_ynode *map, const char *key) {
  return concert_i_yaml_get(map, key);
}

/* Writes {value: V, low: L, high: H, source: "..."} with dec decimals. */
static void number(FILE *f, int dec, double v, double lo, double hi, const char *source) {
  fprintf(f, "{value: %.*f, low: %.*f, high: %.*f, source: ", dec, v, dec, lo, dec, hi);
  concert_i_yaml_quote(f, source);
  fputc('}', f);
}

/* Writes every pair of map as "INDENTkey: flow" lines, skipping the keys in skip; the
 * first line starts with first (e.g. "  - "). */
static void pairs(FILE *f, const concert_i_ynode *map, const char *first, const char *indent,
                  const char *const *skip, bool *started) {
  size_t it = 0;
  const concert_i_ynode *k, *v;
  while (concert_i_yaml_pair(map, &it, &k, &v)) {
    const char *key = concert_i_yaml_scalar(k);
    bool skipped = false;
    for (size_t i = 0; key && skip && skip[i]; i++) skipped = skipped || strcmp(key, skip[i]) == 0;
    if (!key || skipped) continue;
    fputs(*started ? indent : first, f);
    *started = true;
    fprintf(f, "%s: ", key);
    copy(f, v);
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
  const concert_i_ynode *given = get(a->stances, s->issues[k].id);
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
  size_t it = 0;
  const concert_i_ynode *e;
  while ((e = concert_i_yaml_next(s->forums, &it))) {
    bool started = false;
    pairs(out, e, "  - ", "    ", NULL, &started);
  }
  if (fflush(out) != 0 || ferror(out))
    return CONCERT_FAIL(d, CONCERT_ERR_IO, "cannot write the scenario");
  return CONCERT_OK;
}
