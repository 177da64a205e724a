package dev.portal.bridge.mqtt;

/** The broker could not be reached, refused us, or the client's buffers are full. */
public class MqttLinkException extends Exception {
    public MqttLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
