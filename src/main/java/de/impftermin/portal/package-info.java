/**
 * The citizen portal: server-rendered pages (Thymeleaf) for the whole journey of a citizen — the live centre list,
 * the eligibility check, verification, the waiting room, choosing centre, day and time, personal data, the
 * confirmation, and managing a booking (view, cancel, rebook) — in German and English. It owns no data: every page
 * calls only the public APIs of the other modules. The flow's state lives in signed cookies, so any instance can
 * serve any step and every form works without JavaScript; scripts only add the live parts (centre list over SSE,
 * waiting-room polling, the hold countdown).
 */
@NullMarked
package de.impftermin.portal;

import org.jspecify.annotations.NullMarked;
