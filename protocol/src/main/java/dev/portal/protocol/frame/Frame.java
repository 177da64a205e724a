package dev.portal.protocol.frame;

/** One decoded frame: what a portal and the host exchange per MQTT message or per serial packet. */
public record Frame(Header header, Message message) {
    public Frame {
        Check.present("header", header);
        Check.present("message", message);
    }

    public MessageType type() {
        return message.type();
    }
}
