package dev.portal.hardware.reader;

/** Outcome of a chip self-test; {@code detail} says what was checked or what differed. */
public record SelfTestResult(boolean passed, String detail) {
}
