package dev.portal.bridge.player;

import dev.portal.bridge.game.RequestEnvelope;

/** Carries out one kind of request whose envelope was readable; {@code name} is the topic's uid or player. */
@FunctionalInterface
interface RequestHandler {
    Answer handle(RequestEnvelope envelope, String name);
}
