/* test_yaml_tree.c: the one YAML reader (src/io/yaml_tree.c, io/yaml_read.h): the tree read
 * from libfyaml's events holds every node with its line and column, nested collections with
 * their children in order, scalar styles, empty values without position; the walks (get,
 * item, next, pair, count); and the refusals with their positions: syntax errors, a
 * duplicate key (short and hashed mappings, complex keys), a second document, text after
 * '...', aliases, merge keys, collections nested 64 deep, empty files, NUL and invalid UTF-8. */
#include <check.h>
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "io/yaml_read.h"

/* Parses text; the document, or NULL with d filled. */
static concert_i_ydoc *parse(const char *text, concert_diag *d) {
  concert_i_ydoc *doc = NULL;
  concert_diag_clear(d);
  concert_status st = concert_i_yaml_parse(text, strlen(text), "t.yaml", &doc, d);
  ck_assert(st == CONCERT_OK ? doc != NULL : doc == NULL);
  return doc;
}

/* Wants text refused with st at line:col and a message holding what. */
static void refused(const char *text, concert_status st, int line, int col, const char *what) {
  concert_diag d;
  concert_i_ydoc *doc = parse(text, &d);
  ck_assert_msg(!doc, "accepted: %s", text);
  ck_assert_msg(d.status == st, "%s: status %d, want %d (%s)", text, d.status, st, d.message);
  ck_assert_msg(d.line == line && d.column == col, "%s: at %d:%d, want %d:%d (%s)", text, d.line,
                d.column, line, col, d.message);
  ck_assert_msg(strstr(d.message, what), "%s: message '%s' lacks '%s'", text, d.message, what);
}

/* Wants node n at line:col. */
static void at(const concert_i_ynode *n, int line, int col) {
  int l, c;
  concert_i_yaml_pos(n, &l, &c);
  ck_assert_msg(l == line && c == col, "at %d:%d, want %d:%d", l, c, line, col);
}

START_TEST(nested_structure_and_positions) {
  const char *text =
      "name: Test\n"
      "issues:\n"
      "  - {id: a, tags: [x, 'y z']}\n"
      "  - id: b\n"
      "    note: \"q\\\"r\"\n"
      "empty:\n"
      "block: |\n"
      "  two\n"
      "  lines\n";
  concert_diag d;
  concert_i_ydoc *doc = parse(text, &d);
  ck_assert_ptr_nonnull(doc);
  const concert_i_ynode *root = concert_i_ydoc_root(doc);
  ck_assert(concert_i_yaml_is_map(root));
  ck_assert_int_eq(concert_i_yaml_count(root), 4);
  at(root, 1, 1); /* a collection: its first scalar */
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_get(root, "name")), "Test");
  at(concert_i_yaml_get(root, "name"), 1, 7);
  const concert_i_ynode *is = concert_i_yaml_get(root, "issues");
  ck_assert(concert_i_yaml_is_seq(is));
  ck_assert_int_eq(concert_i_yaml_count(is), 2);
  const concert_i_ynode *a = concert_i_yaml_item(is, 0), *b = concert_i_yaml_item(is, 1);
  ck_assert_ptr_null(concert_i_yaml_item(is, 2));
  ck_assert_ptr_null(concert_i_yaml_item(is, -1));
  at(a, 3, 6);
  const concert_i_ynode *tags = concert_i_yaml_get(a, "tags");
  ck_assert_int_eq(concert_i_yaml_count(tags), 2);
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_item(tags, 1)), "y z");
  ck_assert_int_eq(concert_i_yaml_item(tags, 1)->style, CONCERT_I_Y_SINGLE);
  at(concert_i_yaml_item(tags, 1), 3, 24); /* libfyaml: after the quote */
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_get(b, "id")), "b");
  at(concert_i_yaml_get(b, "id"), 4, 9);
  const concert_i_ynode *note = concert_i_yaml_get(b, "note");
  ck_assert_str_eq(concert_i_yaml_scalar(note), "q\"r");
  ck_assert_int_eq(note->style, CONCERT_I_Y_DOUBLE);
  ck_assert_uint_eq(note->n, 3);
  /* an empty value: an empty plain scalar without position, as libfyaml gives it */
  const concert_i_ynode *e = concert_i_yaml_get(root, "empty");
  ck_assert_ptr_nonnull(e);
  ck_assert_str_eq(concert_i_yaml_scalar(e), "");
  at(e, 0, 0);
  const concert_i_ynode *bl = concert_i_yaml_get(root, "block");
  ck_assert_str_eq(concert_i_yaml_scalar(bl), "two\nlines\n");
  ck_assert_int_eq(bl->style, CONCERT_I_Y_LITERAL);
  /* the walks */
  ck_assert_ptr_null(concert_i_yaml_get(root, "missing"));
  ck_assert_ptr_null(concert_i_yaml_get(is, "name")); /* not a mapping */
  ck_assert_int_eq(concert_i_yaml_count(e), -1);
  size_t it = 0;
  const concert_i_ynode *k, *v;
  int pairs = 0;
  while (concert_i_yaml_pair(root, &it, &k, &v)) pairs++;
  ck_assert_int_eq(pairs, 4);
  ck_assert_str_eq(concert_i_yaml_scalar(k), "block");
  it = 0;
  int items = 0;
  while (concert_i_yaml_next(is, &it)) items++;
  ck_assert_int_eq(items, 2);
  it = 0;
  ck_assert_ptr_null(concert_i_yaml_next(root, &it)); /* a mapping is not a sequence */
  concert_i_ydoc_free(doc);
  concert_i_ydoc_free(NULL);
}
END_TEST

