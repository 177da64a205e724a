package dev.portal.protocol.toy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid toy values for property tests. */
final class ToyArbitraries {

    private ToyArbitraries() {
    }

    static Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(CoCreation.MAX_NAME_BYTES);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(CoCreation.MAX_NAME_BYTES)
                .filter(s -> CoCreation.nameProblem(s) == null);
        Arbitrary<String> multiByte = Arbitraries.of("Zoë", "Ærø", "ドラゴン", "🐉 Drako", "Łódź-Ölçü", "")
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= CoCreation.MAX_NAME_BYTES);
        return Arbitraries.oneOf(ascii, anyText, multiByte);
    }

    static Arbitrary<Colours> colours() {
        Arbitrary<Integer> rgb = Arbitraries.integers().between(0, Colours.MAX_RGB).edgeCases(c -> c.includeOnly(0, Colours.MAX_RGB));
        return Combinators.combine(rgb, rgb, rgb).as(Colours::new);
    }

    static Arbitrary<CoCreation> coCreations() {
        return Combinators.combine(
                names(),
                colours(),
                Arbitraries.longs().map(Upgrades::new),
                Arbitraries.longs().between(0, CoCreation.MAX_XP),
                Arbitraries.integers().between(0, CoCreation.MAX_LEVEL))
                .as(CoCreation::new);
    }

    static Arbitrary<ToyRecord> records() {
        return Combinators.combine(
                Arbitraries.integers().between(0, ToyRecord.MAX_TOY_TYPE),
                Arbitraries.integers().between(0, ToyRecord.MAX_VARIANT),
                coCreations())
                .as(ToyRecord::new);
    }

    static Arbitrary<byte[]> uids() {
        return Arbitraries.of(4, 7, 10).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    static ToyRecord sample() {
        return new ToyRecord(0x1234, 2, new CoCreation("Sparky", new Colours(0xFF0000, 0x00FF00, 0x0000FF),
                Upgrades.of(0, 5, 63), 123_456, 7));
    }
}
