package dev.portal.studio.game;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change the live page draws: {@code type} is the server-sent event's name ({@code snapshot},
 * {@code portal}, {@code placed}, {@code toy}, {@code removed}) and {@code data} its JSON.
 */
public record LiveMessage(String type, ObjectNode data) {
}
