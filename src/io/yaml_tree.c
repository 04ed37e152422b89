/* io/yaml_tree.c: reads YAML text into concert's own compact tree (io/yaml_read.h) from
 * libfyaml's event stream, one event at a time, each freed at once so that libfyaml's
 * tokens never pile up (its document tree costs about 70 bytes a byte of YAML).
 *
 * A completed node waits on a stack until its parent collection ends; the collection's
 * children are then moved side by side to the end of the node array, so every collection
 * holds one contiguous run of children and the node array grows only once per node.
 * Children and texts are kept as offsets while the arrays grow, and turned into pointers
 * at the end. The checks libfyaml's document loader made are made here the same way: a
 * duplicate key (compared by content, as libfyaml does) is an error at the second key,
 * when the key is read; collections nested 64 deep are refused at the 64th (the loader's
 * limit, with its message); aliases and merge keys are refused after the parse, in
 * document order. */
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

#include "io/utf8.h"
#include "io/yaml_read.h"
#include "status/diag.h"

/* Collections nested this deep are refused (libfyaml's document loader's limit, kept). */
#define MAX_DEPTH 64
#define STR2(x) #x
#define STR(x) STR2(x)

struct concert_i_ydoc {
  concert_i_ynode *nodes;      /* every node; children of a collection side by side */
  char *text;                  /* every scalar's text, NUL-terminated, one after another */
  const concert_i_ynode *root; /* the document's root, in nodes */
};

/* An open collection. */
typedef struct frame {
  unsigned char kind; /* CONCERT_I_Y_SEQ or CONCERT_I_Y_MAP */
  uint32_t line, col; /* where it starts */
  size_t base;        /* the pending stack's height when it started: its children follow */
  uint32_t *slot;     /* a mapping's key hash table (key number + 1; 0 empty), reused */
  size_t nslot, cap;  /* slots in use (0: no table yet, keys compared one by one), allocated */
} frame;

/* The tree being built. */
typedef struct builder {
  concert_i_ynode *out; /* placed nodes (offsets, not pointers, until the end) */
  size_t n_out, cap_out;
  concert_i_ynode *pend; /* completed nodes waiting for their collection to end */
  size_t n_pend, cap_pend;
  char *str; /* texts */
  size_t n_str, cap_str;
  frame *fr; /* open collections, innermost last; entries beyond n_fr keep their tables */
  size_t n_fr, cap_fr, used_fr; /* open, allocated, ever used (their tables to free) */
  const char *bad;              /* what libfyaml's loader would refuse (a duplicate key, ... */
  uint32_t bad_line, bad_col;   /* ... nesting too deep), or NULL; and where */
  bool nomem;                   /* an allocation failed */
} builder;

/* Grows *p (of *cap elements of size sz) to hold need; false when out of memory. */
static bool grow(void **p, size_t *cap, size_t need, size_t sz) {
  if (need <= *cap) return true;
  size_t c = *cap ? *cap : 64;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * sz);
  if (!q) return false;
  *p = q, *cap = c;
  return true;
}

/* Copies len bytes of text into the string buffer; its offset, or SIZE_MAX. */
static size_t add_text(builder *b, const char *t, size_t len) {
  if (!grow((void **)&b->str, &b->cap_str, b->n_str + len + 1, 1)) return SIZE_MAX;
  size_t off = b->n_str;
  if (len) memcpy(b->str + off, t, len);
  b->str[off + len] = '\0';
  b->n_str += len + 1;
  return off;
}

/* FNV-1a of a key: its text for a scalar, its kind and size for a collection. */
static uint32_t key_hash(const builder *b, const concert_i_ynode *k) {
  uint32_t h = 2166136261u ^ k->kind;
  if (k->kind == CONCERT_I_Y_SCALAR || k->kind == CONCERT_I_Y_ALIAS) {
    const unsigned char *t = (const unsigned char *)b->str + k->u.off;
    for (uint32_t i = 0; i < k->n; i++) h = (h ^ t[i]) * 16777619u;
  } else {
    h = (h ^ k->n) * 16777619u;
  }
  return h;
}

