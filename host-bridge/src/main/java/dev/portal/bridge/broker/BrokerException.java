package dev.portal.bridge.broker;

/** The embedded broker could not start. */
public class BrokerException extends Exception {
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
