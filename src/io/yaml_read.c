/* io/yaml_read.c: the reading context, positions, paths and errors shared by the YAML
 * readers (io/yaml_read.h). */
#include "io/yaml_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io/utf8.h"
#include "status/diag.h"

void concert_i_yaml_pos(struct fy_node *n, int *line, int *col) {
  *line = *col = 0;
  for (int depth = 0; n && depth < 128; depth++) {
    if (fy_node_is_mapping(n)) {
      void *it = NULL;
      struct fy_node_pair *p = fy_node_mapping_iterate(n, &it);
      n = p ? fy_node_pair_key(p) : NULL;
    } else if (fy_node_is_sequence(n)) {
      void *it = NULL;
      n = fy_node_sequence_iterate(n, &it);
    } else {
      struct fy_token *t = fy_node_get_scalar_token(n);
      const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
      if (m) *line = m->line + 1, *col = m->column + 1;
      return;
    }
  }
}

size_t concert_i_yaml_push(concert_i_yaml *y, const char *fmt, ...) {
  size_t mark = y->plen;
  if (y->plen < sizeof y->path - 1) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(y->path + y->plen, sizeof y->path - y->plen, fmt, ap);
    va_end(ap);
    if (k > 0) y->plen += (size_t)k;
    if (y->plen >= sizeof y->path) y->plen = sizeof y->path - 1;
  }
  return mark;
}

void concert_i_yaml_pop(concert_i_yaml *y, size_t mark) {
  y->plen = mark;
  y->path[mark] = '\0';
}

concert_status concert_i_yaml_fail(concert_i_yaml *y, struct fy_node *n, concert_status st,
                                   const char *fmt, ...) {
  int line, col;
  concert_i_yaml_pos(n, &line, &col);
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  const char *p = y->path[0] == '.' ? y->path + 1 : y->path;
  return concert_i_fail(y->d, st, y->file, line, col, p, "%s", msg);
}

struct fy_node *concert_i_yaml_get(struct fy_node *map, const char *key) {
  return fy_node_mapping_lookup_by_string(map, key, FY_NT);
}

const char *concert_i_yaml_scalar(struct fy_node *n) {
  return n && fy_node_is_scalar(n) ? fy_node_get_scalar0(n) : NULL;
}

concert_status concert_i_yaml_only_keys(concert_i_yaml *y, struct fy_node *map,
                                        const char *const *allowed) {
  void *it = NULL;
  struct fy_node_pair *p;
  while ((p = fy_node_mapping_iterate(map, &it))) {
    struct fy_node *k = fy_node_pair_key(p);
    const char *key = concert_i_yaml_scalar(k);
    bool ok = false;
    for (size_t i = 0; key && allowed[i]; i++) ok = ok || strcmp(key, allowed[i]) == 0;
    if (ok) continue;
    char list[300] = "";
    size_t used = 0;
    for (size_t i = 0; allowed[i] && used < sizeof list; i++) {
      int m = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", allowed[i]);
      if (m > 0) used += (size_t)m;
    }
    size_t mark = concert_i_yaml_push(y, ".%s", key ? key : "?");
    concert_status st = concert_i_yaml_fail(y, k, CONCERT_ERR_UNKNOWN_FIELD,
                                            "unknown field '%s' (expected one of: %s)",
                                            key ? key : "(non-scalar key)", list);
    concert_i_yaml_pop(y, mark);
    return st;
  }
  return CONCERT_OK;
}

concert_status concert_i_yaml_id(concert_i_yaml *y, struct fy_node *n, const char *what,
                                 const char **out) {
  const char *v = concert_i_yaml_scalar(n);
  if (!v) return concert_i_yaml_fail(y, n, CONCERT_ERR_TYPE, "%s must be an identifier", what);
  size_t len = strlen(v);
  if (len == 0) return concert_i_yaml_fail(y, n, CONCERT_ERR_INVALID, "%s must not be empty", what);
  for (size_t i = 0; i < len; i++) {
    char ch = v[i];
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-' || ch == '.';
    if (ok) continue;
    /* the character whole: all bytes of a UTF-8 sequence (the text is valid UTF-8) */
    unsigned char b = (unsigned char)ch;
    int clen = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (i + (size_t)clen > len) clen = (int)(len - i);
    return concert_i_yaml_fail(y, n, CONCERT_ERR_INVALID,
                               "%s '%s' has the character '%.*s'; use ASCII letters, digits, '_', "
                               "'-', '.'",
                               what, v, clen, v + i);
  }
  if (len > 31)
    return concert_i_yaml_fail(y, n, CONCERT_ERR_INVALID, "%s '%s' has %zu characters; at most 31",
                               what, v, len);
  *out = v;
  return CONCERT_OK;
}

