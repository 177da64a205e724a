package dev.portal.studio.web;

import dev.portal.studio.game.LiveMessage;
import io.javalin.http.sse.SseClient;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Pushes live changes to every open page as server-sent events. Sends happen on one thread of their own, in
 * the order the board made them, so the MQTT thread never waits on a browser; a page that has gone is dropped.
 */
public final class LiveStream implements AutoCloseable {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-live");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code message} for every page open now. */
    public void publish(LiveMessage message) {
        String data = message.data().toString();
        sender.execute(() -> {
            for (SseClient client : clients) {
                send(client, message.type(), data);
            }
        });
    }

    /** A page opened the stream: it gets the snapshot, then every change after it. */
    void attach(SseClient client, Supplier<LiveMessage> snapshot) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // the snapshot is taken on the sender thread, so no change can fall between it and the first update
        sender.execute(() -> {
            LiveMessage first = snapshot.get();
            if (send(client, first.type(), first.data().toString())) {
                clients.add(client);
            }
        });
    }

    int pages() {
        return clients.size();
    }

    private boolean send(SseClient client, String type, String data) {
        if (client.terminated()) {
            clients.remove(client);
            return false;
        }
        try {
            client.sendEvent(type, data);
            return true;
        } catch (RuntimeException e) {
            clients.remove(client);
            return false;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        for (SseClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                // the page has gone already
            }
        }
        clients.clear();
    }
}