START_TEST(empty_collections_and_bom) {
  concert_diag d;
  concert_i_ydoc *doc = parse(
      "\xef\xbb\xbf"
      "a: []\nb: {}\nc: [[], x]\n",
      &d);
  ck_assert_ptr_nonnull(doc);
  const concert_i_ynode *root = concert_i_ydoc_root(doc);
  ck_assert_int_eq(concert_i_yaml_count(concert_i_yaml_get(root, "a")), 0);
  ck_assert_int_eq(concert_i_yaml_count(concert_i_yaml_get(root, "b")), 0);
  at(concert_i_yaml_get(root, "a"), 0, 0); /* nothing inside: no position */
  at(concert_i_yaml_get(root, "c"), 0, 0); /* its first item is empty */
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_item(concert_i_yaml_get(root, "c"), 1)),
                   "x");
  concert_i_ydoc_free(doc);
  /* a scalar document */
  doc = parse("just text\n", &d);
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_ydoc_root(doc)), "just text");
  concert_i_ydoc_free(doc);
}
END_TEST

START_TEST(many_children_in_order) {
  /* a mapping of 300 keys (hashed duplicate check) and a sequence of 300 mappings: every
   * child in place, at its line */
  size_t cap = 300 * 40 + 100, used = 0;
  char *t = malloc(cap);
  ck_assert_ptr_nonnull(t);
  used += (size_t)snprintf(t + used, cap - used, "m:\n");
  for (int i = 0; i < 300; i++) used += (size_t)snprintf(t + used, cap - used, "  k%d: %d\n", i, i);
  used += (size_t)snprintf(t + used, cap - used, "s:\n");
  for (int i = 0; i < 300; i++)
    used += (size_t)snprintf(t + used, cap - used, "  - {id: x%d}\n", i);
  concert_diag d;
  concert_i_ydoc *doc = parse(t, &d);
  ck_assert_ptr_nonnull(doc);
  const concert_i_ynode *root = concert_i_ydoc_root(doc), *m = concert_i_yaml_get(root, "m");
  ck_assert_int_eq(concert_i_yaml_count(m), 300);
  for (int i = 0; i < 300; i += 37) {
    char key[16], val[16];
    snprintf(key, sizeof key, "k%d", i);
    snprintf(val, sizeof val, "%d", i);
    ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_get(m, key)), val);
    at(concert_i_yaml_get(m, key), 2 + i, 7 + (int)strlen(key) - 2);
  }
  const concert_i_ynode *s = concert_i_yaml_get(root, "s");
  ck_assert_int_eq(concert_i_yaml_count(s), 300);
  ck_assert_str_eq(concert_i_yaml_scalar(concert_i_yaml_get(concert_i_yaml_item(s, 299), "id")),
                   "x299");
  at(concert_i_yaml_item(s, 299), 303 + 299, 6);
  concert_i_ydoc_free(doc);
  /* the same with a duplicate key far down: refused at it */
  used = (size_t)snprintf(t, cap, "m:\n");
  for (int i = 0; i < 300; i++) used += (size_t)snprintf(t + used, cap - used, "  k%d: %d\n", i, i);
  snprintf(t + used, cap - used, "  k123: 0\n");
  refused(t, CONCERT_ERR_SYNTAX, 302, 3, "duplicate key");
  free(t);
}
END_TEST

