package dev.portal.device.mqtt;

/** An MQTT operation that failed; the message says which and why. */
public final class MqttLinkException extends Exception {
    public MqttLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
