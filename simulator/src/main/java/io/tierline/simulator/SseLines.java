package io.tierline.simulator;

import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * Turns the lines of a Server-Sent Events stream into (event name, data) calls; comments are ignored.
 * {@link #cancel()} ends the stream from this side, which closes its connection.
 */
final class SseLines implements Flow.Subscriber<String> {

    private final BiConsumer<String, String> onEvent;
    private final Runnable onEnd;
    private final StringBuilder data = new StringBuilder();
    private String name;
    private Flow.Subscription subscription;
    private volatile boolean cancelled;

    SseLines(BiConsumer<String, String> onEvent, Runnable onEnd) {
        this.onEvent = onEvent;
        this.onEnd = onEnd;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
                return;
            }
        }
        subscription.request(Long.MAX_VALUE);
    }

    /**
     * Stops reading: the stream's connection is closed (at once, or as soon as the response arrives) and no
     * further event is handed on. A desktop that is done must do this, or the server keeps streaming to it.
     */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onNext(String line) {
        if (cancelled) {
            return;
        }
        if (line.isEmpty()) {
            if (data.length() > 0) {
                onEvent.accept(name, data.toString());
            }
            name = null;
            data.setLength(0);
        } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            if (data.length() > 0) {
                data.append('\n');
            }
            data.append(line.substring(5).stripLeading());
        }
    }

    @Override
    public void onError(Throwable throwable) {
        onEnd.run();
    }

    @Override
    public void onComplete() {
        onEnd.run();
    }
}
