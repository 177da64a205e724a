package dev.portal.protocol.foreign;

import java.util.Locale;
import java.util.Optional;

/**
 * What shape a foreign toy takes. amiibo name theirs in the figure-type byte (figure, card, yarn, band); LEGO
 * Dimensions tags are minifigures (FIGURE) or vehicles and gadgets (VEHICLE); every Skylander is a FIGURE.
 * Open enumeration on the wire: a code this version does not know decodes as OTHER.
 */
public enum ToyForm {
    FIGURE(0), CARD(1), YARN(2), BAND(3), VEHICLE(4), OTHER(255);

    private final int code;

    ToyForm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToyForm fromCode(int code) {
        for (ToyForm form : values()) {
            if (form.code == code) {
                return form;
            }
        }
        return OTHER;
    }

    public static Optional<ToyForm> fromJsonName(String name) {
        for (ToyForm form : values()) {
            if (form.jsonName().equals(name)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}
