package de.impftermin.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairingTests {

    private static final LocalDate DAY = LocalDate.of(2022, 1, 10);

    private long nextId = 1;

    @Test
    void pairsEachFirstDoseWithTheSameTimeOfDayOnTheEarliestAllowedDay() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:00", "09:30", "10:00"));
        seats.addAll(day(DAY.plusDays(21), "09:00", "09:30", "10:00"));
        seats.addAll(day(DAY.plusDays(22), "09:00", "09:30", "10:00"));

        List<SeatPair> pairs = new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY, 10);

        assertThat(pairs).hasSize(3);
        for (SeatPair pair : pairs) {
            assertThat(BerlinTime.dayOf(pair.second().startsAt())).isEqualTo(DAY.plusDays(21));
            assertThat(BerlinTime.timeOf(pair.second().startsAt()))
                    .isEqualTo(BerlinTime.timeOf(pair.first().startsAt()));
        }
    }

    @Test
    void takesTheNearestTimeWhenTheSameTimeIsNotFree() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:30"));
        seats.addAll(day(DAY.plusDays(21), "08:00", "09:50", "11:00"));

        List<SeatPair> pairs = new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY, 1);

        assertThat(pairs)
                .singleElement()
                .satisfies(pair ->
                        assertThat(BerlinTime.timeOf(pair.second().startsAt())).isEqualTo(LocalTime.of(9, 50)));
    }

    @Test
    void formsFewerSeriesThanWantedRatherThanHalfPairedOnes() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:00", "09:10", "09:20", "09:30"));
        seats.addAll(day(DAY.plusDays(21), "09:00", "09:10"));

        List<SeatPair> pairs = new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY, 4);

        assertThat(pairs)
                .hasSize(2)
                .allSatisfy(pair -> assertThat(pair.second()).isNotNull());
    }

    @Test
    void pairsNothingWithoutSecondDoseSeatsInsideTheInterval() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:00", "09:10"));
        seats.addAll(day(DAY.plusDays(20), "09:00", "09:10"));
        seats.addAll(day(DAY.plusDays(43), "09:00", "09:10"));

        assertThat(new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY, 2)).isEmpty();
    }

    @Test
    void singleDoseSeriesHaveNoSecondSeatAndStayInsideTheFirstDoseDays() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:00", "09:10"));
        seats.addAll(day(DAY.plusDays(1), "09:00"));

        List<SeatPair> pairs = new Pairing(Vaccine.JCOVDEN).pair(seats, DAY, DAY, 5);

        assertThat(pairs).hasSize(2).allSatisfy(pair -> {
            assertThat(pair.second()).isNull();
            assertThat(BerlinTime.dayOf(pair.first().startsAt())).isEqualTo(DAY);
        });
    }

    @Test
    void keepsTheWallClockTimeAcrossTheDaylightSavingChange() {
        LocalDate beforeChange = LocalDate.of(2022, 3, 21);
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(beforeChange, "09:30"));
        seats.addAll(day(beforeChange.plusDays(21), "08:30", "09:30", "10:30"));

        SeatPair pair = new Pairing(Vaccine.COMIRNATY)
                .pair(seats, beforeChange, beforeChange, 1)
                .getFirst();

        assertThat(BerlinTime.show(pair.first().startsAt()).toString()).isEqualTo("2022-03-21T09:30+01:00");
        assertThat(BerlinTime.show(pair.second().startsAt()).toString()).isEqualTo("2022-04-11T09:30+02:00");
    }

    @Test
    void aSeatTakenAsSecondDoseIsNeverOfferedAsFirstDose() {
        // 1st-dose days span 30 days, so the seats of day 21..30 are both possible 1st and 2nd doses.
        List<FreeSeat> seats = new ArrayList<>();
        for (int d = 0; d <= 72; d++) {
            seats.addAll(day(DAY.plusDays(d), "09:00", "09:10"));
        }

        List<SeatPair> pairs = new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY.plusDays(30), 1000);

        assertEverySeatOnceAndInsideTheInterval(pairs, Vaccine.COMIRNATY);
        assertThat(pairs).isNotEmpty();
    }

    @Test
    void neverUsesASeatTwiceAndKeepsEveryIntervalOnRandomCapacity() {
        Random random = new Random(42);
        for (Vaccine vaccine : List.of(Vaccine.COMIRNATY, Vaccine.SPIKEVAX, Vaccine.VAXZEVRIA)) {
            for (int round = 0; round < 20; round++) {
                List<FreeSeat> seats = new ArrayList<>();
                for (int d = 0; d < 120; d++) {
                    int count = random.nextInt(6);
                    for (int i = 0; i < count; i++) {
                        seats.add(seat(DAY.plusDays(d), LocalTime.of(8 + random.nextInt(10), random.nextInt(4) * 15)));
                    }
                }
                Collections.shuffle(seats, random);

                List<SeatPair> pairs = new Pairing(vaccine).pair(seats, DAY, DAY.plusDays(40), 10_000);

                assertEverySeatOnceAndInsideTheInterval(pairs, vaccine);
            }
        }
    }

    @Test
    void formsAtMostTheWantedNumberEarliestFirst() {
        List<FreeSeat> seats = new ArrayList<>();
        seats.addAll(day(DAY, "09:00", "09:10", "09:20"));
        seats.addAll(day(DAY.plusDays(21), "09:00", "09:10", "09:20"));

        List<SeatPair> pairs = new Pairing(Vaccine.COMIRNATY).pair(seats, DAY, DAY, 2);

        assertThat(pairs)
                .extracting(p -> BerlinTime.timeOf(p.first().startsAt()))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 10));
    }

    private static void assertEverySeatOnceAndInsideTheInterval(List<SeatPair> pairs, Vaccine vaccine) {
        Set<Long> used = new HashSet<>();
        for (SeatPair pair : pairs) {
            assertThat(used.add(pair.first().id()))
                    .as("seat %s used twice", pair.first())
                    .isTrue();
            assertThat(pair.second()).isNotNull();
            assertThat(used.add(pair.second().id()))
                    .as("seat %s used twice", pair.second())
                    .isTrue();
            long days = ChronoUnit.DAYS.between(
                    BerlinTime.dayOf(pair.first().startsAt()),
                    BerlinTime.dayOf(pair.second().startsAt()));
            assertThat(days).isBetween((long) vaccine.minDays(), (long) vaccine.maxDays());
        }
    }

    private List<FreeSeat> day(LocalDate date, String... times) {
        List<FreeSeat> seats = new ArrayList<>();
        for (String time : times) {
            seats.add(seat(date, LocalTime.parse(time)));
        }
        return seats;
    }

    private FreeSeat seat(LocalDate date, LocalTime time) {
        return new FreeSeat(nextId++, BerlinTime.at(date, time));
    }
}
