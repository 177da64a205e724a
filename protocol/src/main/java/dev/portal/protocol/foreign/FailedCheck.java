package dev.portal.protocol.foreign;

import java.util.Objects;

/** A tag that claims {@code line} but whose data fails that line's check: no id from it can be trusted. */
public record FailedCheck(ToyLine line) implements ForeignReading {
    public FailedCheck {
        Objects.requireNonNull(line, "line");
    }
}
