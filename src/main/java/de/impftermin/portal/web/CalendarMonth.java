package de.impftermin.portal.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One month as weeks of seven days (Monday first), each day with its number of free series; days outside the month
 * are empty cells. Only days with enough free series for the household become links.
 */
record CalendarMonth(YearMonth month, List<List<@Nullable Day>> weeks) {

    record Day(LocalDate date, int free, boolean choosable) {}

    static CalendarMonth of(YearMonth month, Map<LocalDate, Integer> free, int needed) {
        List<List<@Nullable Day>> weeks = new ArrayList<>();
        List<@Nullable Day> week = new ArrayList<>();
        int leading = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < leading; i++) {
            week.add(null);
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            int n = free.getOrDefault(date, 0);
            week.add(new Day(date, n, n >= needed));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return new CalendarMonth(month, weeks);
    }

    public LocalDate first() {
        return month.atDay(1);
    }
}
