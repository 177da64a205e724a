package dev.portal.bridge.ingest;

import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.state.AfterCommit;

import java.util.function.Consumer;

/**
 * What follows the commit of frames' changes: their documents and events go out, tag writes and verdicts go to
 * portals, game servers hear the results of their writes, rebirths are asked for, and restarted portals get
 * their sweep scheduled.
 */
final class CommitFollowUp {
    private final GamePublisher publisher;
    private final UpdateService updates;
    private final PortalCommands commands;
    private final Consumer<String> restarted;

    CommitFollowUp(GamePublisher publisher, UpdateService updates, PortalCommands commands, Consumer<String> restarted) {
        this.publisher = publisher;
        this.updates = updates;
        this.commands = commands;
        this.restarted = restarted;
    }

    void run(AfterCommit after) {
        publisher.publish(after);
        updates.sendWrites(after);
        after.verdicts().forEach(commands::showVerdict);
        updates.onResults(after);
        after.rebirths().forEach(commands::requestRebirth);
        after.restarted().forEach(restarted);
    }
}
