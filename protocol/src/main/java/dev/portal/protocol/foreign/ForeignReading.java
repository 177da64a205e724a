package dev.portal.protocol.foreign;

/**
 * What a portal tells the host about a foreign toy (the foreign block of a ToyRead, SPEC.md 5.3): either who it is
 * ({@link ForeignToy}) or that it claims a line whose check its data fails ({@link FailedCheck}).
 */
public sealed interface ForeignReading permits ForeignToy, FailedCheck {
    ToyLine line();
}
