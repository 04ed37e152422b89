/* families.c: the UN General Assembly issue families of the support table and the issue
 * quick mode builds on each: id, title, category and a scale anchored in words on what the
 * family's resolutions say (100) and their opposite (0). Codes co..nu are Voeten's; ua is
 * ours (scripts/derive/unga_issue_support.py). */
#include <string.h>

#include "derive/derive_i.h"

static const concert_i_family families[] = {
    {"ua", "ukraine", "War in Ukraine",
     "what the GA's Ukraine resolutions say: Russia's aggression condemned, Ukraine's "
     "territorial integrity within its recognised borders, withdrawal and accountability",
     "the opposite: no condemnation of Russia, territorial changes and impunity accepted",
     "security"},
    {"me", "middle_east", "Middle East (Israel and Palestine)",
     "what the GA's Middle East resolutions say: Palestinian self-determination, the "
     "occupation and settlements illegal, UNRWA upheld",
     "the opposite: Israel's position, no criticism of the occupation", "security"},
    {"nu", "nuclear", "Nuclear weapons",
     "what the GA's nuclear resolutions say: nuclear disarmament, a test ban, "
     "nuclear-weapon-free zones, no first use",
     "the opposite: nuclear deterrence kept, no new disarmament commitment", "security"},
    {"di", "disarmament", "Disarmament and arms control",
     "what the GA's disarmament resolutions say: limits on arms, missiles, mines and weapons "
     "in outer space, transparency",
     "the opposite: no new limits, military freedom of action", "security"},
    {"hr", "human_rights", "Human rights",
     "what the GA's human-rights resolutions say: country situations named, rights-based "
     "commitments",
     "the opposite: non-interference, no country named", "society"},
    {"co", "colonialism", "Colonialism and self-determination",
     "what the GA's decolonisation resolutions say: self-determination of non-self-governing "
     "territories, an end to colonial rule",
     "the opposite: the administering powers' status quo", "governance"},
    {"ec", "development", "Development and the economic order",
     "what the GA's economic resolutions say: development finance, debt relief, a fairer "
     "economic order, no unilateral coercive measures",
     "the opposite: a market-led order, no new transfers, sanctions kept as a tool", "economy"},
};

size_t concert_i_family_count(void) { return sizeof families / sizeof families[0]; }

const concert_i_family *concert_i_family_at(size_t i) {
  return i < concert_i_family_count() ? &families[i] : NULL;
}

const concert_i_family *concert_i_family_find(const char *code) {
  for (size_t i = 0; code && i < concert_i_family_count(); i++)
    if (strcmp(families[i].code, code) == 0) return &families[i];
  return NULL;
}
