package dev.portal.studio.design;

import java.time.Instant;

/** A look a player shared in the gallery: a title, the toy type it was made on, and its colours. */
public record Design(long id, String title, String author, int toyType, Look look, Instant created) {
}