/* Equal content (libfyaml's rule for duplicate keys: the style does not count). Children
 * are placed already; the depth guard is never reached (collections nest less than
 * MAX_DEPTH deep). */
static bool same(const builder *b, const concert_i_ynode *x, const concert_i_ynode *y, int depth) {
  if (x->kind != y->kind || x->n != y->n || depth > MAX_DEPTH) return false;
  if (x->kind == CONCERT_I_Y_SCALAR || x->kind == CONCERT_I_Y_ALIAS)
    return memcmp(b->str + x->u.off, b->str + y->u.off, x->n) == 0;
  for (uint32_t i = 0; i < x->n; i++)
    if (!same(b, &b->out[x->u.off + i], &b->out[y->u.off + i], depth + 1)) return false;
  return true;
}

/* Puts key number k of frame f (at pend[f->base + 2k]) into its hash table, which has room;
 * returns the earlier equal key's number + 1, or 0. */
static uint32_t table_put(builder *b, frame *f, uint32_t k, bool check) {
  const concert_i_ynode *key = &b->pend[f->base + 2 * (size_t)k];
  size_t mask = f->nslot - 1, i = key_hash(b, key) & mask;
  for (; f->slot[i]; i = (i + 1) & mask) {
    uint32_t o = f->slot[i] - 1;
    if (check && same(b, &b->pend[f->base + 2 * (size_t)o], key, 0)) return o + 1;
  }
  f->slot[i] = k + 1;
  return 0;
}

/* Key number k of mapping f has just been read: is it the same as an earlier key? Short
 * mappings compare one by one; from 8 keys on a hash table keeps it O(1) a key. */
static bool duplicate_key(builder *b, frame *f, uint32_t k) {
  const concert_i_ynode *key = &b->pend[f->base + 2 * (size_t)k];
  if (k < 8) {
    for (uint32_t o = 0; o < k; o++)
      if (same(b, &b->pend[f->base + 2 * (size_t)o], key, 0)) return true;
    return false;
  }
  if (f->nslot == 0 || 2 * ((size_t)k + 1) > f->nslot) { /* (re)build the table at 4x keys */
    size_t want = f->nslot ? 2 * f->nslot : 64;
    if (!grow((void **)&f->slot, &f->cap, want, sizeof *f->slot)) return b->nomem = true, false;
    f->nslot = want;
    memset(f->slot, 0, want * sizeof *f->slot);
    for (uint32_t o = 0; o < k; o++) table_put(b, f, o, false);
  }
  return table_put(b, f, k, true) != 0;
}

/* A node is complete: it waits on the pending stack for its parent. */
static void complete(builder *b, const concert_i_ynode *n) {
  if (!grow((void **)&b->pend, &b->cap_pend, b->n_pend + 1, sizeof *b->pend)) {
    b->nomem = true;
    return;
  }
  b->pend[b->n_pend++] = *n;
  frame *f = b->n_fr ? &b->fr[b->n_fr - 1] : NULL;
  size_t i = f ? b->n_pend - 1 - f->base : 0;
  if (f && f->kind == CONCERT_I_Y_MAP && i % 2 == 0 && !b->bad &&
      duplicate_key(b, f, (uint32_t)(i / 2)))
    b->bad = "duplicate key", b->bad_line = n->line, b->bad_col = n->col;
}

/* A collection starts at m: the 64th one open is refused, as libfyaml's loader does. */
static void open_frame(builder *b, unsigned char kind, const struct fy_mark *m) {
  if (b->n_fr + 1 >= MAX_DEPTH) {
    b->bad = "Max depth (" STR(MAX_DEPTH) ") exceeded";
    b->bad_line = m ? (uint32_t)m->line + 1 : 0, b->bad_col = m ? (uint32_t)m->column + 1 : 0;
    return;
  }
  if (!grow((void **)&b->fr, &b->cap_fr, b->n_fr + 1, sizeof *b->fr)) {
    b->nomem = true;
    return;
  }
  frame *f = &b->fr[b->n_fr];
  if (b->n_fr == b->used_fr) { /* a frame never used before: no table yet */
    f->slot = NULL, f->cap = 0;
    b->used_fr++;
  }
  f->kind = kind;
  f->line = m ? (uint32_t)m->line + 1 : 0, f->col = m ? (uint32_t)m->column + 1 : 0;
  f->base = b->n_pend;
  f->nslot = 0;
  b->n_fr++;
}

