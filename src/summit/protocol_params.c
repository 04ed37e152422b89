/* protocol_params.c: the summit protocol's parameters with their defaults and ranges.
 * docs/protocol.md documents each one; the table here is the single source of truth. */
#include <concert/summit.h>

#include "summit/protocol_i.h"

static const concert_param_spec specs[] = {
    {.key = "loss", .is_word = true, .words = "linear|quadratic",
     .doc = "utility loss in distance for acceptance and gains"},
    {.key = "tolerance", .def = 0, .min = 0, .max = 100,
     .doc = "default acceptance slack, points on the 0-100 scale"},
    {.key = "partners_cosign", .is_word = true, .words = "true|false",
     .doc = "invited partners may co-sign statements"},
    {.key = "redraft", .is_word = true, .words = "true|false",
     .doc = "the chair re-drafts a rejected text to the nearest one the rule accepts"},
    {.key = "summary_agreed", .def = 10, .min = 0, .max = 50,
     .doc = "dispersion up to which the chair's summary says 'agreed'"},
    {.key = "summary_discussed", .def = 25, .min = 0, .max = 50,
     .doc = "dispersion up to which it says 'discussed'"},
    {.key = "chair_forgoes", .is_word = true, .words = "true|false",
     .doc = "the chair may forgo a document it expects to fail or be disowned"},
    {.key = "withdraw", .is_word = true, .words = "true|false",
     .doc = "a member whose leader left may disown the issued document"},
    {.key = "carve_out", .is_word = true, .words = "true|false",
     .doc = "a package paragraph may stand for all but a few dissenters"},
    {.key = "carve_out_max", .def = 1, .min = 0, .max = 100,
     .doc = "most dissenters a carved-out paragraph may leave out"},
    {.key = "forgo_above", .def = 0.5, .min = 0, .max = 1,
     .doc = "the chair forgoes when its expected chance of failure exceeds this"},
    {.key = "forgo_evaluation", .is_word = true, .words = "ranges|point",
     .doc = "the chair's expectation: at the point values and each range's ends, or at the "
            "point values only (what a sweep sets)"},
};

const concert_param_spec *concert_i_protocol_specs(size_t *n) {
  if (n) *n = sizeof specs / sizeof specs[0];
  return specs;
}

const concert_param_spec *concert_summit_params(size_t *n) { return concert_i_protocol_specs(n); }
