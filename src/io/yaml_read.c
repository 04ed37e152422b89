/* io/yaml_read.c: the reading context, positions, paths, errors and tree walks shared by
 * the YAML readers (io/yaml_read.h); the tree itself is built by io/yaml_tree.c. */
#include "io/yaml_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "status/diag.h"

void concert_i_yaml_pos(const concert_i_ynode *n, int *line, int *col) {
  *line = *col = 0;
  for (int depth = 0; n && depth < 128; depth++) {
    if (n->kind == CONCERT_I_Y_MAP || n->kind == CONCERT_I_Y_SEQ) {
      n = n->n ? &n->u.kids[0] : NULL;
    } else {
      *line = (int)n->line, *col = (int)n->col;
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

concert_status concert_i_yaml_fail(concert_i_yaml *y, const concert_i_ynode *n, concert_status st,
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

bool concert_i_yaml_is_map(const concert_i_ynode *n) { return n && n->kind == CONCERT_I_Y_MAP; }

bool concert_i_yaml_is_seq(const concert_i_ynode *n) { return n && n->kind == CONCERT_I_Y_SEQ; }

bool concert_i_yaml_is_scalar(const concert_i_ynode *n) {
  return n && n->kind == CONCERT_I_Y_SCALAR;
}

const concert_i_ynode *concert_i_yaml_get(const concert_i_ynode *map, const char *key) {
  if (!concert_i_yaml_is_map(map)) return NULL;
  size_t klen = strlen(key);
  for (uint32_t i = 0; i + 1 < map->n; i += 2) {
    const concert_i_ynode *k = &map->u.kids[i];
    if (k->kind == CONCERT_I_Y_SCALAR && k->n == klen && memcmp(k->u.text, key, klen) == 0)
      return &map->u.kids[i + 1];
  }
  return NULL;
}

const char *concert_i_yaml_scalar(const concert_i_ynode *n) {
  return concert_i_yaml_is_scalar(n) ? n->u.text : NULL;
}

int concert_i_yaml_count(const concert_i_ynode *n) {
  if (concert_i_yaml_is_seq(n)) return (int)n->n;
  if (concert_i_yaml_is_map(n)) return (int)(n->n / 2);
  return -1;
}

const concert_i_ynode *concert_i_yaml_item(const concert_i_ynode *seq, int i) {
  if (!concert_i_yaml_is_seq(seq) || i < 0 || (uint32_t)i >= seq->n) return NULL;
  return &seq->u.kids[i];
}

const concert_i_ynode *concert_i_yaml_next(const concert_i_ynode *seq, size_t *it) {
  if (!concert_i_yaml_is_seq(seq) || *it >= seq->n) return NULL;
  return &seq->u.kids[(*it)++];
}

bool concert_i_yaml_pair(const concert_i_ynode *map, size_t *it, const concert_i_ynode **key,
                         const concert_i_ynode **value) {
  if (!concert_i_yaml_is_map(map) || 2 * *it + 1 >= map->n) return false;
  *key = &map->u.kids[2 * *it];
  *value = &map->u.kids[2 * *it + 1];
  ++*it;
  return true;
}

concert_status concert_i_yaml_only_keys(concert_i_yaml *y, const concert_i_ynode *map,
                                        const char *const *allowed) {
  size_t it = 0;
  const concert_i_ynode *k, *v;
  while (concert_i_yaml_pair(map, &it, &k, &v)) {
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

concert_status concert_i_yaml_id(concert_i_yaml *y, const concert_i_ynode *n, const char *what,
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

concert_status concert_i_yaml_need(concert_i_yaml *y, const concert_i_ynode *n, bool map,
                                   const char *what) {
  if (map ? concert_i_yaml_is_map(n) : concert_i_yaml_is_seq(n)) return CONCERT_OK;
  return concert_i_yaml_fail(y, n, CONCERT_ERR_TYPE, "%s must be a %s", what,
                             map ? "mapping (key: value)" : "sequence (a list)");
}