/* The innermost collection ends: its children move side by side to the end of the node
 * array, and it completes. */
static void close_frame(builder *b) {
  frame *f = &b->fr[--b->n_fr];
  size_t k = b->n_pend - f->base;
  if (k > UINT32_MAX || !grow((void **)&b->out, &b->cap_out, b->n_out + k, sizeof *b->out)) {
    b->nomem = true;
    return;
  }
  if (k) memcpy(b->out + b->n_out, b->pend + f->base, k * sizeof *b->out);
  concert_i_ynode n = {.kind = f->kind, .line = f->line, .col = f->col, .n = (uint32_t)k};
  n.u.off = b->n_out;
  b->n_out += k;
  b->n_pend = f->base;
  complete(b, &n);
}

/* A scalar (t NULL: an empty value, without position, as libfyaml has it) or an alias. */
static void leaf(builder *b, unsigned char kind, struct fy_token *t) {
  size_t len = 0;
  const char *v = t ? fy_token_get_text(t, &len) : NULL;
  if (!v) v = "", len = 0;
  size_t off = len <= UINT32_MAX ? add_text(b, v, len) : SIZE_MAX;
  if (off == SIZE_MAX) {
    b->nomem = true;
    return;
  }
  concert_i_ynode n = {.kind = kind, .n = (uint32_t)len};
  n.u.off = off;
  if (kind == CONCERT_I_Y_SCALAR && t) {
    enum fy_scalar_style s = fy_token_scalar_style(t);
    n.style = s == FYSS_SINGLE_QUOTED   ? CONCERT_I_Y_SINGLE
              : s == FYSS_DOUBLE_QUOTED ? CONCERT_I_Y_DOUBLE
              : s == FYSS_LITERAL       ? CONCERT_I_Y_LITERAL
              : s == FYSS_FOLDED        ? CONCERT_I_Y_FOLDED
                                        : CONCERT_I_Y_PLAIN;
  }
  const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
  if (m) n.line = (uint32_t)m->line + 1, n.col = (uint32_t)m->column + 1;
  complete(b, &n);
}

/* One event into the tree. */
static void add_event(builder *b, struct fy_event *e) {
  switch (e->type) {
    case FYET_SCALAR:
      leaf(b, CONCERT_I_Y_SCALAR, e->scalar.value);
      break;
    case FYET_ALIAS:
      leaf(b, CONCERT_I_Y_ALIAS, e->alias.anchor);
      break;
    case FYET_SEQUENCE_START:
      open_frame(b, CONCERT_I_Y_SEQ, fy_event_start_mark(e));
      break;
    case FYET_MAPPING_START:
      open_frame(b, CONCERT_I_Y_MAP, fy_event_start_mark(e));
      break;
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END:
      if (b->n_fr) close_frame(b);
      break;
    default:
      break;
  }
}

static void builder_free(builder *b) {
  for (size_t i = 0; i < b->used_fr; i++) free(b->fr[i].slot);
  free(b->fr), free(b->pend), free(b->out), free(b->str);
}

/* Places the root (the last pending node) and turns every offset into a pointer; the
 * builder's arrays pass to the document. */
static concert_i_ydoc *finish(builder *b) {
  concert_i_ydoc *doc = calloc(1, sizeof *doc);
  if (!doc || !b->n_pend || !grow((void **)&b->out, &b->cap_out, b->n_out + 1, sizeof *b->out)) {
    free(doc);
    return NULL;
  }
  b->out[b->n_out++] = b->pend[b->n_pend - 1];
  b->n_pend = 0;
  concert_i_ynode *q = realloc(b->out, b->n_out * sizeof *b->out); /* give back the slack */
  if (q) b->out = q, b->cap_out = b->n_out;
  char *t = realloc(b->str, b->n_str ? b->n_str : 1);
  if (t) b->str = t, b->cap_str = b->n_str;
  for (size_t i = 0; i < b->n_out; i++) {
    concert_i_ynode *n = &b->out[i];
    if (n->kind == CONCERT_I_Y_SCALAR || n->kind == CONCERT_I_Y_ALIAS)
      n->u.text = b->str + n->u.off;
    else
      n->u.kids = b->out + n->u.off;
  }
  doc->nodes = b->out, doc->text = b->str, doc->root = &b->out[b->n_out - 1];
  b->out = NULL, b->str = NULL, b->n_out = b->cap_out = b->n_str = b->cap_str = 0;
  return doc;
}

