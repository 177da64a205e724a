package dev.portal.portalctl.testing;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The fake portal's MQTT side for one boot: frames of this boot to evt, commands from cmd, retained status. */
final class FakeMqtt implements AutoCloseable {
    private final String uri;
    private MqttClient client;
    private final String deviceId;
    private final long bootId = new SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<byte[]> commands;

    FakeMqtt(String uri, String deviceId, Consumer<byte[]> commands) {
        this.deviceId = deviceId;
        this.commands = commands;
        this.uri = uri;
        try {
            client = new MqttClient(uri, deviceId + "-" + Long.toHexString(bootId), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    void connect() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setWill("portal/" + deviceId + "/status", status("offline"), 1, true);
        client.setCallback(new MqttCallback() {
            public void connectionLost(Throwable cause) {
            }

            public void messageArrived(String topic, MqttMessage message) {
                commands.accept(message.getPayload());
            }

            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(o);
        client.subscribe("portal/" + deviceId + "/cmd", 1);
        client.publish("portal/" + deviceId + "/status", status("online"), 1, true);
    }

    /** A new connection after {@link #close()}, as the device's reconnect would make. */
    synchronized void reconnect() throws MqttException {
        client = new MqttClient(uri, deviceId + "-" + Long.toHexString(bootId) + "-r", new MemoryPersistence());
        connect();
    }

    private byte[] status(String state) {
        return String.format("{\"state\":\"%s\",\"deviceId\":\"%s\",\"bootId\":\"%08x\"}", state, deviceId, bootId)
                .getBytes(StandardCharsets.UTF_8);
    }

    synchronized boolean connected() {
        return client.isConnected();
    }

    synchronized void publish(Message m) {
        Frame f = new Frame(Header.of(bootId, sequence.getAndIncrement(), System.currentTimeMillis(), true), m);
        try {
            if (client.isConnected()) {
                client.publish("portal/" + deviceId + "/evt", FrameCodec.encode(f), 1, false);
            }
        } catch (MqttException e) {
            // the device would keep it in its outbox; the fake drops it, as a lost connection would
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 500);
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
