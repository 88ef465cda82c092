package de.impftermin.inventory.domain;

import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pairs 1st-dose seats on the release's days with free 2nd-dose seats {@code minDays..maxDays} later, preferring
 * the earliest allowed day and the same time of day, then the nearest time. Greedy in time order, so the earliest
 * 1st-dose seats are paired first; a seat taken as a 2nd dose is no longer offered as a 1st dose. Every pair it
 * returns lies inside the vaccine's interval; seats without a partner are left out, never half-paired.
 */
public final class Pairing {

    private final Vaccine vaccine;

    public Pairing(Vaccine vaccine) {
        this.vaccine = vaccine;
    }

    /**
     * @param freeSeats all free seats of the centre from {@code from} to {@code to + maxDays}, any order
     * @param wanted the most series to form
     */
    public List<SeatPair> pair(Collection<FreeSeat> freeSeats, LocalDate from, LocalDate to, int wanted) {
        List<FreeSeat> sorted = freeSeats.stream()
                .sorted((a, b) -> a.startsAt().equals(b.startsAt())
                        ? Long.compare(a.id(), b.id())
                        : a.startsAt().compareTo(b.startsAt()))
                .toList();
        List<SeatPair> pairs = new ArrayList<>();
        if (!vaccine.hasSecondDose()) {
            for (FreeSeat seat : sorted) {
                if (pairs.size() == wanted) {
                    break;
                }
                if (inFirstDoseRange(seat, from, to)) {
                    pairs.add(new SeatPair(seat, null));
                }
            }
            return pairs;
        }
        Map<LocalDate, NavigableMap<LocalTime, ArrayDeque<FreeSeat>>> pool = new HashMap<>();
        for (FreeSeat seat : sorted) {
            pool.computeIfAbsent(BerlinTime.dayOf(seat.startsAt()), d -> new TreeMap<>())
                    .computeIfAbsent(BerlinTime.timeOf(seat.startsAt()), t -> new ArrayDeque<>())
                    .addLast(seat);
        }
        for (FreeSeat seat : sorted) {
            if (pairs.size() == wanted) {
                break;
            }
            if (!inFirstDoseRange(seat, from, to) || !take(pool, seat)) {
                continue;
            }
            FreeSeat second = findSecond(pool, seat);
            if (second == null) {
                giveBack(pool, seat);
            } else {
                pairs.add(new SeatPair(seat, second));
            }
        }
        return pairs;
    }

    private static boolean inFirstDoseRange(FreeSeat seat, LocalDate from, LocalDate to) {
        LocalDate day = BerlinTime.dayOf(seat.startsAt());
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private FreeSeat findSecond(Map<LocalDate, NavigableMap<LocalTime, ArrayDeque<FreeSeat>>> pool, FreeSeat first) {
        LocalDate firstDay = BerlinTime.dayOf(first.startsAt());
        LocalTime time = BerlinTime.timeOf(first.startsAt());
        for (int days = vaccine.minDays(); days <= vaccine.maxDays(); days++) {
            NavigableMap<LocalTime, ArrayDeque<FreeSeat>> day = pool.get(firstDay.plusDays(days));
            if (day == null || day.isEmpty()) {
                continue;
            }
            LocalTime nearest = nearest(day, time);
            ArrayDeque<FreeSeat> seats = day.get(nearest);
            FreeSeat second = seats.pollFirst();
            if (seats.isEmpty()) {
                day.remove(nearest);
            }
            return second;
        }
        return null;
    }

    private static LocalTime nearest(NavigableMap<LocalTime, ArrayDeque<FreeSeat>> day, LocalTime time) {
        LocalTime atOrAfter = day.ceilingKey(time);
        LocalTime before = day.lowerKey(time);
        if (atOrAfter == null) {
            return before;
        }
        if (before == null) {
            return atOrAfter;
        }
        return Duration.between(before, time).compareTo(Duration.between(time, atOrAfter)) < 0 ? before : atOrAfter;
    }

    private static boolean take(Map<LocalDate, NavigableMap<LocalTime, ArrayDeque<FreeSeat>>> pool, FreeSeat seat) {
        NavigableMap<LocalTime, ArrayDeque<FreeSeat>> day = pool.get(BerlinTime.dayOf(seat.startsAt()));
        LocalTime time = BerlinTime.timeOf(seat.startsAt());
        ArrayDeque<FreeSeat> seats = day == null ? null : day.get(time);
        if (seats == null || !seats.remove(seat)) {
            return false;
        }
        if (seats.isEmpty()) {
            day.remove(time);
        }
        return true;
    }

    private static void giveBack(Map<LocalDate, NavigableMap<LocalTime, ArrayDeque<FreeSeat>>> pool, FreeSeat seat) {
        pool.computeIfAbsent(BerlinTime.dayOf(seat.startsAt()), d -> new TreeMap<>())
                .computeIfAbsent(BerlinTime.timeOf(seat.startsAt()), t -> new ArrayDeque<>())
                .addFirst(seat);
    }
}