const concert_i_ynode *concert_i_ydoc_root(const concert_i_ydoc *doc) { return doc->root; }

void concert_i_ydoc_free(concert_i_ydoc *doc) {
  if (!doc) return;
  free(doc->nodes), free(doc->text);
  free(doc);
}

/* ---- the parse -------------------------------------------------------------------- */

static void quiet_output(struct fy_diag *diag, void *user, const char *buf, size_t len) {
  (void)diag, (void)user, (void)buf, (void)len;
}

/* Where a parse error at (line, col) really is: libfyaml reports errors found at the end of
 * the input one line past the last one (or further); such a position becomes the end of the
 * file's last line. *at_end says so. */
static void clamp_to_text(const char *text, size_t len, int *line, int *col, bool *at_end) {
  int lines = 1, last_len = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '\n' && i + 1 < len)
      lines++, last_len = 0;
    else if (text[i] != '\n' && text[i] != '\r')
      last_len++;
  }
  *at_end = false;
  if (*line < 1) *line = 1;
  if (*col < 1) *col = 1;
  if (*line > lines || (*line == lines && *col > last_len + 1)) {
    *line = lines, *col = last_len + 1;
    *at_end = true;
  }
}

/* Refuses aliases (*name) and merge keys (<<) anywhere under n: scenarios are read as
 * written, one value per field (docs/scenario-format.md). */
static concert_status no_aliases(const concert_i_ynode *n, const char *file, int depth,
                                 concert_diag *d) {
  int line, col;
  if (depth > MAX_DEPTH) return CONCERT_OK; /* never: the builder refused deeper nesting */
  if (n->kind == CONCERT_I_Y_ALIAS) {
    concert_i_yaml_pos(n, &line, &col);
    if (col > 1) col--; /* libfyaml's token starts after the '*' */
    return concert_i_fail(d, CONCERT_ERR_UNSUPPORTED, file, line, col, NULL,
                          "YAML aliases (*%s) are not supported: write the value out in full",
                          n->u.text);
  }
  if (n->kind != CONCERT_I_Y_SEQ && n->kind != CONCERT_I_Y_MAP) return CONCERT_OK;
  for (uint32_t i = 0; i < n->n; i++) {
    const concert_i_ynode *k = &n->u.kids[i];
    if (n->kind == CONCERT_I_Y_MAP && i % 2 == 0 && k->kind == CONCERT_I_Y_SCALAR &&
        k->style == CONCERT_I_Y_PLAIN && strcmp(k->u.text, "<<") == 0) {
      concert_i_yaml_pos(k, &line, &col);
      return concert_i_fail(d, CONCERT_ERR_UNSUPPORTED, file, line, col, NULL,
                            "YAML merge keys (<<) are not supported: write the fields out in "
                            "full");
    }
    concert_status st = no_aliases(k, file, depth + 1, d);
    if (st) return st;
  }
  return CONCERT_OK;
}

/* The first error libfyaml collected, at its position in the text; ERR_EMPTY if none. */
static concert_status syntax_error(struct fy_diag *fdiag, const char *text, size_t len,
                                   const char *file, concert_diag *d) {
  void *it = NULL;
  struct fy_diag_error *err = fy_diag_errors_iterate(fdiag, &it);
  if (!err)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, file, 1, 1, NULL,
                          "the file holds no YAML document");
  int line = err->line, col = err->column; /* libfyaml's collected positions are 1-based */
  bool at_end;
  clamp_to_text(text, len, &line, &col, &at_end);
  return concert_i_fail(d, CONCERT_ERR_SYNTAX, file, line, col, NULL, "malformed YAML: %s%s",
                        err->msg ? err->msg : "parse error",
                        at_end ? " (at the end of the file)" : "");
}