START_TEST(refusals_with_positions) {
  refused("", CONCERT_ERR_EMPTY, 1, 1, "no YAML document");
  refused("# only a comment\n", CONCERT_ERR_EMPTY, 1, 1, "no YAML document");
  refused("name: [\n", CONCERT_ERR_SYNTAX, 1, 8, "(at the end of the file)");
  refused("a: 1\nb: [x, , ]\n", CONCERT_ERR_SYNTAX, 2, 8, "malformed YAML");
  refused("a: 1\nb: 2\na: 3\n", CONCERT_ERR_SYNTAX, 3, 1, "duplicate key");
  refused("a: 1\na:\n  b: 1\n  b: 2\n", CONCERT_ERR_SYNTAX, 2, 1, "duplicate key"); /* when read */
  refused("\"a\": 1\na: 2\n", CONCERT_ERR_SYNTAX, 2, 1, "duplicate key"); /* style aside */
  refused("[x]: 1\n[x]: 2\n", CONCERT_ERR_SYNTAX, 2, 1, "duplicate key");
  refused("a: 1\n---\nb: 2\n", CONCERT_ERR_SYNTAX, 3, 1, "second YAML document");
  refused("a: 1\n...\ngarbage\n", CONCERT_ERR_SYNTAX, 3, 1, "after the end marker");
  refused("a: 1\n---\n", CONCERT_ERR_SYNTAX, 2, 1, "second YAML document");
  refused("a: 1\n--- [\n", CONCERT_ERR_SYNTAX, 2, 6, "(at the end of the file)");
  refused("a: &x 1\nb: *x\n", CONCERT_ERR_UNSUPPORTED, 2, 4, "aliases (*x)");
  refused("a: {b: 1}\nc:\n  <<: {d: 1}\n", CONCERT_ERR_UNSUPPORTED, 3, 3, "merge keys");
  refused("a: \xff\n", CONCERT_ERR_SYNTAX, 1, 4, "not valid UTF-8");
  /* a NUL byte, refused before libfyaml sees it */
  concert_diag d;
  concert_i_ydoc *nul = NULL;
  ck_assert_int_eq(concert_i_yaml_parse("a: x\0y\n", 7, "t.yaml", &nul, &d), CONCERT_ERR_SYNTAX);
  ck_assert_ptr_null(nul);
  ck_assert_int_eq(d.line, 1);
  ck_assert_int_eq(d.column, 5);
  /* a quoted "<<" is an ordinary key */
  concert_i_ydoc *doc = parse("\"<<\": 1\n", &d);
  ck_assert_ptr_nonnull(doc);
  concert_i_ydoc_free(doc);
  /* collections nested 64 deep: refused at the 64th, as libfyaml's loader did; 63 pass */
  char deep[700];
  size_t n = 0;
  for (int i = 0; i < 250; i++) deep[n++] = '[';
  deep[n++] = 'x';
  for (int i = 0; i < 250; i++) deep[n++] = ']';
  deep[n] = '\0';
  refused(deep, CONCERT_ERR_SYNTAX, 1, 64, "Max depth (64) exceeded");
  n = (size_t)snprintf(deep, sizeof deep, "a:\n  - "); /* a mapping, a sequence, 62 more */
  for (int i = 0; i < 62; i++) deep[n++] = '[';
  deep[n++] = 'x';
  for (int i = 0; i < 62; i++) deep[n++] = ']';
  deep[n] = '\0';
  refused(deep, CONCERT_ERR_SYNTAX, 2, 66, "Max depth (64) exceeded");
  n = 0;
  for (int i = 0; i < 63; i++) deep[n++] = '[';
  deep[n++] = 'x';
  for (int i = 0; i < 63; i++) deep[n++] = ']';
  deep[n] = '\0';
  doc = parse(deep, &d);
  ck_assert_ptr_nonnull(doc);
  concert_i_ydoc_free(doc);
}
END_TEST

int main(void) {
  Suite *s = suite_create("yaml tree");
  TCase *t = tcase_create("core");
  tcase_add_test(t, nested_structure_and_positions);
  tcase_add_test(t, empty_collections_and_bom);
  tcase_add_test(t, many_children_in_order);
  tcase_add_test(t, refusals_with_positions);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
