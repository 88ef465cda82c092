package de.impftermin.operations;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * For tests of resumption: fails the (n+1)-th booking of a day cancellation inside its transaction, as a crash
 * halfway would leave it. Off unless a test arms it.
 */
@Component
class CrashSwitch {

    private final AtomicInteger left = new AtomicInteger(-1);
    private final AtomicInteger tripped = new AtomicInteger();

    void armAfter(int bookings) {
        left.set(bookings);
    }

    void disarm() {
        left.set(-1);
    }

    int tripped() {
        return tripped.get();
    }

    void beforeBooking() {
        if (left.get() < 0) {
            return;
        }
        if (left.getAndDecrement() == 0) {
            left.set(-1);
            tripped.incrementAndGet();
            throw new IllegalStateException("injected crash before the next booking of a day cancellation");
        }
    }
}
