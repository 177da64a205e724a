package dev.portal.protocol.frame;

/** The body of a frame; its type byte follows from which record it is. */
public sealed interface Message permits TagPlaced, TagRemoved, ToyRead, ToyAreas, Birth, Heartbeat, Command, CommandResult,
        CommandReport {

    default MessageType type() {
        return switch (this) {
            case TagPlaced m -> MessageType.TAG_PLACED;
            case TagRemoved m -> MessageType.TAG_REMOVED;
            case ToyRead m -> MessageType.TOY_READ;
            case ToyAreas m -> MessageType.TOY_AREAS;
            case Birth m -> MessageType.BIRTH;
            case Heartbeat m -> MessageType.HEARTBEAT;
            case Command m -> MessageType.COMMAND;
            case CommandResult m -> MessageType.COMMAND_RESULT;
            case CommandReport m -> MessageType.COMMAND_REPORT;
        };
    }
}
