package de.impftermin.operations;

import de.impftermin.centres.OpeningDay;
import java.time.LocalDate;
import java.util.List;

/** What became of copying a week's opening days to another week: all of them copied, or none. */
public sealed interface WeekCopy {

    record Copied(List<OpeningDay> days) implements WeekCopy {
        public Copied {
            days = List.copyOf(days);
        }
    }

    /** Refused, nothing written: the centre already opens on these days of the target week. */
    record DaysExist(List<LocalDate> days) implements WeekCopy {
        public DaysExist {
            days = List.copyOf(days);
        }
    }

    /** The source week has no opening day. */
    record NothingToCopy() implements WeekCopy {}
}
