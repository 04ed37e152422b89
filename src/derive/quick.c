/* quick.c: quick mode (`concert derive --members ... | --forum ...`) written as a spec
 * text, so that both modes go through one reader and one writer: one issue per UNGA issue
 * family (direction support), one actor per member, one forum of the members with one
 * session holding every issue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/derive_i.h"
#include "status/diag.h"

#define MAX_MEMBERS 64

void concert_i_yaml_quote(FILE *f, const char *s) {
  fputc('"', f);
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\')
      fputc('\\', f), fputc(ch, f);
    else if (ch == '\n')
      fputs("\\n", f);
    else if (ch == '\t')
      fputs("\\t", f);
    else if (ch < 0x20)
      fprintf(f, "\\x%02x", ch);
    else
      fputc(ch, f);
  }
  fputc('"', f);
}

/* Splits the member list into codes[]; checks each (2 to 7 capitals or digits, no
 * duplicate). */
static concert_status split(const char *list, char codes[][8], size_t *n, concert_diag *d) {
  *n = 0;
  const char *p = list;
  for (;;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char path[32];
    snprintf(path, sizeof path, "members[%zu]", *n);
    if (*n == MAX_MEMBERS)
      return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "members", "more than %d members",
                            MAX_MEMBERS);
    bool ok = len >= 2 && len <= 7;
    for (size_t i = 0; ok && i < len; i++)
      ok = (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9');
    if (!ok)
      return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, path,
                            "'%.*s' is not an ISO3 code (2-7 capital letters or digits; EU, AU)",
                            (int)len, p);
    memcpy(codes[*n], p, len);
    codes[*n][len] = '\0';
    for (size_t i = 0; i < *n; i++)
      if (strcmp(codes[i], codes[*n]) == 0)
        return concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, NULL, 0, 0, path, "'%s' is listed twice",
                              codes[*n]);
    (*n)++;
    if (!e) break;
    p = e + 1;
  }
  return CONCERT_OK;
}

concert_status concert_i_quick_spec(const concert_derive_options *o, const concert_i_countries *c,
                                    char **text, size_t *len, concert_derive_report *rep,
                                    concert_diag *d) {
  *text = NULL, *len = 0;
  if ((o->members == NULL) == (o->forum == NULL))
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "give either members or a forum");
  if (o->year < 1947 || o->year > 2100)
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, "year",
                          "the year %d is outside 1947-2100", o->year);
  char list[MAX_MEMBERS * 8 + 8], fname[64];
  const char *fid = "members";
  concert_status st = CONCERT_OK;
  if (o->forum) {
    st = concert_i_forum_members(o->forum, o->year, list, sizeof list, fname, sizeof fname, rep, d);
    if (st) return st;
    fid = o->forum;
  } else {
    if (strlen(o->members) >= sizeof list)
      return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "members",
                            "member list too long");
    memcpy(list, o->members, strlen(o->members) + 1);
    snprintf(fname, sizeof fname, "Members %d", o->year);
  }
  char codes[MAX_MEMBERS][8];
  size_t n;
  st = split(list, codes, &n, d);
  if (st) return st;
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  if (!f) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  char defname[96];
  snprintf(defname, sizeof defname, "%s %d (derived)", o->forum ? o->forum : "Members", o->year);
  fputs("name: ", f);
  concert_i_yaml_quote(f, o->name ? o->name : defname);
  fprintf(f, "\nyear: %d\ncodebook: 1\nissues:\n", o->year);
  for (size_t i = 0; i < concert_i_family_count(); i++) {
    const concert_i_family *fam = concert_i_family_at(i);
    fprintf(f, "  - {id: %s, title: ", fam->issue);
    concert_i_yaml_quote(f, fam->title);
    fputs(", scale: {0: ", f);
    concert_i_yaml_quote(f, fam->at0);
    fputs(", 100: ", f);
    concert_i_yaml_quote(f, fam->at100);
    fprintf(f, "}, category: %s, family: %s, direction: support}\n", fam->category, fam->code);
  }
  fputs("actors:\n", f);
  for (size_t i = 0; i < n; i++) {
    const char *nm = concert_i_country_name(c, codes[i]);
    if (!nm &&
        concert_i_report_add(rep, "member %s: not a known ISO3 code; named by its code", codes[i]))
      st = CONCERT_ERR_NOMEM;
    fprintf(f, "  - {id: %s, name: ", codes[i]);
    concert_i_yaml_quote(f, nm ? nm : codes[i]);
    fputs("}\n", f);
  }
  fprintf(f, "forums:\n  - id: %s\n    name: ", fid);
  concert_i_yaml_quote(f, fname);
  fputs("\n    members: [", f);
  for (size_t i = 0; i < n; i++) fprintf(f, "%s%s", i ? ", " : "", codes[i]);
  fputs(
      "]\n    rule: unanimity\n    agenda:\n      - {session: s1, title: \"All issues\", issues: [",
      f);
  for (size_t i = 0; i < concert_i_family_count(); i++)
    fprintf(f, "%s%s", i ? ", " : "", concert_i_family_at(i)->issue);
  fputs("]}\n", f);
  bool bad = ferror(f) != 0;
  fclose(f);
  if (bad || st) {
    free(buf);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  *text = buf, *len = size;
  return CONCERT_OK;
}
