/* summit/protocol_i.h: the summit protocol's parameters, as the loader needs them. */
#ifndef CONCERT_I_PROTOCOL_H
#define CONCERT_I_PROTOCOL_H
#include <concert/params.h>

/** The protocol's parameter specs (also concert_summit_params). */
const concert_param_spec *concert_i_protocol_specs(size_t *n);

#endif
