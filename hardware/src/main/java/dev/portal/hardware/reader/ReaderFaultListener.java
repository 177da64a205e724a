package dev.portal.hardware.reader;

/** Told about every {@link ReaderFault}; called on the reader's poll thread, so it must return quickly. */
@FunctionalInterface
public interface ReaderFaultListener {
    ReaderFaultListener NONE = fault -> { };

    void onFault(ReaderFault fault);
}
