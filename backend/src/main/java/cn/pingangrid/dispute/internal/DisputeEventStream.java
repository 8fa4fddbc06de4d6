package cn.pingangrid.dispute.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.pingangrid.dispute.SensitiveDisputeReported;
import cn.pingangrid.system.DatabaseNotifications;

/**
 * Pushes sensitive reports (即时上报) to the town office's open maps as server-sent events, on every instance, once
 * the registering transaction has committed.
 *
 * <p>The registering transaction publishes the dispute's id only ({@link DatabaseNotifications}: PostgreSQL
 * {@code NOTIFY}, so every instance hears it; on the embedded H2, this instance). Each instance then reads the
 * report for its own subscribers, in each subscriber's scope (their sign-in's authorities), so no subscriber
 * receives what their own reads would not show them.
 */
@Component
class DisputeEventStream {

    private static final Logger log = LoggerFactory.getLogger(DisputeEventStream.class);
    /** The notification channel of committed sensitive reports (its payload: the dispute id). */
    static final String CHANNEL = "sensitive_dispute";
    /** An idle connection is closed after this long; the browser's EventSource reconnects by itself. */
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    /** An open stream and the sign-in it was opened with. */
    private record Subscriber(SseEmitter emitter, Authentication user) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final DisputeRegister register;
    private final DatabaseNotifications notifications;

    DisputeEventStream(DisputeRegister register, DatabaseNotifications notifications) {
        this.register = register;
        this.notifications = notifications;
        notifications.listen(CHANNEL, this::deliver);
    }

    /** A stream for the signed-in user of this request. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(emitter, SecurityContextHolder.getContext().getAuthentication());
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            emitter.send(SseEmitter.event().name("ready").data(Map.of("subscribers", subscribers.size())));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    /**
     * Ends every open stream as the application begins to stop (before the web server's graceful shutdown, which
     * would otherwise wait for these never-ending requests).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    /** In the registering transaction: the id goes out when, and only if, it commits. */
    @EventListener
    void on(SensitiveDisputeReported event) {
        notifications.publishOnCommit(CHANNEL, event.disputeId());
    }

    /** A committed report, on the notifications' thread: read once per distinct scope, sent to its subscribers. */
    void deliver(long disputeId) {
        Map<Set<String>, Optional<DisputeRegister.SensitiveReport>> reportByScope = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            Optional<DisputeRegister.SensitiveReport> report = reportByScope.computeIfAbsent(
                    authorities(subscriber.user()), scope -> readAs(subscriber.user(), disputeId));
            if (report.isEmpty()) {
                continue;
            }
            try {
                subscriber.emitter().send(SseEmitter.event().name("sensitive-dispute")
                        .id(String.valueOf(disputeId)).data(report.get()));
            } catch (IOException | IllegalStateException e) {
                log.debug("dropping a closed event stream: {}", e.getMessage());
                subscribers.remove(subscriber);
            }
        }
    }

    private Optional<DisputeRegister.SensitiveReport> readAs(Authentication user, long disputeId) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        try {
            return register.sensitiveReport(disputeId);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Set<String> authorities(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
