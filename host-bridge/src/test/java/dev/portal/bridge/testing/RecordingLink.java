package dev.portal.bridge.testing;

import dev.portal.bridge.mqtt.MqttLink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An MqttLink with no broker behind it: keeps what is published and confirms a delivery only when the test
 * runs its callback (the broker's PUBACK). Not thread-safe: for tests that drive one thread.
 */
public final class RecordingLink implements MqttLink {
    /** One publication, with the callback that tells its sender the broker has it. */
    public record Sent(String topic, String text, Runnable delivered) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean connected = true;

    public List<Sent> sent() {
        return sent;
    }

    public void connected(boolean up) {
        connected = up;
    }

    @Override
    public void connect() {
    }

    @Override
    public void subscribe(String filter, int qos) {
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Runnable delivered) {
        sent.add(new Sent(topic, new String(payload, StandardCharsets.UTF_8), delivered));
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void close() {
    }
}
