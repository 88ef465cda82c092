package de.impftermin.availability.web;

import de.impftermin.availability.AvailabilitySnapshots;
import de.impftermin.availability.CentreSummary;
import de.impftermin.availability.Feed;
import de.impftermin.availability.Snapshot;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Public availability")
class AvailabilityController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final AvailabilitySnapshots snapshots;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();

    AvailabilityController(AvailabilitySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Ends every open stream when the app stops, before the web server's graceful shutdown waits for requests in
     * flight: an open stream is such a request, and 1,000 subscribed browsers held a SIGTERM for the whole 30 s
     * shutdown timeout. Browsers reconnect by themselves (to another instance behind the load balancer).
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        for (SseEmitter stream : List.copyOf(streams)) {
            stream.complete();
        }
    }

    @GetMapping("/centres")
    ResponseEntity<List<CentreSummary>> centres() {
        Snapshot snapshot = snapshots.current();
        return ResponseEntity.ok().cacheControl(CACHE).eTag(snapshot.etag()).body(snapshot.centres());
    }

    @GetMapping(value = "/availability", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Feed.class)))
    ResponseEntity<byte[]> availability(
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        Snapshot snapshot = snapshots.current();
        if (snapshot.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(CACHE)
                    .eTag(snapshot.etag())
                    .build();
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(snapshot.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(snapshot.feedJson());
    }

    @GetMapping(value = "/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Consumer<Snapshot> push = snapshot -> send(emitter, snapshot);
        Runnable end = () -> {
            snapshots.unsubscribe(push);
            streams.remove(emitter);
        };
        streams.add(emitter);
        snapshots.subscribe(push);
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        send(emitter, snapshots.current());
        return emitter;
    }

    private static void send(SseEmitter emitter, Snapshot snapshot) {
        try {
            emitter.send(SseEmitter.event()
                    .name("availability")
                    .id(Long.toString(snapshot.version()))
                    .data(
                            new String(snapshot.feedJson(), java.nio.charset.StandardCharsets.UTF_8),
                            MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            try {
                emitter.completeWithError(e);
            } catch (IllegalStateException alreadyFailed) {
                // The container already ended the request (the browser went away); nothing is left to complete.
            }
        }
    }
}
