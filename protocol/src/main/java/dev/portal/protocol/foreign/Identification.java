package dev.portal.protocol.foreign;

import java.util.Objects;
import java.util.Optional;

/**
 * The diagnosis of one line's identifier on a tag's bytes: who it is, that it claims the line and fails its check
 * (with the reason, for people), or that it is not of this line at all.
 */
public sealed interface Identification {

    /** What goes on the wire: the toy, a failed check, or nothing for a tag of no foreign line. */
    Optional<ForeignReading> reading();

    record Identified(ForeignToy toy) implements Identification {
        public Identified {
            Objects.requireNonNull(toy, "toy");
        }

        @Override
        public Optional<ForeignReading> reading() {
            return Optional.of(toy);
        }
    }

    record FailsCheck(ToyLine line, String reason) implements Identification {
        public FailsCheck {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<ForeignReading> reading() {
            return Optional.of(new FailedCheck(line));
        }
    }

    record NotForeign(String reason) implements Identification {
        public NotForeign {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<ForeignReading> reading() {
            return Optional.empty();
        }
    }
}