concert_status concert_i_yaml_need(concert_i_yaml *y, struct fy_node *n, bool map,
                                   const char *what) {
  if (n && (map ? fy_node_is_mapping(n) : fy_node_is_sequence(n))) return CONCERT_OK;
  return concert_i_yaml_fail(y, n, CONCERT_ERR_TYPE, "%s must be a %s", what,
                             map ? "mapping (key: value)" : "sequence (a list)");
}

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
static concert_status no_aliases(struct fy_node *n, const char *file, int depth, concert_diag *d) {
  if (!n) return CONCERT_OK;
  int line, col;
  if (depth > 200) {
    concert_i_yaml_pos(n, &line, &col);
    return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, file, line, col, NULL,
                          "the YAML nests deeper than 200 levels");
  }
  if (fy_node_is_alias(n)) {
    concert_i_yaml_pos(n, &line, &col);
    if (col > 1) col--; /* libfyaml's token starts after the '*' */
    const char *a = fy_node_get_scalar0(n);
    return concert_i_fail(d, CONCERT_ERR_UNSUPPORTED, file, line, col, NULL,
                          "YAML aliases (*%s) are not supported: write the value out in full",
                          a ? a : "");
  }
  void *it = NULL;
  if (fy_node_is_sequence(n)) {
    struct fy_node *e;
    while ((e = fy_node_sequence_iterate(n, &it))) {
      concert_status st = no_aliases(e, file, depth + 1, d);
      if (st) return st;
    }
  } else if (fy_node_is_mapping(n)) {
    struct fy_node_pair *p;
    while ((p = fy_node_mapping_iterate(n, &it))) {
      struct fy_node *k = fy_node_pair_key(p);
      const char *ks = concert_i_yaml_scalar(k);
      if (ks && strcmp(ks, "<<") == 0 && fy_node_get_style(k) == FYNS_PLAIN) {
        concert_i_yaml_pos(k, &line, &col);
        return concert_i_fail(d, CONCERT_ERR_UNSUPPORTED, file, line, col, NULL,
                              "YAML merge keys (<<) are not supported: write the fields out in "
                              "full");
      }
      concert_status st = no_aliases(k, file, depth + 1, d);
      if (!st) st = no_aliases(fy_node_pair_value(p), file, depth + 1, d);
      if (st) return st;
    }
  }
  return CONCERT_OK;
}

/* The first error libfyaml collected, at its position in the text; ERR_EMPTY if none. */
static concert_status syntax_error(struct fy_diag *fdiag, const char *text, size_t len,
                                   const char *file, concert_diag *d) {
  void *it = NULL;
  struct fy_diag_error *err = fy_diag_errors_iterate(fdiag, &it);
  if (!err)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, file, 1, 1, NULL, "the file holds no YAML document");
  int line = err->line, col = err->column; /* libfyaml's collected positions are 1-based */
  bool at_end;
  clamp_to_text(text, len, &line, &col, &at_end);
  return concert_i_fail(d, CONCERT_ERR_SYNTAX, file, line, col, NULL, "malformed YAML: %s%s",
                        err->msg ? err->msg : "parse error", at_end ? " (at the end of the file)" : "");
}

concert_status concert_i_yaml_parse(const char *text, size_t len, const char *file,
                                    struct fy_document **doc, struct fy_diag **diag,
                                    concert_diag *d) {
  *doc = NULL, *diag = NULL;
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
  concert_status st = CONCERT_OK;
  struct fy_document *fd = NULL, *next = NULL;
  if (!fyp || fy_parser_set_string(fyp, text, len) != 0) {
    st = concert_i_fail(d, CONCERT_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
  } else {
    /* a stream of documents: the first is the scenario; a second one (or anything after
     * the end marker `...`) is refused rather than silently ignored */
    fd = fy_parse_load_document(fyp);
    if (!fd || !fy_document_root(fd) || fy_parser_get_stream_error(fyp)) {
      st = syntax_error(fdiag, text, len, file, d);
    } else if ((next = fy_parse_load_document(fyp)) != NULL || fy_parser_get_stream_error(fyp)) {
      if (!next) {
        st = syntax_error(fdiag, text, len, file, d);
      } else {
        struct fy_document_state *ds = fy_document_get_document_state(next);
        const struct fy_mark *m = ds ? fy_document_state_start_mark(ds) : NULL;
        int line = m ? m->line + 1 : 0, col = m ? m->column + 1 : 0;
        int rl, rc;
        concert_i_yaml_pos(fy_document_root(next), &rl, &rc);
        if (rl > 0) line = rl, col = rc;
        st = concert_i_fail(d, CONCERT_ERR_SYNTAX, file, line, col, NULL,
                            "a second YAML document (or text after the end marker '...') "
                            "starts here; the file must hold exactly one document");
      }
    } else {
      st = no_aliases(fy_document_root(fd), file, 0, d);
    }
  }
  if (next) fy_parse_document_destroy(fyp, next);
  if (st && fd) fy_parse_document_destroy(fyp, fd), fd = NULL;
  fy_parser_destroy(fyp);
  if (st) {
    fy_diag_destroy(fdiag);
    return st;
  }
  *doc = fd, *diag = fdiag;
  return CONCERT_OK;
}
