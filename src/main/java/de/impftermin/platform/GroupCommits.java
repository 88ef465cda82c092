package de.impftermin.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Creates the {@link GroupCommit}s of the modules (one per kind of request) and stops them on shutdown. */
@Component
public class GroupCommits implements AutoCloseable {

    private final PlatformTransactionManager transactionManager;
    private final MeterRegistry meters;
    private final int maxBatch;
    private final List<GroupCommit> created = new CopyOnWriteArrayList<>();

    GroupCommits(
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            @Value("${impftermin.group-commit.max-batch:64}") int maxBatch) {
        this.transactionManager = transactionManager;
        this.meters = meters;
        this.maxBatch = maxBatch;
    }

    public GroupCommit create(String name) {
        GroupCommit commit = new GroupCommit(name, transactionManager, meters, maxBatch);
        created.add(commit);
        return commit;
    }

    @Override
    public void close() {
        created.forEach(GroupCommit::close);
    }
}