/* concert_i_yaml_pos on a node still being built (children as offsets into b->out). */
static void built_pos(const builder *b, const concert_i_ynode *n, int *line, int *col) {
  *line = *col = 0;
  for (int depth = 0; n && depth < 128; depth++) {
    if (n->kind == CONCERT_I_Y_MAP || n->kind == CONCERT_I_Y_SEQ) {
      n = n->n ? &b->out[n->u.off] : NULL;
    } else {
      *line = (int)n->line, *col = (int)n->col;
      return;
    }
  }
}

/* Reads every event of the text into b: the first document, and a second one if there is
 * one (*second_line, *second_col: where that one starts, 0 if none). Stops at a duplicate
 * key, at nesting too deep, or when out of memory. */
static void read_events(struct fy_parser *fyp, builder *b, int *docs, int *second_line,
                        int *second_col) {
  struct fy_event *e;
  *docs = 0, *second_line = *second_col = 0;
  while ((e = fy_parser_parse(fyp)) != NULL) {
    enum fy_event_type t = e->type;
    if (t == FYET_DOCUMENT_START && ++*docs == 2) {
      struct fy_document_state *ds = e->document_start.document_state;
      const struct fy_mark *m = ds ? fy_document_state_start_mark(ds) : NULL;
      if (m) *second_line = m->line + 1, *second_col = m->column + 1;
    }
    add_event(b, e);
    fy_parser_event_free(fyp, e);
    if (b->nomem || b->bad || (t == FYET_DOCUMENT_END && *docs == 2)) return;
  }
}

concert_status concert_i_yaml_parse(const char *text, size_t len, const char *file,
                                    concert_i_ydoc **doc, concert_diag *d) {
  *doc = NULL;
  int bl, bc;
  if (!text) text = "", len = 0;
  if (concert_i_utf8_error((const unsigned char *)text, len, &bl, &bc))
    return concert_i_fail(d, CONCERT_ERR_SYNTAX, file, bl, bc, NULL,
                          "the file is not valid UTF-8 text (or holds a NUL byte) here");
  struct fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = NULL;
  dcfg.output_fn = quiet_output;
  struct fy_diag *fdiag = fy_diag_create(&dcfg);
  if (!fdiag) return concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
  fy_diag_set_collect_errors(fdiag, true);
  struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET | FYPCF_COLLECT_DIAG, .diag = fdiag};
  struct fy_parser *fyp = fy_parser_create(&cfg);
  builder b = {0};
  concert_status st = CONCERT_OK;
  if (!fyp || fy_parser_set_string(fyp, text, len) != 0) {
    st = concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
  } else {
    int docs, line, col;
    read_events(fyp, &b, &docs, &line, &col);
    if (b.nomem) {
      st = concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
    } else if (b.bad) {
      bool at_end;
      line = (int)b.bad_line, col = (int)b.bad_col;
      clamp_to_text(text, len, &line, &col, &at_end);
      st = concert_i_fail(d, CONCERT_ERR_SYNTAX, file, line, col, NULL, "malformed YAML: %s%s",
                          b.bad, at_end ? " (at the end of the file)" : "");
    } else if (docs == 0 || fy_parser_get_stream_error(fyp)) {
      st = syntax_error(fdiag, text, len, file, d);
    } else if (docs >= 2) {
      /* a stream of documents: the first is the scenario; a second one (or anything after
       * the end marker `...`) is refused rather than silently ignored */
      int rl, rc;
      built_pos(&b, b.n_pend ? &b.pend[b.n_pend - 1] : NULL, &rl, &rc);
      if (rl > 0) line = rl, col = rc;
      st = concert_i_fail(d, CONCERT_ERR_SYNTAX, file, line, col, NULL,
                          "a second YAML document (or text after the end marker '...') "
                          "starts here; the file must hold exactly one document");
    } else {
      *doc = finish(&b);
      if (!*doc)
        st = concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
      else
        st = no_aliases((*doc)->root, file, 0, d);
      if (st) concert_i_ydoc_free(*doc), *doc = NULL;
    }
  }
  builder_free(&b);
  fy_parser_destroy(fyp);
  fy_diag_destroy(fdiag);
  return st;
}
