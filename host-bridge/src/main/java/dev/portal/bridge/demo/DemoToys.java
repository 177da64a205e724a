package dev.portal.bridge.demo;

import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;

/** The built-in portal's toys; each call makes a fresh tag (tags change when written). */
final class DemoToys {
    static final String HERO = "04A1B2C3D4E5F6";
    static final String FRIEND = "04F00D5EA5E001";
    static final String FORGED = "04BADBADBAD000";
    static final String NEWBIE = "04B1A4C0000001";

    private DemoToys() {
    }

    static SimTag hero() {
        return SimTag.toy(HERO, new ToyRecord(12, 1, new CoCreation("Blaze",
                new Colours(0xFF4400, 0x202020, 0xFFD700), Upgrades.of(2), 150, 2)));
    }

    static SimTag friend() {
        return SimTag.toy(FRIEND, new ToyRecord(31, 0, new CoCreation("Frost",
                new Colours(0x66CCFF, 0xFFFFFF, 0x003366), Upgrades.NONE, 40, 1)));
    }

    static SimTag forged() {
        return SimTag.tampered(FORGED);
    }

    static SimTag newbie() {
        return SimTag.blank(NEWBIE);
    }
}
