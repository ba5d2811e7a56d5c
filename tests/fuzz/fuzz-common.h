/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "gr-session.h"

G_BEGIN_DECLS

/* What libFuzzer calls for each input; the replay program calls it too, on the corpus. */
int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

void gr_fuzz_init           (void);
void gr_fuzz_check_session  (GrSession     *session);

G_END_DECLS
