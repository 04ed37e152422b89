/* history_csv.c: the recorded summits of one forum as tidy long CSV (docs/csv.md): one row
 * per summit and rift component with its observed flag (1 raised, 0 not, empty unknown or
 * no summit held) and value (docs/rift-index.md). */
#include <concert/history.h>
#include <math.h>

#include "io/csv_out.h"

concert_status concert_history_write_csv(const concert_history *h, concert_forum_kind forum,
                                         int year_from, int year_to, FILE *out) {
  if (!h || !out) return CONCERT_ERR_ARGUMENT;
  static const char *const header[] = {"forum",        "year", "summit_no", "host_city",
                                       "host_country", "held", "component", "flag",
                                       "value",        NULL};
  const char *fo = forum == CONCERT_FORUM_G7 ? "G7" : "G20";
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  concert_i_csv_row(&c, header);
  for (size_t i = 0; i < concert_history_count(h, forum); i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year < year_from || s->year > year_to) continue;
    concert_rift r;
    concert_rift_from_record(s, &r, NULL, NULL);
    for (int k = 0; k < CONCERT_RIFT_N; k++) {
      concert_i_csv_text(&c, fo);
      concert_i_csv_int(&c, s->year);
      concert_i_csv_int(&c, s->summit_no);
      concert_i_csv_text(&c, s->host_city);
      concert_i_csv_text(&c, s->host_country);
      concert_i_csv_int(&c, s->held);
      concert_i_csv_text(&c, concert_rift_component_id((concert_rift_component)k));
      concert_i_csv_num(&c, !s->held                       ? NAN
                            : r.flag[k] == CONCERT_TRI_YES ? 1
                            : r.flag[k] == CONCERT_TRI_NO  ? 0
                                                           : NAN);
      concert_i_csv_num(&c, s->held ? r.value[k] : NAN);
      concert_i_csv_end(&c);
    }
  }
  return concert_i_csv_finish(&c, NULL);
}
