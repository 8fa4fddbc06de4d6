package cn.pingangrid.dispute.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import cn.pingangrid.dispute.SensitiveDisputeReported;

/**
 * Pushes sensitive reports (即时上报) to the town office's open maps as server-sent events, once the registering
 * transaction has committed.
 *
 * <p>The emitters live in this instance's memory: with a second instance, a report registered on one would not
 * reach a map connected to the other. A scaled-out deployment needs a shared channel (PostgreSQL
 * {@code LISTEN/NOTIFY} or a message broker) feeding every instance's emitters.
 */
@Component
class DisputeEventStream {

    private static final Logger log = LoggerFactory.getLogger(DisputeEventStream.class);
    /** An idle connection is closed after this long; the browser's EventSource reconnects by itself. */
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final CopyOnWriteArrayList<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final DisputeRegister register;

    DisputeEventStream(DisputeRegister register) {
        this.register = register;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("ready").data(Map.of("subscribers", emitters.size())));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    /**
     * Ends every open stream as the application begins to stop (before the web server's graceful shutdown, which
     * would otherwise wait for these never-ending requests).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @TransactionalEventListener
    void on(SensitiveDisputeReported event) {
        Map<String, Object> report = register.sensitiveReport(event.disputeId());
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("sensitive-dispute").id(String.valueOf(event.disputeId()))
                        .data(report));
            } catch (IOException | IllegalStateException e) {
                log.debug("dropping a closed event stream: {}", e.getMessage());
                emitters.remove(emitter);
            }
        }
    }
}
