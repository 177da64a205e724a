package dev.portal.protocol.toy;

import dev.portal.testsupport.property.Gen;
import java.nio.charset.StandardCharsets;

/** Generators of valid toy values for property tests. */
final class ToyArbitraries {

    private ToyArbitraries() {
    }

    static Gen<String> names() {
        Gen<String> ascii = Gen.strings(Gen.chars(' ', '~'), 0, CoCreation.MAX_NAME_BYTES);
        Gen<String> anyText = Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, CoCreation.MAX_NAME_BYTES)
                .filter(s -> CoCreation.nameProblem(s) == null);
        Gen<String> multiByte = Gen.of("Zoë", "Ærø", "ドラゴン", "🐉 Drako", "Łódź-Ölçü", "")
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= CoCreation.MAX_NAME_BYTES);
        return Gen.oneOf(ascii, anyText, multiByte);
    }

    static Gen<Colours> colours() {
        Gen<Integer> rgb = Gen.ints(0, Colours.MAX_RGB);
        return r -> new Colours(rgb.next(r), rgb.next(r), rgb.next(r));
    }

    static Gen<CoCreation> coCreations() {
        Gen<String> names = names();
        Gen<Colours> colours = colours();
        Gen<Upgrades> upgrades = Gen.longs().map(Upgrades::new);
        Gen<Long> xp = Gen.longs(0, CoCreation.MAX_XP);
        Gen<Integer> levels = Gen.ints(0, CoCreation.MAX_LEVEL);
        return r -> new CoCreation(names.next(r), colours.next(r), upgrades.next(r), xp.next(r), levels.next(r));
    }

    static Gen<ToyRecord> records() {
        Gen<Integer> toyTypes = Gen.ints(0, ToyRecord.MAX_TOY_TYPE);
        Gen<Integer> variants = Gen.ints(0, ToyRecord.MAX_VARIANT);
        Gen<CoCreation> coCreations = coCreations();
        return r -> new ToyRecord(toyTypes.next(r), variants.next(r), coCreations.next(r));
    }

    static Gen<byte[]> uids() {
        return Gen.of(4, 7, 10).flatMap(n -> Gen.bytes(n, n));
    }

    static ToyRecord sample() {
        return new ToyRecord(0x1234, 2, new CoCreation("Sparky", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                Upgrades.of(0, 5, 63), 123_456, 7));
    }
}
