package de.impftermin.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the pairing over generated seat plans (any days, times, order and vaccine, across the change to
 * summer time): every seat in at most one series, every 2nd dose inside the vaccine's interval, every 1st dose inside
 * the release's days, never more than wanted, and nothing left that could still have been paired.
 */
class PairingPropertyTests {

    private static final LocalDate START = LocalDate.of(2022, 3, 1);

    private record Plan(Vaccine vaccine, List<FreeSeat> seats, LocalDate from, LocalDate to, int wanted) {}

    private static Gen<List<FreeSeat>> seats() {
        Gen<int[]> seat =
                integers().between(0, 120).zip(integers().between(0, 47), (day, slot) -> new int[] {day, slot});
        return lists().of(seat).ofSizeBetween(0, 300).map(raw -> {
            List<FreeSeat> seats = new ArrayList<>();
            long id = 1;
            for (int[] s : raw) {
                LocalTime time = LocalTime.of(8, 0).plusMinutes(15L * s[1]);
                seats.add(new FreeSeat(id++, BerlinTime.at(START.plusDays(s[0]), time)));
            }
            return seats;
        });
    }

    private static Gen<Plan> plans() {
        return Generate.enumValues(Vaccine.class)
                .zip(
                        seats(),
                        integers().between(0, 40),
                        integers().between(0, 30),
                        (vaccine, seats, from, length) ->
                                new Plan(vaccine, seats, START.plusDays(from), START.plusDays(from + length), 0))
                .zip(
                        integers().between(1, 200),
                        (plan, wanted) -> new Plan(plan.vaccine(), plan.seats(), plan.from(), plan.to(), wanted));
    }

    @Test
    void everySeriesIsWholeInsideItsIntervalAndNoSeatIsUsedTwice() {
        qt().withExamples(500).forAll(plans()).checkAssert(plan -> {
            List<SeatPair> pairs = pair(plan);
            assertThat(pairs.size()).isLessThanOrEqualTo(plan.wanted());
            Set<Long> used = new HashSet<>();
            Set<Long> offered =
                    new HashSet<>(plan.seats().stream().map(FreeSeat::id).toList());
            for (SeatPair pair : pairs) {
                LocalDate first = BerlinTime.dayOf(pair.first().startsAt());
                assertThat(first).isBetween(plan.from(), plan.to());
                assertThat(used.add(pair.first().id())).isTrue();
                assertThat(offered).contains(pair.first().id());
                if (!plan.vaccine().hasSecondDose()) {
                    assertThat(pair.second()).isNull();
                    continue;
                }
                assertThat(pair.second()).isNotNull();
                assertThat(used.add(pair.second().id())).isTrue();
                assertThat(offered).contains(pair.second().id());
                long days = ChronoUnit.DAYS.between(
                        first, BerlinTime.dayOf(pair.second().startsAt()));
                assertThat(days).isBetween((long) plan.vaccine().minDays(), (long)
                        plan.vaccine().maxDays());
            }
        });
    }

    @Test
    void fewerThanWantedOnlyWhenNoFreeFirstDoseSeatHasAFreePartnerLeft() {
        qt().withExamples(500).forAll(plans()).checkAssert(plan -> {
            List<SeatPair> pairs = pair(plan);
            if (pairs.size() == plan.wanted()) {
                return;
            }
            Set<Long> used = new HashSet<>();
            pairs.forEach(p -> {
                used.add(p.first().id());
                if (p.second() != null) {
                    used.add(p.second().id());
                }
            });
            List<FreeSeat> left =
                    plan.seats().stream().filter(s -> !used.contains(s.id())).toList();
            for (FreeSeat first : left) {
                LocalDate day = BerlinTime.dayOf(first.startsAt());
                if (day.isBefore(plan.from()) || day.isAfter(plan.to())) {
                    continue;
                }
                boolean partner = !plan.vaccine().hasSecondDose()
                        || left.stream().anyMatch(second -> second.id() != first.id() && inInterval(plan, day, second));
                assertThat(partner)
                        .as("seat %s could still have formed a series", first)
                        .isFalse();
            }
        });
    }

    private static boolean inInterval(Plan plan, LocalDate firstDay, FreeSeat second) {
        long days = ChronoUnit.DAYS.between(firstDay, BerlinTime.dayOf(second.startsAt()));
        return days >= plan.vaccine().minDays() && days <= plan.vaccine().maxDays();
    }

    private static List<SeatPair> pair(Plan plan) {
        return new Pairing(plan.vaccine()).pair(plan.seats(), plan.from(), plan.to(), plan.wanted());
    }
}
