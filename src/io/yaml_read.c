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
  if (len == 0 || len > 31)
    return concert_i_yaml_fail(y, n, CONCERT_ERR_INVALID, "%s must have 1 to 31 characters", what);
  for (size_t i = 0; i < len; i++) {
    char ch = v[i];
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-' || ch == '.';
    if (!ok)
      return concert_i_yaml_fail(y, n, CONCERT_ERR_INVALID,
                                 "%s '%s' has the character '%c'; use letters, digits, '_', '-', '.'",
                                 what, v, ch);
  }
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

concert_status concert_i_yaml_parse(const char *text, size_t len, const char *file,
                                    struct fy_document **doc, struct fy_diag **diag,
                                    concert_diag *d) {
  *doc = NULL, *diag = NULL;
  int bl, bc;
  if (text && concert_i_utf8_error((const unsigned char *)text, len, &bl, &bc))
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
  struct fy_document *fd = fy_document_build_from_string(&cfg, text ? text : "", len);
  if (fd && fy_document_root(fd)) {
    *doc = fd, *diag = fdiag;
    return CONCERT_OK;
  }
  void *it = NULL;
  struct fy_diag_error *err = fy_diag_errors_iterate(fdiag, &it);
  concert_status st =
      err ? concert_i_fail(d, CONCERT_ERR_SYNTAX, file, err->line + 1, err->column + 1, NULL,
                           "malformed YAML: %s", err->msg ? err->msg : "parse error")
          : concert_i_fail(d, CONCERT_ERR_EMPTY, file, 1, 1, NULL, "the file holds no YAML document");
  fy_document_destroy(fd);
  fy_diag_destroy(fdiag);
  return st;
}
