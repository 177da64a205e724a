package dev.portal.device.serial;

import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Message;
import java.util.function.Consumer;

/**
 * What the device's command dispatcher offers the serial link: the same commands as over MQTT. {@code reply}
 * takes the CommandResult (and any later message, such as a firmware outcome) and may be called from any
 * thread, also after {@code handle} returned.
 */
@FunctionalInterface
public interface SerialCommandHandler {
    void handle(Command command, Consumer<Message> reply);
}
