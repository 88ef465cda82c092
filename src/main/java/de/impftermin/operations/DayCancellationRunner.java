package de.impftermin.operations;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs day-cancellation jobs in the background, one booking per transaction, and resumes the jobs left RUNNING when
 * the application starts (after a crash). Safe with several runners on one job, also across instances.
 */
@Component
public class DayCancellationRunner {

    private static final Logger log = LoggerFactory.getLogger(DayCancellationRunner.class);

    private final DayCancellations cancellations;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    DayCancellationRunner(DayCancellations cancellations) {
        this.cancellations = cancellations;
    }

    /** Starts (or resumes) the job in the background. */
    public void launch(UUID job) {
        executor.execute(() -> {
            try {
                run(job);
            } catch (RuntimeException e) {
                log.error("day cancellation {} stopped; it resumes when run again", job, e);
            }
        });
    }

    /** Runs the job to its end in the calling thread; an exception leaves the rest for a later run. */
    public void run(UUID job) {
        while (cancellations.processNext(job)) {
            // one booking per transaction
        }
        cancellations.finish(job);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunningJobs() {
        cancellations.running().forEach(this::launch);
    }
}
