package de.impftermin.hotline;

import static de.impftermin.support.Json.obj;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the call-back tests share: a clean queue, agents' takes over HTTP. */
final class CallBackSupport {

    private CallBackSupport() {}

    /**
     * Closes every open request other tests left, so that a test's agent takes its own. Tests of the shared context
     * run one after another; this only touches the queue, never a test's centres.
     */
    static void emptyQueue(JdbcClient jdbc) {
        jdbc.sql(
                        "update call_back set status = 'DONE', closed_at = now(), version = version + 1 where status <> 'DONE'")
                .update();
    }

    static ApiResponse next(Api agent) {
        return agent.post("/api/v1/hotline/callbacks/next", null);
    }

    static ApiResponse outcome(Api agent, String id, String outcome, String bookingCode) {
        return agent.post(
                "/api/v1/hotline/callbacks/" + id + "/outcome", obj("outcome", outcome, "bookingCode", bookingCode));
    }

    /** Takes requests until none waits; answers the ids in the order taken. */
    static List<UUID> takeAll(Api agent) {
        List<UUID> taken = new ArrayList<>();
        while (true) {
            ApiResponse next = next(agent);
            if (next.status() == 204) {
                return taken;
            }
            if (next.status() != 200) {
                throw new AssertionError("take failed: " + next);
            }
            taken.add(UUID.fromString(next.json().path("id").asString()));
        }
    }
}
