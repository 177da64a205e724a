package dev.portal.link;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Small helpers of the link tests. */
final class LinkTesting {
    static final Duration WAIT = Duration.ofSeconds(10);

    private LinkTesting() {
    }

    /** A message with its acknowledgement, as a handler got them. */
    record Got(InboundMessage message, Acknowledgement ack) {
        String text() {
            return new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Collects what a handler receives; acknowledges only when told. */
    static final class Inbox implements MessageHandler {
        final LinkedBlockingQueue<Got> got = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(InboundMessage message, Acknowledgement acknowledgement) {
            got.add(new Got(message, acknowledgement));
        }

        Got next() throws InterruptedException {
            Got g = got.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (g == null) {
                throw new AssertionError("nothing arrived within " + WAIT);
            }
            return g;
        }

        Got nextAcked() throws InterruptedException {
            Got g = next();
            g.ack().acknowledge();
            return g;
        }

        boolean quietFor(Duration d) throws InterruptedException {
            return got.poll(d.toMillis(), TimeUnit.MILLISECONDS) == null;
        }
    }

    /** Waits for a condition the link reports through its listener. */
    static final class Connections implements ConnectionListener {
        final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void connected(boolean sessionPresent) {
            events.add(sessionPresent ? "resumed" : "fresh");
        }

        @Override
        public void lost(Throwable cause) {
            events.add("lost");
        }

        String next() throws InterruptedException {
            String e = events.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no connection event within 30 s");
            }
            return e;
        }
    }
}
