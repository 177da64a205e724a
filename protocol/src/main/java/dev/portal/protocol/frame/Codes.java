package dev.portal.protocol.frame;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The constants of one enum keyed by their wire code, built once when the enum is initialised. Every enum that
 * travels as a number looks its codes up here, so a decoder's lookup is one map access and two constants sharing
 * a code fail when the enum loads rather than decoding to whichever comes first.
 */
public final class Codes<E extends Enum<E>> {
    private final Map<Integer, E> byCode;

    private Codes(Map<Integer, E> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** Call from a static field declared after the constants, for example {@code Codes.of(Status.class, Status::code)}. */
    public static <E extends Enum<E>> Codes<E> of(Class<E> type, ToIntFunction<E> code) {
        Map<Integer, E> byCode = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            E clash = byCode.put(code.applyAsInt(constant), constant);
            if (clash != null) {
                throw new IllegalStateException(type.getSimpleName() + "." + clash + " and " + constant
                        + " share code " + code.applyAsInt(constant));
            }
        }
        return new Codes<>(byCode);
    }

    /** The constant with that code, or null when this version does not know the code (the caller decides what that means). */
    public E find(int code) {
        return byCode.get(code);
    }
}
